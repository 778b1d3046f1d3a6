namespace HuiFang.Api.Domain.Escalations;

/// <summary>What the SLA clock can cause on a check.</summary>
public enum SlaHappeningKind
{
    Warning,
    Breach,
    AutomaticReminder,
}
