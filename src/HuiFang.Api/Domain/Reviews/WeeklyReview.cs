using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Tenants;

namespace HuiFang.Api.Domain.Reviews;

/// <summary>
/// The supervisor's weekly review (每周审阅回访记录表) of one department's unsatisfied items of one ISO week: every
/// unsatisfied feedback (first visits and revisits, latest corrections) recorded in the week is an item, each decided
/// by the reviewer (follow up again, no action, corrective action), and the review is completed once all are. Feedback
/// without a department is reviewed under the department <c>""</c> (shown as null). One review per tenant, department
/// and week. Due by the tenant's quality policy (Monday 12:00 of the following week by default).
/// </summary>
public sealed class WeeklyReview : AggregateRoot, ITenantOwned
{
    private readonly List<ReviewItem> _items = [];

    private WeeklyReview()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Set by the database context from the caller when the review is first saved.</summary>
    public string TenantId { get; private set; } = "";

    /// <summary>The department reviewed; <c>""</c> for feedback without one.</summary>
    public string Department { get; private set; } = "";

    /// <summary>The ISO week, e.g. <c>2026-W48</c>.</summary>
    public string Week { get; private set; } = "";

    /// <summary>Monday 00:00 of the week in the tenant's time zone, as UTC.</summary>
    public DateTimeOffset WeekStart { get; private set; }

    /// <summary>The next Monday 00:00 in the tenant's time zone, as UTC (exclusive).</summary>
    public DateTimeOffset WeekEnd { get; private set; }

    /// <summary>The deadline, by the quality policy in force when the review was opened.</summary>
    public DateTimeOffset DueAt { get; private set; }

