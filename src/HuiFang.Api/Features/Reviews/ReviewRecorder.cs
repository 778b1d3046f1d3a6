using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Reviews;
using HuiFang.Api.Infrastructure.Persistence;
using Contracts = HuiFang.Contracts;

namespace HuiFang.Api.Features.Reviews;

/// <summary>
/// What each weekly-review event owes: its entry in the review's history (opened, items-added, item-decided, completed,
/// overdue) and, but for items joining, its integration event on the review's own stream (<c>weekly-review/{id}</c>), so
/// a review's events come in order.
/// </summary>
public sealed class ReviewRecorder : IDomainEventRecorder
{
    public const string Subject = "WeeklyReview";

    public static string Stream(Guid reviewId) => $"weekly-review/{reviewId}";

    public bool TryRecord(IDomainEvent e, EventRecording into)
    {
        switch (e)
        {
            case WeeklyReviewOpened(var r, var automatic, var now):
                into.Audit(Subject, r.Id, "opened", r.Version, new { department = WeeklyReviewResponse.DepartmentOf(r.Department), week = r.Week, dueAt = r.DueAt, items = r.Items.Count, automatic });
                into.Publish(
                    new Contracts.WeeklyReviewOpened(Guid.CreateVersion7(now), now, into.TenantId, r.Id, WeeklyReviewResponse.DepartmentOf(r.Department), r.Week, r.WeekStart, r.DueAt, r.Items.Count, automatic, r.OpenedBy, "", ""),
                    Stream(r.Id));
                return true;
            case WeeklyReviewItemsAdded(var r, var items, _):
                into.Audit(Subject, r.Id, "items-added", r.Version, new { items = items.Select(i => new { itemId = i.Id, feedbackId = i.FeedbackId, taskId = i.TaskId }).ToList() });
                return true;
            case ReviewItemDecided(var r, var i, var now):
                into.Audit(Subject, r.Id, "item-decided", r.Version,
                    new { itemId = i.Id, feedbackId = i.FeedbackId, decision = i.Decision, followUpTaskId = i.FollowUpTaskId, correctiveActionId = i.CorrectiveActionId }, i.Note);
                into.Publish(
                    new Contracts.WeeklyReviewItemDecided(
                        Guid.CreateVersion7(now), now, into.TenantId, r.Id, WeeklyReviewResponse.DepartmentOf(r.Department), r.Week, i.Id, i.FeedbackId, i.TaskId,
                        i.Decision!.Value.ToString(), i.FollowUpTaskId, i.CorrectiveActionId, i.ReviewedBy ?? "", "", i.WorkOrderNo),
                    Stream(r.Id));
                return true;
            case WeeklyReviewCompleted(var r, var now):
                into.Audit(Subject, r.Id, "completed", r.Version, new { onTime = r.CompletedOnTime, dueAt = r.DueAt });
                into.Publish(
                    new Contracts.WeeklyReviewCompleted(
                        Guid.CreateVersion7(now), now, into.TenantId, r.Id, WeeklyReviewResponse.DepartmentOf(r.Department), r.Week, r.DueAt, r.CompletedOnTime, r.CompletedBy ?? "",
                        r.Items.Count, Count(r, ReviewDecision.FollowUpAgain), Count(r, ReviewDecision.NoAction), Count(r, ReviewDecision.CorrectiveAction), "", ""),
                    Stream(r.Id));
                return true;
            case WeeklyReviewFoundOverdue(var r, var now):
                var undecided = r.Items.Count(i => !i.IsDecided);
                into.Audit(Subject, r.Id, "overdue", r.Version, new { dueAt = r.DueAt, undecided });
                into.Publish(
                    new Contracts.WeeklyReviewOverdue(Guid.CreateVersion7(now), now, into.TenantId, r.Id, WeeklyReviewResponse.DepartmentOf(r.Department), r.Week, r.DueAt, r.Items.Count, undecided, "", ""),
                    Stream(r.Id));
                return true;
            default:
                return false;
        }
    }

    private static int Count(WeeklyReview r, ReviewDecision decision) => r.Items.Count(i => i.Decision == decision);
}
