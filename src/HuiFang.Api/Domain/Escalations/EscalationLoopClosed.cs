using HuiFang.Api.Domain.Common;

namespace HuiFang.Api.Domain.Escalations;

/// <summary>The revisit found the customer satisfied: the loop is closed.</summary>
public sealed record EscalationLoopClosed(Escalation Escalation, RevisitAnswer Answer, DateTimeOffset OccurredAt) : IDomainEvent;
