namespace HuiFang.Api.Domain.Escalations;

/// <summary>What an escalation looked like right after an SLA check (see <see cref="EscalationSlaHappened"/>).</summary>
/// <param name="Version">Its version after the check.</param>
/// <param name="Level">Its level (a breach moves it up).</param>
/// <param name="Department">The responsible department.</param>
/// <param name="Owner">The person responsible (a breach may hand it to the supervisor).</param>
/// <param name="ReminderCount">Reminders sent so far, this check's included.</param>
/// <param name="NextDueBy">The nearest unmet deadline.</param>
public sealed record EscalationAsChecked(int Version, EscalationLevel Level, string Department, string? Owner, int ReminderCount, DateTimeOffset? NextDueBy);
