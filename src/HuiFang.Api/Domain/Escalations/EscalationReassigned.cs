using HuiFang.Api.Domain.Common;

namespace HuiFang.Api.Domain.Escalations;

/// <summary>The escalation was handed to another department or person; <paramref name="FromDepartment"/> and <paramref name="FromOwner"/> had it before.</summary>
public sealed record EscalationReassigned(Escalation Escalation, string FromDepartment, string? FromOwner, string? Reason, DateTimeOffset OccurredAt) : IDomainEvent;
