namespace HuiFang.Contracts;

/// <summary>A complaint or an unsatisfied result was handed to the responsible department under an SLA (also on a reopen).</summary>
/// <param name="EventId">Unique id of this event; the broker's message id.</param>
/// <param name="OccurredAt">When the escalation was opened or reopened (UTC).</param>
/// <param name="TenantId">The tenant the escalation belongs to.</param>
/// <param name="EscalationId">The escalation.</param>
/// <param name="TaskId">The visit task whose feedback caused it.</param>
/// <param name="FeedbackId">The feedback that caused it; null when opened by hand without feedback.</param>
/// <param name="CustomerExternalId">The customer's id in the reporting system.</param>
/// <param name="WorkOrderNo">The work order the complaint is about.</param>
/// <param name="Department">The responsible department.</param>
/// <param name="Owner">The person responsible in the department, if routed to one.</param>
/// <param name="Severity"><c>Urgent</c> or <c>General</c>.</param>
/// <param name="Level">Who handles it now: <c>Department</c>, <c>Supervisor</c>, <c>Manager</c>.</param>
/// <param name="Cycle">1 for the first handling; 2, 3… after each reopen because the customer was still unsatisfied.</param>
/// <param name="Trigger">Why it was opened: <c>Complaint</c>, <c>Unsatisfied</c>, <c>Manual</c>, <c>Reopened</c>.</param>
/// <param name="ResponseDueBy">First response due by (UTC).</param>
/// <param name="ResolutionDueBy">Resolution due by (UTC).</param>
[IntegrationEvent("complaint-escalated")]
public sealed record ComplaintEscalated(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string TenantId,
    Guid EscalationId,
    Guid TaskId,
    Guid? FeedbackId,
    string CustomerExternalId,
    string WorkOrderNo,
    string Department,
    string? Owner,
    string Severity,
    string Level,
    int Cycle,
    string Trigger,
    DateTimeOffset ResponseDueBy,
    DateTimeOffset ResolutionDueBy) : IIntegrationEvent;

/// <summary>An escalation has used up the warning share (e.g. 75%) of a target's time without meeting it. Raised once per escalation, target and cycle.</summary>
/// <param name="EventId">Unique id of this event; the broker's message id.</param>
/// <param name="OccurredAt">When the warning threshold was passed (UTC).</param>
/// <param name="TenantId">The tenant the escalation belongs to.</param>
/// <param name="EscalationId">The escalation.</param>
/// <param name="TaskId">The visit task whose feedback caused it.</param>
/// <param name="CustomerExternalId">The customer's id in the reporting system.</param>
/// <param name="WorkOrderNo">The work order the complaint is about.</param>
/// <param name="Department">The responsible department.</param>
/// <param name="Owner">The person responsible, if any.</param>
/// <param name="Severity"><c>Urgent</c> or <c>General</c>.</param>
/// <param name="Target"><c>Response</c> or <c>Resolution</c>.</param>
/// <param name="DueBy">The target's deadline (UTC).</param>
/// <param name="ThresholdPercent">The warning share that was passed, in percent of the target's time.</param>
[IntegrationEvent("escalation-sla-warning")]
public sealed record EscalationSlaWarning(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string TenantId,
    Guid EscalationId,
    Guid TaskId,
    string CustomerExternalId,
    string WorkOrderNo,
    string Department,
    string? Owner,
    string Severity,
    string Target,
    DateTimeOffset DueBy,
    int ThresholdPercent) : IIntegrationEvent;

