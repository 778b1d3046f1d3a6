using HuiFang.Api.Domain.Common;

namespace HuiFang.Api.Domain.Escalations;

/// <summary>The department reported it fixed; the customer is revisited by <paramref name="Revisit"/>.</summary>
public sealed record EscalationResolved(Escalation Escalation, EscalationRevisit Revisit, DateTimeOffset OccurredAt) : IDomainEvent;
