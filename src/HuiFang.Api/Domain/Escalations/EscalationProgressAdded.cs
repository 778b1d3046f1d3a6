using HuiFang.Api.Domain.Common;

namespace HuiFang.Api.Domain.Escalations;

/// <summary>The department reported progress.</summary>
public sealed record EscalationProgressAdded(Escalation Escalation, string Note, DateTimeOffset OccurredAt) : IDomainEvent;
