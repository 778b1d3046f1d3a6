using HuiFang.Api.Domain.Common;

namespace HuiFang.Api.Domain.Escalations;

/// <summary>The SLA clocks run again; the deadlines moved by the time paused.</summary>
public sealed record EscalationResumed(Escalation Escalation, string? Note, DateTimeOffset OccurredAt) : IDomainEvent;
