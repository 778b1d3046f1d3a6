namespace HuiFang.Contracts;

/// <summary>A follow-up visit was planned for a completed job (a revisit after a fixed complaint included).</summary>
/// <param name="EventId">Unique id of this event; the broker's message id.</param>
/// <param name="OccurredAt">When the task was created (UTC).</param>
/// <param name="TenantId">The tenant the task belongs to.</param>
/// <param name="TaskId">The visit task.</param>
/// <param name="CustomerExternalId">The customer's id in the reporting system.</param>
/// <param name="WorkOrderNo">The work order the visit is about.</param>
/// <param name="ServiceType">Service type code of the job, e.g. <c>Repair</c>.</param>
/// <param name="Department">Department responsible for the job, if known.</param>
/// <param name="Purpose">Why the customer is visited: <c>AfterSales</c>, <c>ComplaintFollowUp</c>, <c>Periodic</c>, <c>Activity</c>.</param>
/// <param name="Channel">How the customer will be contacted: <c>Phone</c>, <c>OnSite</c>, <c>Letter</c>, <c>Sms</c>, <c>Email</c>, <c>App</c>, <c>Questionnaire</c>.</param>
/// <param name="Assignee">The agent assigned, if any.</param>
/// <param name="Status"><c>Pending</c> (unassigned) or <c>Assigned</c>.</param>
/// <param name="DueFrom">Start of the due window (UTC).</param>
/// <param name="DueBy">End of the due window: the task is overdue after it (UTC).</param>
/// <param name="ScheduledFor">When the first contact is planned (UTC).</param>
/// <param name="EscalationId">The escalation this task revisits after a fix, for a complaint follow-up; otherwise null.</param>
[IntegrationEvent("visit-task-created")]
public sealed record VisitTaskCreated(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string TenantId,
    Guid TaskId,
    string CustomerExternalId,
    string WorkOrderNo,
    string ServiceType,
    string? Department,
    string Purpose,
    string Channel,
    string? Assignee,
    string Status,
    DateTimeOffset DueFrom,
    DateTimeOffset DueBy,
    DateTimeOffset ScheduledFor,
    Guid? EscalationId) : IIntegrationEvent;

/// <summary>A visit task was not completed by its due time. Raised once per task.</summary>
/// <param name="EventId">Unique id of this event; the broker's message id.</param>
/// <param name="OccurredAt">When the task was found overdue (UTC).</param>
/// <param name="TenantId">The tenant the task belongs to.</param>
/// <param name="TaskId">The visit task.</param>
/// <param name="CustomerExternalId">The customer's id in the reporting system.</param>
/// <param name="WorkOrderNo">The work order the visit is about.</param>
/// <param name="Purpose">Why the customer is visited.</param>
/// <param name="Channel">How the customer is to be contacted.</param>
/// <param name="Assignee">The agent assigned, if any.</param>
/// <param name="DueBy">The deadline that passed (UTC).</param>
/// <param name="FailedAttempts">Contact attempts that did not reach the customer so far.</param>
/// <param name="EscalationId">The escalation this task revisits, for a complaint follow-up; otherwise null.</param>
[IntegrationEvent("visit-task-overdue")]
public sealed record VisitTaskOverdue(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string TenantId,
    Guid TaskId,
    string CustomerExternalId,
    string WorkOrderNo,
    string Purpose,
    string Channel,
    string? Assignee,
    DateTimeOffset DueBy,
    int FailedAttempts,
    Guid? EscalationId) : IIntegrationEvent;

/// <summary>The customer could not be reached: the last allowed contact attempt failed and the task is closed as unreachable.</summary>
/// <param name="EventId">Unique id of this event; the broker's message id.</param>
/// <param name="OccurredAt">When the last attempt was recorded (UTC).</param>
/// <param name="TenantId">The tenant the task belongs to.</param>
/// <param name="TaskId">The visit task.</param>
/// <param name="CustomerExternalId">The customer's id in the reporting system.</param>
/// <param name="WorkOrderNo">The work order the visit is about.</param>
/// <param name="Purpose">Why the customer was to be visited.</param>
/// <param name="Channel">How the customer was contacted.</param>
/// <param name="Assignee">The agent assigned, if any.</param>
/// <param name="FailedAttempts">Failed contact attempts, the limit included.</param>
/// <param name="LastOutcome">Outcome of the last attempt: <c>NoAnswer</c>, <c>Busy</c>, <c>WrongNumber</c>, <c>Refused</c>.</param>
/// <param name="DueBy">The task's deadline (UTC).</param>
/// <param name="EscalationId">The escalation this task revisits, for a complaint follow-up; otherwise null.</param>
[IntegrationEvent("visit-task-unreachable")]
public sealed record VisitTaskUnreachable(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string TenantId,
    Guid TaskId,
    string CustomerExternalId,
    string WorkOrderNo,
    string Purpose,
    string Channel,
    string? Assignee,
    int FailedAttempts,
    string LastOutcome,
    DateTimeOffset DueBy,
    Guid? EscalationId) : IIntegrationEvent;

/// <summary>A visit task was cancelled before the customer was visited.</summary>
/// <param name="EventId">Unique id of this event; the broker's message id.</param>
/// <param name="OccurredAt">When the task was cancelled (UTC).</param>
/// <param name="TenantId">The tenant the task belongs to.</param>
/// <param name="TaskId">The visit task.</param>
/// <param name="CustomerExternalId">The customer's id in the reporting system.</param>
/// <param name="WorkOrderNo">The work order the visit was about.</param>
/// <param name="Purpose">Why the customer was to be visited.</param>
/// <param name="Reason">Why it was cancelled, as the caller wrote it (free text; erased with the customer's data).</param>
[IntegrationEvent("visit-task-cancelled")]
public sealed record VisitTaskCancelled(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string TenantId,
    Guid TaskId,
    string CustomerExternalId,
    string WorkOrderNo,
    string Purpose,
    [property: PersonalData] string Reason) : IIntegrationEvent;
