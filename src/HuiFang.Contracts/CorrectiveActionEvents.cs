namespace HuiFang.Contracts;

/// <summary>
/// A corrective and preventive action was opened: by hand, from a weekly review's decision, or proposed by the recurrence
/// rule because the same problem came back as often as the tenant's quality policy says (<see cref="Source"/> and
/// <see cref="Status"/> say which; a proposal is <c>Proposed</c> until a person takes or dismisses it). A corrective action is
/// about a problem, not one customer's job: <see cref="CustomerExternalId"/> and <see cref="WorkOrderNo"/> are empty.
/// </summary>
/// <param name="EventId">Unique id of this event; the broker's message id.</param>
/// <param name="OccurredAt">When the action was opened (UTC).</param>
/// <param name="TenantId">The tenant the action belongs to.</param>
/// <param name="CorrectiveActionId">The corrective action.</param>
/// <param name="Source">How it was opened: <c>Manual</c>, <c>Review</c> or <c>Recurrence</c>.</param>
/// <param name="Status">Its status: <c>Proposed</c> (recurrence) or <c>Open</c>.</param>
/// <param name="Department">The department it belongs to, if any.</param>
/// <param name="Owner">Who is to carry it out, if named yet.</param>
/// <param name="DueDate">The tenant-local day by which it is to be implemented.</param>
/// <param name="DueAt">When that day ends in the tenant's time zone (UTC): past it, an action not implemented is overdue.</param>
/// <param name="ProblemKey">The recurring problem, e.g. <c>ServiceTypeAndDepartment:repair|engineering</c> or <c>Category:Complaint|engineering</c>; null for none.</param>
/// <param name="FeedbackIds">The feedback records it is about.</param>
/// <param name="EscalationIds">The escalations it is about.</param>
/// <param name="ReviewItemId">The weekly-review item whose decision opened it, if any.</param>
/// <param name="CustomerExternalId">Always empty: an action is not one customer's.</param>
/// <param name="WorkOrderNo">Always empty: an action is not one job's.</param>
[IntegrationEvent("corrective-action-opened")]
public sealed record CorrectiveActionOpened(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string TenantId,
    Guid CorrectiveActionId,
    string Source,
    string Status,
    string? Department,
    string? Owner,
    DateOnly DueDate,
    DateTimeOffset DueAt,
    string? ProblemKey,
    IReadOnlyList<Guid> FeedbackIds,
    IReadOnlyList<Guid> EscalationIds,
    Guid? ReviewItemId,
    string CustomerExternalId,
    string WorkOrderNo) : IIntegrationEvent;

/// <summary>
/// A corrective action's due date passed before it was implemented (it is still <c>Proposed</c> or <c>Open</c>). Raised once per
/// due date by the overdue monitor: a new due date that passes too raises it again.
/// </summary>
/// <param name="EventId">Unique id of this event; the broker's message id.</param>
/// <param name="OccurredAt">When the monitor found it overdue (UTC).</param>
/// <param name="TenantId">The tenant the action belongs to.</param>
/// <param name="CorrectiveActionId">The corrective action.</param>
/// <param name="Status">Its status: <c>Proposed</c> or <c>Open</c>.</param>
/// <param name="Department">The department it belongs to, if any.</param>
/// <param name="Owner">Who is to carry it out, if named.</param>
/// <param name="DueDate">The tenant-local day it was due.</param>
/// <param name="DueAt">When that day ended (UTC).</param>
/// <param name="ProblemKey">The recurring problem, if any.</param>
/// <param name="CustomerExternalId">Always empty: an action is not one customer's.</param>
/// <param name="WorkOrderNo">Always empty: an action is not one job's.</param>
[IntegrationEvent("corrective-action-overdue")]
public sealed record CorrectiveActionOverdue(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string TenantId,
    Guid CorrectiveActionId,
    string Status,
    string? Department,
    string? Owner,
    DateOnly DueDate,
    DateTimeOffset DueAt,
    string? ProblemKey,
    string CustomerExternalId,
    string WorkOrderNo) : IIntegrationEvent;

/// <summary>
/// A corrective action was closed after its effectiveness was verified, as effective or not (<see cref="Effective"/>), with the
/// verification's evidence: the recurrence rule re-run over the period after implementation.
/// </summary>
/// <param name="EventId">Unique id of this event; the broker's message id.</param>
/// <param name="OccurredAt">When it was closed (UTC).</param>
/// <param name="TenantId">The tenant the action belongs to.</param>
/// <param name="CorrectiveActionId">The corrective action.</param>
/// <param name="Source">How it was opened: <c>Manual</c>, <c>Review</c> or <c>Recurrence</c>.</param>
/// <param name="Department">The department it belongs to, if any.</param>
/// <param name="Owner">Who carried it out, if named.</param>
/// <param name="ProblemKey">The recurring problem, if any.</param>
/// <param name="Effective">Whether the verification found it effective.</param>
/// <param name="VerifiedBy">Who verified it.</param>
/// <param name="VerifiedAt">When (UTC).</param>
/// <param name="Occurrences">The problem's occurrences after implementation; null when the action has no problem key.</param>
/// <param name="MostInWindow">The most of them within one recurrence window; null without a problem key.</param>
/// <param name="Threshold">The recurrence threshold applied; null without a problem key.</param>
/// <param name="WindowDays">The recurrence window applied, in days; null without a problem key.</param>
/// <param name="OpenedAt">When the action was opened (UTC).</param>
/// <param name="ImplementedAt">When it was implemented (UTC).</param>
/// <param name="DueDate">The tenant-local day it was due.</param>
/// <param name="Reopened">How many times it was found not effective and opened again before.</param>
/// <param name="CustomerExternalId">Always empty: an action is not one customer's.</param>
/// <param name="WorkOrderNo">Always empty: an action is not one job's.</param>
[IntegrationEvent("corrective-action-closed")]
public sealed record CorrectiveActionClosed(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string TenantId,
    Guid CorrectiveActionId,
    string Source,
    string? Department,
    string? Owner,
    string? ProblemKey,
    bool Effective,
    string? VerifiedBy,
    DateTimeOffset VerifiedAt,
    int? Occurrences,
    int? MostInWindow,
    int? Threshold,
    int? WindowDays,
    DateTimeOffset OpenedAt,
    DateTimeOffset ImplementedAt,
    DateOnly DueDate,
    int Reopened,
    string CustomerExternalId,
    string WorkOrderNo) : IIntegrationEvent;
