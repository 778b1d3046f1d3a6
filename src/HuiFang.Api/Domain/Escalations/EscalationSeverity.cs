namespace HuiFang.Api.Domain.Escalations;

/// <summary>How urgent an escalation is; decides its SLA targets.</summary>
public enum EscalationSeverity
{
    General,
    Urgent,
}
