namespace HuiFang.Api.Domain.Escalations;

/// <summary>Why an escalation was opened.</summary>
public enum EscalationTrigger
{
    Complaint,
    Unsatisfied,
    Manual,
}
