namespace HuiFang.Contracts;

/// <summary>
/// A survey invitation was created for a visit task: send <see cref="Link"/> to the customer (by SMS, e-mail or the app).
/// The link is a secret: whoever holds it can answer the survey in the customer's name, so a gateway must not log it,
/// keep it longer than it needs to send it, or show it to anyone but the customer. This event is the only place the
/// link appears after the create answer: HuiFang keeps only a hash of its token and cannot send it again.
/// </summary>
/// <param name="EventId">Unique id of this event; the broker's message id.</param>
/// <param name="OccurredAt">When the invitation was created (UTC).</param>
/// <param name="TenantId">The tenant the task belongs to.</param>
/// <param name="InvitationId">The survey invitation.</param>
/// <param name="TaskId">The visit task the survey is about.</param>
/// <param name="CustomerExternalId">The customer's id in the reporting system: look up how to reach them there.</param>
/// <param name="WorkOrderNo">The work order the visit is about.</param>
/// <param name="Channel">The task's channel, how the link is meant to reach the customer: <c>Sms</c>, <c>Email</c>, <c>App</c>, <c>Questionnaire</c> (or another channel for an invitation a caller asked for).</param>
/// <param name="Language">The survey page's language: <c>zh-CN</c> or <c>en</c>.</param>
/// <param name="Link">The survey link, <c>{PublicBaseUrl}/s/{token}</c>. A secret: never log it. Personal data: when the customer is erased, the stored event's link becomes <c>[erased]</c> (and the invitation is revoked).</param>
/// <param name="ExpiresAt">When the link stops working (UTC).</param>
/// <param name="Automatic">True when the tenant's survey policy created it as the task was planned; false when a caller asked for it.</param>
/// <param name="ReplacedInvitationId">The task's earlier open invitation this one revoked, if there was one.</param>
[IntegrationEvent("survey-invitation-created")]
public sealed record SurveyInvitationCreated(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string TenantId,
    Guid InvitationId,
    Guid TaskId,
    string CustomerExternalId,
    string WorkOrderNo,
    string Channel,
    string Language,
    [property: PersonalData] string Link,
    DateTimeOffset ExpiresAt,
    bool Automatic,
    Guid? ReplacedInvitationId) : IIntegrationEvent;

/// <summary>
/// A survey invitation stayed unanswered for the days the tenant's survey policy gives, and it is now a working moment
/// of the tenant's calendar: remind the customer once. The event carries no link — HuiFang keeps only a hash of the
/// token and cannot rebuild it; a gateway that reminds by resending the link uses the one it was given with
/// <c>SurveyInvitationCreated</c> (same <c>invitationId</c>). Not raised for a customer who asked not to be contacted
/// since; that invitation is revoked instead.
/// </summary>
/// <param name="EventId">Unique id of this event; the broker's message id.</param>
/// <param name="OccurredAt">When the reminder fell due (UTC, inside working hours).</param>
/// <param name="TenantId">The tenant the task belongs to.</param>
/// <param name="InvitationId">The survey invitation.</param>
/// <param name="TaskId">The visit task the survey is about.</param>
/// <param name="CustomerExternalId">The customer's id in the reporting system.</param>
/// <param name="WorkOrderNo">The work order the visit is about.</param>
/// <param name="Channel">The channel the invitation was sent for.</param>
/// <param name="Language">The survey page's language.</param>
/// <param name="CreatedAt">When the invitation was created (UTC).</param>
/// <param name="ExpiresAt">When the link stops working (UTC).</param>
[IntegrationEvent("survey-reminder-due")]
public sealed record SurveyReminderDue(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string TenantId,
    Guid InvitationId,
    Guid TaskId,
    string CustomerExternalId,
    string WorkOrderNo,
    string Channel,
    string Language,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt) : IIntegrationEvent;

