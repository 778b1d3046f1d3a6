namespace HuiFang.Api.Domain.Escalations;

/// <summary>The SLA rules an escalation was opened with; kept on it so that a later policy change does not move its deadlines.</summary>
public sealed record EscalationSlaRules(SeveritySla Sla, int WarningPercent, TimeSpan ReminderInterval, int MaxCycles)
{
    public static EscalationSlaRules From(EscalationPolicy policy, EscalationSeverity severity) =>
        new(policy.SlaOf(severity), policy.WarningPercent, policy.ReminderInterval, policy.MaxCycles);
}
