namespace HuiFang.Contracts;

/// <summary>What the customer said in a visit was recorded; the visit task is completed.</summary>
/// <param name="EventId">Unique id of this event; the broker's message id.</param>
/// <param name="OccurredAt">When the feedback was recorded (UTC).</param>
/// <param name="TenantId">The tenant the feedback belongs to.</param>
/// <param name="FeedbackId">The feedback record.</param>
/// <param name="TaskId">The visit task it completes.</param>
/// <param name="CustomerExternalId">The customer's id in the reporting system.</param>
/// <param name="WorkOrderNo">The work order the visit was about.</param>
/// <param name="Score">Satisfaction score 1–5.</param>
/// <param name="Verdict">Derived from the score by the tenant's thresholds: <c>Satisfied</c>, <c>Neutral</c>, <c>Unsatisfied</c>.</param>
/// <param name="Categories">One or more of <c>Praise</c>, <c>Suggestion</c>, <c>Complaint</c>, <c>Inquiry</c>.</param>
/// <param name="ComplaintLevel"><c>General</c> or <c>Urgent</c> when the feedback is a complaint; otherwise null.</param>
/// <param name="Nps">Net-promoter answer 0–10, when asked.</param>
/// <param name="RecordedLate">True when recorded more than 10 minutes after the call ended (accepted, flagged).</param>
/// <param name="EscalationId">The escalation this feedback opened, or — on a revisit — the escalation it answers; otherwise null.</param>
[IntegrationEvent("feedback-recorded")]
public sealed record FeedbackRecorded(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string TenantId,
    Guid FeedbackId,
    Guid TaskId,
    string CustomerExternalId,
    string WorkOrderNo,
    int Score,
    string Verdict,
    IReadOnlyList<string> Categories,
    string? ComplaintLevel,
    int? Nps,
    bool RecordedLate,
    Guid? EscalationId) : IIntegrationEvent;

/// <summary>
/// A customer said they were not satisfied (a score in the tenant's unsatisfied range, or a complaint).
/// Work-order systems typically open a ticket on it; an escalation, when the tenant's rules open one,
/// follows as <see cref="ComplaintEscalated"/>.
/// </summary>
/// <param name="EventId">Unique id of this event; the broker's message id.</param>
/// <param name="OccurredAt">When the feedback was recorded (UTC).</param>
/// <param name="TenantId">The tenant the feedback belongs to.</param>
/// <param name="FeedbackId">The feedback record.</param>
/// <param name="TaskId">The visit task the feedback completed.</param>
/// <param name="CustomerExternalId">The customer's id in the reporting system.</param>
/// <param name="WorkOrderNo">The work order the customer is unsatisfied with.</param>
/// <param name="Score">Satisfaction score 1–5.</param>
/// <param name="Verdict"><c>Unsatisfied</c>, or <c>Neutral</c>/<c>Satisfied</c> when only a complaint made it unsatisfied.</param>
/// <param name="Categories">The feedback's categories.</param>
/// <param name="ComplaintLevel"><c>General</c> or <c>Urgent</c> for a complaint; otherwise null.</param>
/// <param name="Department">Department responsible for the original job, if known.</param>
/// <param name="UnresolvedProblems">The problems the customer named, as recorded (free text; erased with the customer's data).</param>
/// <param name="EscalationId">The escalation opened for it, if one was.</param>
[IntegrationEvent("customer-unsatisfied")]
public sealed record CustomerUnsatisfied(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string TenantId,
    Guid FeedbackId,
    Guid TaskId,
    string CustomerExternalId,
    string WorkOrderNo,
    int Score,
    string Verdict,
    IReadOnlyList<string> Categories,
    string? ComplaintLevel,
    string? Department,
    [property: PersonalData] string? UnresolvedProblems,
    Guid? EscalationId) : IIntegrationEvent;

/// <summary>
/// The reply promised to a customer's inquiry (one that could not be answered on the call) is late.
/// Raised once per feedback record, by the SLA monitor.
/// </summary>
/// <param name="EventId">Unique id of this event; the broker's message id.</param>
/// <param name="OccurredAt">When the monitor found the reply late (UTC).</param>
/// <param name="TenantId">The tenant the feedback belongs to.</param>
/// <param name="FeedbackId">The feedback record holding the inquiry.</param>
/// <param name="TaskId">The visit task the feedback completed.</param>
/// <param name="CustomerExternalId">The customer's id in the reporting system.</param>
/// <param name="WorkOrderNo">The work order the visit was about.</param>
/// <param name="Assignee">The agent of the visit, if any.</param>
/// <param name="ReplyDueBy">The promised reply time that passed (UTC).</param>
[IntegrationEvent("inquiry-reply-overdue")]
public sealed record InquiryReplyOverdue(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string TenantId,
    Guid FeedbackId,
    Guid TaskId,
    string CustomerExternalId,
    string WorkOrderNo,
    string? Assignee,
    DateTimeOffset ReplyDueBy) : IIntegrationEvent;
