namespace HuiFang.Api.Domain.Escalations;

/// <summary>The two SLA targets of an escalation.</summary>
public enum SlaTargetKind
{
    /// <summary>First response (acknowledgement) by the department.</summary>
    Response,

    /// <summary>Reported fixed (resolved).</summary>
    Resolution,
}
