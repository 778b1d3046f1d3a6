using HuiFang.Api.Domain.Common;

namespace HuiFang.Api.Domain.Escalations;

/// <summary>The SLA clocks stopped, waiting on the customer.</summary>
public sealed record EscalationPaused(Escalation Escalation, string Reason, DateTimeOffset OccurredAt) : IDomainEvent;
