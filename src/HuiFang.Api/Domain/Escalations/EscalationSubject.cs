namespace HuiFang.Api.Domain.Escalations;

/// <summary>What the escalation is about: the original visit task and, when there is one, the feedback.</summary>
public sealed record EscalationSubject(Guid TaskId, Guid? FeedbackId, string CustomerExternalId, string WorkOrderNo, string ServiceType);
