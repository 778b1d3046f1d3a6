namespace HuiFang.Api.Domain.Escalations;

/// <summary>The revisit task planned when an escalation is resolved: who asks the customer, and by when.</summary>
public sealed record EscalationRevisit(Guid TaskId, DateTimeOffset DueBy);
