namespace HuiFang.Api.Domain.Escalations;

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
