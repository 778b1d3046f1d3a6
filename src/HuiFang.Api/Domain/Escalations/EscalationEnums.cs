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

/// <summary>How urgent an escalation is; decides its SLA targets.</summary>
public enum EscalationSeverity
{
    General,
    Urgent,
}

/// <summary>Who handles an escalation: it moves up on an SLA breach and on each reopen.</summary>
public enum EscalationLevel
{
    Department,
    Supervisor,
    Manager,
}

/// <summary>Why an escalation was opened.</summary>
public enum EscalationTrigger
{
    Complaint,
    Unsatisfied,
    Manual,
}

/// <summary>The two SLA targets of an escalation.</summary>
public enum SlaTargetKind
{
    /// <summary>First response (acknowledgement) by the department.</summary>
    Response,

    /// <summary>Reported fixed (resolved).</summary>
    Resolution,
}

/// <summary>What a note on an escalation records.</summary>
public enum EscalationNoteKind
{
    Acknowledgement,
    Progress,
    Reminder,
    AutomaticReminder,
    Pause,
    Resume,
    Reassignment,
    Resolution,
    Reopen,
}