/// <summary>A survey invitation expired unanswered; the task fell back as the tenant's survey policy says.</summary>
/// <param name="EventId">Unique id of this event; the broker's message id.</param>
/// <param name="OccurredAt">When the invitation was expired (UTC).</param>
/// <param name="TenantId">The tenant the task belongs to.</param>
/// <param name="InvitationId">The survey invitation.</param>
/// <param name="TaskId">The visit task the survey was about.</param>
/// <param name="CustomerExternalId">The customer's id in the reporting system.</param>
/// <param name="WorkOrderNo">The work order the visit is about.</param>
/// <param name="Channel">The channel the invitation was sent for.</param>
/// <param name="ExpiresAt">When the link stopped working (UTC).</param>
/// <param name="Fallback">What the task became: <c>PhoneVisit</c> (an open phone visit planned at the next working moment) or <c>Unreachable</c> (closed), or <c>Cancelled</c> (the policy said PhoneVisit but the customer asked not to be contacted: no call is planned, the task is cancelled with the reason <c>do-not-contact</c>).</param>
/// <param name="TaskStatus">The task's status after the fallback: <c>Pending</c> or <c>Assigned</c> for a phone visit, <c>Unreachable</c>.</param>
/// <param name="ScheduledFor">For a phone visit: when the call is planned (UTC); otherwise null.</param>
/// <param name="DueBy">The task's deadline after the fallback (UTC; moved when a phone visit needed the time).</param>
[IntegrationEvent("survey-expired")]
public sealed record SurveyExpired(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string TenantId,
    Guid InvitationId,
    Guid TaskId,
    string CustomerExternalId,
    string WorkOrderNo,
    string Channel,
    DateTimeOffset ExpiresAt,
    string Fallback,
    string TaskStatus,
    DateTimeOffset? ScheduledFor,
    DateTimeOffset DueBy) : IIntegrationEvent;

/// <summary>A survey invitation was withdrawn before it was answered: its link no longer works; do not send or resend it.</summary>
/// <param name="EventId">Unique id of this event; the broker's message id.</param>
/// <param name="OccurredAt">When the invitation was revoked (UTC).</param>
/// <param name="TenantId">The tenant the task belongs to.</param>
/// <param name="InvitationId">The survey invitation.</param>
/// <param name="TaskId">The visit task the survey was about.</param>
/// <param name="CustomerExternalId">The customer's id in the reporting system.</param>
/// <param name="WorkOrderNo">The work order the visit is about.</param>
/// <param name="Reason">Why: <c>Revoked</c> (by a caller), <c>Replaced</c> (a newer invitation for the task), <c>DoNotContact</c> (the customer opted out since), <c>TaskClosed</c> (the task ended another way: feedback by phone, cancelled, unreachable — in the same change), <c>CustomerErased</c> (the customer's personal data was erased).</param>
[IntegrationEvent("survey-invitation-revoked")]
public sealed record SurveyInvitationRevoked(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string TenantId,
    Guid InvitationId,
    Guid TaskId,
    string CustomerExternalId,
    string WorkOrderNo,
    string Reason) : IIntegrationEvent;

/// <summary>The customer answered a survey from its link; what they said is the feedback record (see <c>FeedbackRecorded</c>).</summary>
/// <param name="EventId">Unique id of this event; the broker's message id.</param>
/// <param name="OccurredAt">When the answer was recorded (UTC).</param>
/// <param name="TenantId">The tenant the task belongs to.</param>
/// <param name="InvitationId">The survey invitation.</param>
/// <param name="TaskId">The visit task the survey was about.</param>
/// <param name="CustomerExternalId">The customer's id in the reporting system.</param>
/// <param name="WorkOrderNo">The work order the visit is about.</param>
/// <param name="FeedbackId">The feedback record the answer became.</param>
[IntegrationEvent("survey-answered")]
public sealed record SurveyAnswered(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string TenantId,
    Guid InvitationId,
    Guid TaskId,
    string CustomerExternalId,
    string WorkOrderNo,
    Guid FeedbackId) : IIntegrationEvent;
