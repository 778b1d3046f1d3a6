using HuiFang.Api.Domain.Common;

namespace HuiFang.Api.Domain.Escalations;

/// <summary>The revisit found the customer still unsatisfied: a new cycle started one level up.</summary>
public sealed record EscalationReopened(Escalation Escalation, RevisitAnswer Answer, DateTimeOffset OccurredAt) : IDomainEvent;