/// <summary>An escalation missed a target's deadline. Raised once per escalation, target and cycle; the escalation moves up a level.</summary>
/// <param name="EventId">Unique id of this event; the broker's message id.</param>
/// <param name="OccurredAt">When the breach was detected (UTC).</param>
/// <param name="TenantId">The tenant the escalation belongs to.</param>
/// <param name="EscalationId">The escalation.</param>
/// <param name="TaskId">The visit task whose feedback caused it.</param>
/// <param name="CustomerExternalId">The customer's id in the reporting system.</param>
/// <param name="WorkOrderNo">The work order the complaint is about.</param>
/// <param name="Department">The responsible department.</param>
/// <param name="Owner">The person responsible, if any.</param>
/// <param name="Severity"><c>Urgent</c> or <c>General</c>.</param>
/// <param name="Target"><c>Response</c> or <c>Resolution</c>.</param>
/// <param name="DueBy">The deadline that was missed (UTC).</param>
/// <param name="Level">The level the escalation moved to: <c>Supervisor</c> or <c>Manager</c>.</param>
[IntegrationEvent("escalation-sla-breached")]
public sealed record EscalationSlaBreached(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string TenantId,
    Guid EscalationId,
    Guid TaskId,
    string CustomerExternalId,
    string WorkOrderNo,
    string Department,
    string? Owner,
    string Severity,
    string Target,
    DateTimeOffset DueBy,
    string Level) : IIntegrationEvent;

/// <summary>The department reported the problem fixed; a revisit of the customer is planned.</summary>
/// <param name="EventId">Unique id of this event; the broker's message id.</param>
/// <param name="OccurredAt">When it was resolved (UTC).</param>
/// <param name="TenantId">The tenant the escalation belongs to.</param>
/// <param name="EscalationId">The escalation.</param>
/// <param name="TaskId">The visit task whose feedback caused it.</param>
/// <param name="CustomerExternalId">The customer's id in the reporting system.</param>
/// <param name="WorkOrderNo">The work order the complaint is about.</param>
/// <param name="Department">The department that resolved it.</param>
/// <param name="Owner">The person responsible, if any.</param>
/// <param name="Severity"><c>Urgent</c> or <c>General</c>.</param>
/// <param name="Cycle">Which handling cycle this resolution ends (1 = first).</param>
/// <param name="ResponseBreached">Whether the response target was missed in this cycle.</param>
/// <param name="ResolutionBreached">Whether the resolution target was missed in this cycle.</param>
/// <param name="RevisitTaskId">The revisit task planned to ask the customer.</param>
/// <param name="RevisitDueBy">When the revisit is due (UTC).</param>
/// <param name="Resolution">What was done, as the department wrote it (free text; erased with the customer's data).</param>
[IntegrationEvent("escalation-resolved")]
public sealed record EscalationResolved(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string TenantId,
    Guid EscalationId,
    Guid TaskId,
    string CustomerExternalId,
    string WorkOrderNo,
    string Department,
    string? Owner,
    string Severity,
    int Cycle,
    bool ResponseBreached,
    bool ResolutionBreached,
    Guid RevisitTaskId,
    DateTimeOffset RevisitDueBy,
    [property: PersonalData] string? Resolution) : IIntegrationEvent;

/// <summary>
/// The revisit after a fix found the customer still unsatisfied: the escalation is reopened at the next
/// level, or — after the tenant's last cycle — handed to a manager. The event work-order and CRM systems
/// care most about.
/// </summary>
/// <param name="EventId">Unique id of this event; the broker's message id.</param>
/// <param name="OccurredAt">When the revisit's feedback was recorded (UTC).</param>
/// <param name="TenantId">The tenant the escalation belongs to.</param>
/// <param name="EscalationId">The escalation, now reopened.</param>
/// <param name="TaskId">The original visit task whose feedback opened the escalation.</param>
/// <param name="RevisitTaskId">The revisit task whose feedback found the customer unsatisfied.</param>
/// <param name="FeedbackId">That feedback.</param>
/// <param name="CustomerExternalId">The customer's id in the reporting system.</param>
/// <param name="WorkOrderNo">The work order the complaint is about.</param>
/// <param name="Score">The revisit's satisfaction score 1–5.</param>
/// <param name="Department">The department responsible.</param>
/// <param name="Cycle">The cycle that begins now (2 after the first reopen).</param>
/// <param name="MaxCycles">The tenant's limit of cycles before a manager takes over.</param>
/// <param name="Level">The level it is reopened at: <c>Supervisor</c> or <c>Manager</c>.</param>
/// <param name="HandedToManager">True when the cycle limit was reached and a manager owns it now.</param>
/// <param name="UnresolvedProblems">What the customer still finds wrong, as recorded (free text; erased with the customer's data).</param>
[IntegrationEvent("customer-still-unsatisfied")]
public sealed record CustomerStillUnsatisfied(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string TenantId,
    Guid EscalationId,
    Guid TaskId,
    Guid RevisitTaskId,
    Guid FeedbackId,
    string CustomerExternalId,
    string WorkOrderNo,
    int Score,
    string Department,
    int Cycle,
    int MaxCycles,
    string Level,
    bool HandedToManager,
    [property: PersonalData] string? UnresolvedProblems) : IIntegrationEvent;

