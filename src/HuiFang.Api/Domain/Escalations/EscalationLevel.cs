namespace HuiFang.Api.Domain.Escalations;

/// <summary>Who handles an escalation: it moves up on an SLA breach and on each reopen.</summary>
public enum EscalationLevel
{
    Department,
    Supervisor,
    Manager,
}
