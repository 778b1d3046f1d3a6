namespace HuiFang.Contracts;

// A review's events are about a department's week: CustomerExternalId is always empty, and WorkOrderNo names the job only on an item's decision.

/// <summary>
/// A weekly review was opened: a department's unsatisfied items of one ISO week (first visits and revisits) wait for the
/// supervisor's decisions. Opened by the review monitor once the week is over (every department with unsatisfied items),
/// or by hand. Unsatisfied feedback recorded later in the week joins the review while it is open.
/// </summary>
/// <param name="EventId">Unique id of this event; the broker's message id.</param>
/// <param name="OccurredAt">When the review was opened (UTC).</param>
/// <param name="TenantId">The tenant.</param>
/// <param name="ReviewId">The weekly review.</param>
/// <param name="Department">The department reviewed; null for feedback without a department.</param>
/// <param name="Week">The ISO week, e.g. <c>2026-W48</c> (Monday to Sunday, tenant time zone).</param>
/// <param name="WeekStart">Monday 00:00 of the week, tenant-local, as UTC.</param>
/// <param name="DueAt">The deadline (UTC): by default Monday 12:00 of the following week, moved to the next working day.</param>
/// <param name="Items">How many unsatisfied items it holds at opening.</param>
/// <param name="Automatic">True when the monitor opened it; false when a caller did.</param>
/// <param name="OpenedBy">Who opened it: the caller, or <c>review-monitor</c>.</param>
/// <param name="CustomerExternalId">Always empty: a review is about a department's week, not one customer.</param>
/// <param name="WorkOrderNo">Always empty: a review is not one job's.</param>
[IntegrationEvent("weekly-review-opened")]
public sealed record WeeklyReviewOpened(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string TenantId,
    Guid ReviewId,
    string? Department,
    string Week,
    DateTimeOffset WeekStart,
    DateTimeOffset DueAt,
    int Items,
    bool Automatic,
    string OpenedBy,
    string CustomerExternalId,
    string WorkOrderNo) : IIntegrationEvent;

/// <summary>The reviewer decided one item of a weekly review.</summary>
/// <param name="EventId">Unique id of this event; the broker's message id.</param>
/// <param name="OccurredAt">When it was decided (UTC).</param>
/// <param name="TenantId">The tenant.</param>
/// <param name="ReviewId">The weekly review.</param>
/// <param name="Department">The department reviewed; null for feedback without a department.</param>
/// <param name="Week">The ISO week.</param>
/// <param name="ItemId">The item.</param>
/// <param name="FeedbackId">The unsatisfied feedback the item is about.</param>
/// <param name="TaskId">The visit task that feedback was given on.</param>
/// <param name="Decision"><c>FollowUpAgain</c> (a new follow-up visit was planned), <c>NoAction</c>, or <c>CorrectiveAction</c> (a corrective action was opened).</param>
/// <param name="FollowUpTaskId">The follow-up visit planned by FollowUpAgain.</param>
/// <param name="CorrectiveActionId">The corrective action opened by CorrectiveAction.</param>
/// <param name="ReviewedBy">The reviewer.</param>
/// <param name="CustomerExternalId">Always empty: a review holds no personal data of the customer (read the feedback for it).</param>
/// <param name="WorkOrderNo">The work order of the item.</param>
[IntegrationEvent("weekly-review-item-decided")]
public sealed record WeeklyReviewItemDecided(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string TenantId,
    Guid ReviewId,
    string? Department,
    string Week,
    Guid ItemId,
    Guid FeedbackId,
    Guid TaskId,
    string Decision,
    Guid? FollowUpTaskId,
    Guid? CorrectiveActionId,
    string ReviewedBy,
    string CustomerExternalId,
    string WorkOrderNo) : IIntegrationEvent;

/// <summary>The reviewer completed a weekly review: every item is decided.</summary>
/// <param name="EventId">Unique id of this event; the broker's message id.</param>
/// <param name="OccurredAt">When it was completed (UTC).</param>
/// <param name="TenantId">The tenant.</param>
/// <param name="ReviewId">The weekly review.</param>
/// <param name="Department">The department reviewed; null for feedback without a department.</param>
/// <param name="Week">The ISO week.</param>
/// <param name="DueAt">The deadline (UTC).</param>
/// <param name="OnTime">True when completed by the deadline.</param>
/// <param name="CompletedBy">The reviewer.</param>
/// <param name="Items">Items reviewed.</param>
/// <param name="FollowUpAgain">Items decided FollowUpAgain.</param>
/// <param name="NoAction">Items decided NoAction.</param>
/// <param name="CorrectiveActions">Items decided CorrectiveAction.</param>
/// <param name="CustomerExternalId">Always empty: a review is about a department's week, not one customer.</param>
/// <param name="WorkOrderNo">Always empty: a review is not one job's.</param>
[IntegrationEvent("weekly-review-completed")]
public sealed record WeeklyReviewCompleted(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string TenantId,
    Guid ReviewId,
    string? Department,
    string Week,
    DateTimeOffset DueAt,
    bool OnTime,
    string CompletedBy,
    int Items,
    int FollowUpAgain,
    int NoAction,
    int CorrectiveActions,
    string CustomerExternalId,
    string WorkOrderNo) : IIntegrationEvent;

/// <summary>
/// A weekly review was not completed by its deadline (the tenant's quality policy: Monday 12:00 of the following week by
/// default, moved to the next working day). Raised once per review, by the review monitor.
/// </summary>
/// <param name="EventId">Unique id of this event; the broker's message id.</param>
/// <param name="OccurredAt">When the monitor found it overdue (UTC).</param>
/// <param name="TenantId">The tenant.</param>
/// <param name="ReviewId">The weekly review.</param>
/// <param name="Department">The department reviewed; null for feedback without a department.</param>
/// <param name="Week">The ISO week.</param>
/// <param name="DueAt">The deadline it missed (UTC).</param>
/// <param name="Items">Items in the review.</param>
/// <param name="Undecided">Items still undecided.</param>
/// <param name="CustomerExternalId">Always empty: a review is about a department's week, not one customer.</param>
/// <param name="WorkOrderNo">Always empty: a review is not one job's.</param>
[IntegrationEvent("weekly-review-overdue")]
public sealed record WeeklyReviewOverdue(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string TenantId,
    Guid ReviewId,
    string? Department,
    string Week,
    DateTimeOffset DueAt,
    int Items,
    int Undecided,
    string CustomerExternalId,
    string WorkOrderNo) : IIntegrationEvent;
