namespace HuiFang.Api.Domain.Escalations;

/// <summary>Where an escalation is in the loop (see the state diagram in the README).</summary>
public enum EscalationStatus
{
    /// <summary>Handed to the department; nobody has responded yet.</summary>
    Open,

    /// <summary>The department responded (the response target is met).</summary>
    Acknowledged,

    /// <summary>The department is working on it and reports progress.</summary>
    InProgress,

    /// <summary>Waiting on the customer: the SLA clocks stand still.</summary>
    Paused,

    /// <summary>The department reported it fixed; a revisit asks the customer.</summary>
    Resolved,

    /// <summary>The revisit found the customer satisfied: the loop is closed.</summary>
    Closed,
}
