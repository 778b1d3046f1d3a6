using HuiFang.Api.Domain.Common;

namespace HuiFang.Api.Domain.Escalations;

/// <summary>An escalation was opened (by hand, or by the feedback rules) and handed to its department.</summary>
public sealed record EscalationOpened(Escalation Escalation, DateTimeOffset OccurredAt) : IDomainEvent;
