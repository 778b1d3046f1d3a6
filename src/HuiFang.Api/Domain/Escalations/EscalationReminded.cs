using HuiFang.Api.Domain.Common;

namespace HuiFang.Api.Domain.Escalations;

/// <summary>A person chased the department (催办); automatic reminders are <see cref="EscalationSlaHappened"/>.</summary>
public sealed record EscalationReminded(Escalation Escalation, string? Note, DateTimeOffset OccurredAt) : IDomainEvent;