    public ReviewStatus Status { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    /// <summary>Who opened it: the caller, or <c>review-monitor</c>.</summary>
    public string OpenedBy { get; private set; } = "";

    /// <summary>True when the monitor opened it once the week was over.</summary>
    public bool OpenedAutomatically { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public string? CompletedBy { get; private set; }

    /// <summary>When the monitor found it open past <see cref="DueAt"/> and raised the overdue notice (once).</summary>
    public DateTimeOffset? OverdueRaisedAt { get; private set; }

    /// <summary>Incremented on every change a caller can see; the optimistic-concurrency token.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<ReviewItem> Items => _items;

    public bool IsOpen => Status == ReviewStatus.Open;

    /// <summary>Completed by the deadline.</summary>
    public bool CompletedOnTime => CompletedAt is { } at && at <= DueAt;

    /// <summary>Not completed by the deadline (open past it, or completed after it).</summary>
    public bool IsOverdue(DateTimeOffset now) => CompletedAt is { } at ? at > DueAt : now > DueAt;

    /// <summary>A new open review of <paramref name="department"/>'s week with its items.</summary>
    public static WeeklyReview Open(
        Guid id,
        string? department,
        ReviewWeek week,
        DateTimeOffset weekStart,
        DateTimeOffset weekEnd,
        DateTimeOffset dueAt,
        IEnumerable<ReviewItemSource> items,
        string openedBy,
        bool automatic,
        DateTimeOffset now)
    {
        var review = new WeeklyReview
        {
            Id = id,
            Department = department ?? "",
            Week = week.ToString(),
            WeekStart = weekStart.ToUniversalTime(),
            WeekEnd = weekEnd.ToUniversalTime(),
            DueAt = dueAt.ToUniversalTime(),
            Status = ReviewStatus.Open,
            OpenedAt = now.ToUniversalTime(),
            OpenedBy = openedBy,
            OpenedAutomatically = automatic,
            Version = 1,
        };
        foreach (var source in items.OrderBy(s => s.RecordedAt).ThenBy(s => s.FeedbackId))
        {
            review.Append(source, now);
        }

        review.Raise(new WeeklyReviewOpened(review, automatic, now));
        return review;
    }

    /// <summary>
    /// Adds the unsatisfied feedback recorded since the review was opened (one item per visit task: a task already in the
    /// review is not added again). Only while open; a completed review stays as it was completed. Returns how many joined.
    /// </summary>
    public int AddItems(IEnumerable<ReviewItemSource> items, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return 0;
        }

        var added = new List<ReviewItem>();
        foreach (var source in items.OrderBy(s => s.RecordedAt).ThenBy(s => s.FeedbackId))
        {
            if (Append(source, now) is { } item)
            {
                added.Add(item);
            }
        }

        if (added.Count > 0)
        {
            Version++;
            Raise(new WeeklyReviewItemsAdded(this, added, now));
        }

        return added.Count;
    }

    public ReviewItem? Item(Guid itemId) => _items.FirstOrDefault(i => i.Id == itemId);

    /// <summary>
    /// Whether the item may be decided now (open review, known item, not decided yet): the
    /// check made before a decision plans a follow-up or opens an action, so that nothing is planned for a refusal.
    /// </summary>
    public Outcome CanDecide(Guid itemId)
    {
        if (!IsOpen)
        {
            return ReviewErrors.NotOpen(this, "decide");
        }

        var item = Item(itemId);
        if (item is null)
        {
            return ReviewErrors.ItemNotFound(Id, itemId);
        }

        return item.IsDecided ? ReviewErrors.AlreadyDecided(this, item) : Outcome.Ok;
    }

    /// <summary>
    /// The reviewer decides one item. <paramref name="followUpTaskId"/> is the visit a FollowUpAgain planned,
    /// <paramref name="correctiveActionId"/> the action a CorrectiveAction opened.
    /// </summary>
    public Outcome Decide(Guid itemId, ReviewDecision decision, string? note, string by, Guid? followUpTaskId, Guid? correctiveActionId, DateTimeOffset now)
    {
        var allowed = CanDecide(itemId);
        if (!allowed.IsSuccess)
        {
            return allowed;
        }

        if ((decision == ReviewDecision.FollowUpAgain) != (followUpTaskId is not null)
            || (decision == ReviewDecision.CorrectiveAction) != (correctiveActionId is not null))
        {
            throw new ArgumentException("A FollowUpAgain decision names its follow-up task and a CorrectiveAction its action; no other decision names either.");
        }

        var item = Item(itemId)!;
        item.Decide(decision, note, by, followUpTaskId, correctiveActionId, now);
        Version++;
        Raise(new ReviewItemDecided(this, item, now));
        return Outcome.Ok;
    }

    /// <summary>The reviewer completes the review: every item must be decided.</summary>
    public Outcome Complete(string by, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return ReviewErrors.NotOpen(this, "complete");
        }

        var undecided = _items.Count(i => !i.IsDecided);
        if (undecided > 0)
        {
            return ReviewErrors.Undecided(this, undecided);
        }

        Status = ReviewStatus.Completed;
        CompletedAt = now.ToUniversalTime();
        CompletedBy = by;
        Version++;
        Raise(new WeeklyReviewCompleted(this, now));
        return Outcome.Ok;
    }

    /// <summary>
    /// True the first time the review is found open past its deadline. The monitor's bookkeeping: nothing a caller
    /// changes depends on it, so the version (ETag) stays; the write still carries the version it read, so a caller's
    /// change that lands first makes the monitor's tick retry.
    /// </summary>
    public bool MarkOverdue(DateTimeOffset now)
    {
        if (!IsOpen || OverdueRaisedAt is not null || now <= DueAt)
        {
            return false;
        }

        OverdueRaisedAt = now.ToUniversalTime();
        Raise(new WeeklyReviewFoundOverdue(this, now));
        return true;
    }

    private ReviewItem? Append(ReviewItemSource source, DateTimeOffset now)
    {
        if (_items.Any(i => i.TaskId == source.TaskId || i.FeedbackId == source.FeedbackId))
        {
            return null;
        }

        var item = new ReviewItem(Guid.CreateVersion7(now), source, now);
        _items.Add(item);
        return item;
    }
}
