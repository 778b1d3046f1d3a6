using HuiFang.Api.Domain.Common;

namespace HuiFang.Api.Domain.Escalations;

/// <summary>The department responded: the response target is met.</summary>
public sealed record EscalationAcknowledged(Escalation Escalation, string? Note, DateTimeOffset OccurredAt) : IDomainEvent;