/// <summary>The revisit after a fix found the customer satisfied: the escalation is closed, the loop (回访 → 记录 → 处理 → 反馈) ends.</summary>
/// <param name="EventId">Unique id of this event; the broker's message id.</param>
/// <param name="OccurredAt">When the loop closed (UTC).</param>
/// <param name="TenantId">The tenant the escalation belongs to.</param>
/// <param name="EscalationId">The escalation, now closed.</param>
/// <param name="TaskId">The original visit task whose feedback opened the escalation.</param>
/// <param name="RevisitTaskId">The revisit task whose feedback closed it.</param>
/// <param name="FeedbackId">That feedback.</param>
/// <param name="CustomerExternalId">The customer's id in the reporting system.</param>
/// <param name="WorkOrderNo">The work order the complaint was about.</param>
/// <param name="Score">The revisit's satisfaction score 1–5.</param>
/// <param name="Cycles">How many handling cycles it took.</param>
/// <param name="OpenedAt">When the escalation was first opened (UTC).</param>
[IntegrationEvent("follow-up-loop-closed")]
public sealed record FollowUpLoopClosed(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string TenantId,
    Guid EscalationId,
    Guid TaskId,
    Guid RevisitTaskId,
    Guid FeedbackId,
    string CustomerExternalId,
    string WorkOrderNo,
    int Score,
    int Cycles,
    DateTimeOffset OpenedAt) : IIntegrationEvent;

/// <summary>
/// A chase (催办) to the responsible department: by a person, or automatically by the SLA monitor while a
/// target is breached (at the tenant's reminder interval, within working hours only).
/// </summary>
/// <param name="EventId">Unique id of this event; the broker's message id.</param>
/// <param name="OccurredAt">When the reminder was sent (UTC).</param>
/// <param name="TenantId">The tenant the escalation belongs to.</param>
/// <param name="EscalationId">The escalation.</param>
/// <param name="TaskId">The visit task whose feedback caused it.</param>
/// <param name="CustomerExternalId">The customer's id in the reporting system.</param>
/// <param name="WorkOrderNo">The work order the complaint is about.</param>
/// <param name="Department">The department chased.</param>
/// <param name="Owner">The person responsible, if any.</param>
/// <param name="Severity"><c>Urgent</c> or <c>General</c>.</param>
/// <param name="Level">Who handles it now: <c>Department</c>, <c>Supervisor</c>, <c>Manager</c>.</param>
/// <param name="Automatic">True when sent by the SLA monitor, false when by a person.</param>
/// <param name="ReminderCount">Reminders sent for this escalation so far, this one included.</param>
/// <param name="DueBy">The deadline the department is chased for: the response deadline until acknowledged, then the resolution deadline (UTC); null while paused.</param>
/// <param name="Note">What the person wrote with the reminder (free text; erased with the customer's data).</param>
[IntegrationEvent("escalation-reminder-sent")]
public sealed record EscalationReminderSent(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string TenantId,
    Guid EscalationId,
    Guid TaskId,
    string CustomerExternalId,
    string WorkOrderNo,
    string Department,
    string? Owner,
    string Severity,
    string Level,
    bool Automatic,
    int ReminderCount,
    DateTimeOffset? DueBy,
    [property: PersonalData] string? Note) : IIntegrationEvent;
