using HuiFang.Api.Domain.Common;

namespace HuiFang.Api.Domain.Escalations;

/// <summary>
/// The SLA clock caused something on a check: a warning, a breach or an automatic reminder. A check runs
/// before a person's change in the same unit of work, so the event keeps <paramref name="AsChecked"/>, the
/// escalation as the check left it: what is recorded for the happening must not show the person's change.
/// </summary>
public sealed record EscalationSlaHappened(Escalation Escalation, SlaHappening Happening, EscalationAsChecked AsChecked, DateTimeOffset OccurredAt) : IDomainEvent;
