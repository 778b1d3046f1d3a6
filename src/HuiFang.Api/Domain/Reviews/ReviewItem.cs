using HuiFang.Api.Domain.Feedback;

namespace HuiFang.Api.Domain.Reviews;

/// <summary>
/// What a review item is made from: one unsatisfied feedback record (the latest correction) of the week. Holds no
/// personal data of the customer (names, phone numbers, comments stay on the feedback record, which erasure scrubs).
/// </summary>
public sealed record ReviewItemSource(
    Guid FeedbackId,
    Guid TaskId,
    Guid? EscalationId,
    bool IsRevisit,
    int Score,
    int CategoryMask,
    string WorkOrderNo,
    string ServiceType,
    string? Assignee,
    DateTimeOffset RecordedAt);

/// <summary>One unsatisfied item of a weekly review and the reviewer's decision about it.</summary>
public sealed class ReviewItem
{
    private ReviewItem()
    {
    }

    internal ReviewItem(Guid id, ReviewItemSource source, DateTimeOffset addedAt)
    {
        Id = id;
        FeedbackId = source.FeedbackId;
        TaskId = source.TaskId;
        EscalationId = source.EscalationId;
        IsRevisit = source.IsRevisit;
        Score = source.Score;
        CategoryMask = source.CategoryMask;
        WorkOrderNo = source.WorkOrderNo;
        ServiceType = source.ServiceType;
        Assignee = source.Assignee;
        RecordedAt = source.RecordedAt.ToUniversalTime();
        AddedAt = addedAt.ToUniversalTime();
    }

    public Guid Id { get; private set; }

    public Guid FeedbackId { get; private set; }

    public Guid TaskId { get; private set; }

    public Guid? EscalationId { get; private set; }

    public bool IsRevisit { get; private set; }

    public int Score { get; private set; }

    /// <summary>The feedback's categories as bits (<see cref="FeedbackRecord.Bit"/>).</summary>
    public int CategoryMask { get; private set; }

    public string WorkOrderNo { get; private set; } = "";

    public string ServiceType { get; private set; } = "";

    public string? Assignee { get; private set; }

    /// <summary>When the feedback was recorded.</summary>
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>When the item joined the review (later than the opening for feedback recorded later in the week).</summary>
    public DateTimeOffset AddedAt { get; private set; }

    public ReviewDecision? Decision { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    public string? ReviewedBy { get; private set; }

    /// <summary>The follow-up visit a <see cref="ReviewDecision.FollowUpAgain"/> planned.</summary>
    public Guid? FollowUpTaskId { get; private set; }

    /// <summary>The corrective action a <see cref="ReviewDecision.CorrectiveAction"/> opened.</summary>
    public Guid? CorrectiveActionId { get; private set; }

    public IReadOnlyList<FeedbackCategory> Categories =>
        [.. Enum.GetValues<FeedbackCategory>().Where(c => (CategoryMask & FeedbackRecord.Bit(c)) != 0)];

    public bool IsDecided => Decision is not null;

    internal void Decide(ReviewDecision decision, string? note, string by, Guid? followUpTaskId, Guid? correctiveActionId, DateTimeOffset now)
    {
        Decision = decision;
        Note = note;
        ReviewedBy = by;
        ReviewedAt = now.ToUniversalTime();
        FollowUpTaskId = followUpTaskId;
        CorrectiveActionId = correctiveActionId;
    }
}
