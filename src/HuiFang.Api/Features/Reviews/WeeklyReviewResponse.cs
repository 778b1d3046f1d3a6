using HuiFang.Api.Common;
using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Domain.Reviews;

namespace HuiFang.Api.Features.Reviews;

/// <summary>One unsatisfied item of a weekly review and its decision.</summary>
/// <param name="Id">The item.</param>
/// <param name="FeedbackId">The unsatisfied feedback (latest correction when the item joined).</param>
/// <param name="TaskId">The visit task it was given on.</param>
/// <param name="EscalationId">The escalation the feedback opened, or on a revisit the one it answers.</param>
/// <param name="IsRevisit">True for feedback given on a revisit after a fix.</param>
/// <param name="Score">Satisfaction score 1–5.</param>
/// <param name="Categories">Categories given.</param>
/// <param name="WorkOrderNo">The work order.</param>
/// <param name="ServiceType">Its service type.</param>
/// <param name="Assignee">The agent who made the visit.</param>
/// <param name="RecordedAt">When the feedback was recorded.</param>
/// <param name="AddedAt">When the item joined the review.</param>
/// <param name="Decision">FollowUpAgain, NoAction or CorrectiveAction; null while undecided.</param>
/// <param name="Note">The reviewer's note.</param>
/// <param name="ReviewedAt">When it was decided.</param>
/// <param name="ReviewedBy">Who decided it.</param>
/// <param name="FollowUpTaskId">The follow-up visit FollowUpAgain planned.</param>
/// <param name="CorrectiveActionId">The corrective action CorrectiveAction opened.</param>
public sealed record ReviewItemResponse(
    Guid Id,
    Guid FeedbackId,
    Guid TaskId,
    Guid? EscalationId,
    bool IsRevisit,
    int Score,
    IReadOnlyList<FeedbackCategory> Categories,
    string WorkOrderNo,
    string ServiceType,
    string? Assignee,
    DateTimeOffset RecordedAt,
    DateTimeOffset AddedAt,
    ReviewDecision? Decision,
    string? Note,
    DateTimeOffset? ReviewedAt,
    string? ReviewedBy,
    Guid? FollowUpTaskId,
    Guid? CorrectiveActionId)
{
    public static ReviewItemResponse From(ReviewItem i) => new(
        i.Id, i.FeedbackId, i.TaskId, i.EscalationId, i.IsRevisit, i.Score, i.Categories, i.WorkOrderNo, i.ServiceType, i.Assignee,
        i.RecordedAt, i.AddedAt, i.Decision, i.Note, i.ReviewedAt, i.ReviewedBy, i.FollowUpTaskId, i.CorrectiveActionId);
}

/// <summary>A weekly review: a department's unsatisfied items of one ISO week and the reviewer's decisions.</summary>
/// <param name="Id">The review.</param>
/// <param name="Department">The department reviewed; null for the feedback without a department.</param>
/// <param name="Week">The ISO week, e.g. 2026-W48 (Monday to Sunday in the tenant's time zone).</param>
/// <param name="WeekStart">Monday 00:00 of the week, tenant-local.</param>
/// <param name="DueAt">The deadline, by the quality policy in force at opening.</param>
/// <param name="Status">Open or Completed.</param>
/// <param name="IsOverdue">Not completed by the deadline (open past it, or completed after it).</param>
/// <param name="OpenedAt">When it was opened.</param>
/// <param name="OpenedBy">Who opened it: the caller, or review-monitor.</param>
/// <param name="OpenedAutomatically">True when the monitor opened it once the week was over.</param>
/// <param name="CompletedAt">When the reviewer completed it.</param>
/// <param name="CompletedBy">The reviewer who completed it.</param>
/// <param name="OverdueRaisedAt">When WeeklyReviewOverdue was raised (once).</param>
/// <param name="ItemCount">Items in the review.</param>
/// <param name="Undecided">Items not decided yet.</param>
/// <param name="Items">The items, oldest feedback first (empty in lists).</param>
/// <param name="Version">The review's version; the ETag is this number in quotes.</param>
public sealed record WeeklyReviewResponse(
    Guid Id,
    string? Department,
    string Week,
    DateTimeOffset WeekStart,
    DateTimeOffset DueAt,
    ReviewStatus Status,
    bool IsOverdue,
    DateTimeOffset OpenedAt,
    string OpenedBy,
    bool OpenedAutomatically,
    DateTimeOffset? CompletedAt,
    string? CompletedBy,
    DateTimeOffset? OverdueRaisedAt,
    int ItemCount,
    int Undecided,
    IReadOnlyList<ReviewItemResponse> Items,
    int Version) : IVersioned
{
    /// <summary>How the API shows the department of feedback without one.</summary>
    public static string? DepartmentOf(string stored) => stored.Length == 0 ? null : stored;

    public static WeeklyReviewResponse From(WeeklyReview r, DateTimeOffset now, bool withItems = true) => new(
        r.Id, DepartmentOf(r.Department), r.Week, r.WeekStart, r.DueAt, r.Status, r.IsOverdue(now), r.OpenedAt, r.OpenedBy, r.OpenedAutomatically,
        r.CompletedAt, r.CompletedBy, r.OverdueRaisedAt, r.Items.Count, r.Items.Count(i => !i.IsDecided),
        withItems ? [.. r.Items.OrderBy(i => i.RecordedAt).ThenBy(i => i.Id).Select(ReviewItemResponse.From)] : [],
        r.Version);
}
