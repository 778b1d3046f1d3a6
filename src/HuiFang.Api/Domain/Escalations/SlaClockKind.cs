namespace HuiFang.Api.Domain.Escalations;

/// <summary>How an SLA target's time is counted.</summary>
public enum SlaClockKind
{
    /// <summary>Every hour counts, nights and holidays included (an urgent complaint does not wait for Monday).</summary>
    WallClock,

    /// <summary>Only the working intervals of the tenant's business calendar count.</summary>
    BusinessHours,
}
