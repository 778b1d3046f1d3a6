using HuiFang.Api.Domain.Common;

namespace HuiFang.Api.Domain.Reviews;

/// <summary>The expected failures of weekly reviews, each with a stable code.</summary>
public static class ReviewErrors
{
    public static Error NotFound(Guid id) =>
        new(ErrorKind.NotFound, "weekly-review-not-found", "review.notFound", [id]);

    public static Error ItemNotFound(Guid reviewId, Guid itemId) =>
        new(ErrorKind.NotFound, "review-item-not-found", "review.itemNotFound", [itemId, reviewId],
            new Dictionary<string, object?> { ["reviewId"] = reviewId, ["itemId"] = itemId });

    /// <summary>A completed review changes no more.</summary>
    public static Error NotOpen(WeeklyReview review, string action) =>
        new(ErrorKind.InvalidTransition, "invalid-transition", "review.notOpen", [action, review.Status],
            new Dictionary<string, object?> { ["reviewId"] = review.Id, ["reviewStatus"] = review.Status.ToString(), ["action"] = action });

    /// <summary>An item is decided once.</summary>
    public static Error AlreadyDecided(WeeklyReview review, ReviewItem item) =>
        new(ErrorKind.Conflict, "review-item-decided", "review.itemDecided", [item.Id, item.Decision],
            new Dictionary<string, object?> { ["reviewId"] = review.Id, ["itemId"] = item.Id, ["decision"] = item.Decision?.ToString() });

    /// <summary>Completing needs every item decided.</summary>
    public static Error Undecided(WeeklyReview review, int undecided) =>
        new(ErrorKind.Conflict, "review-items-undecided", "review.undecided", [undecided],
            new Dictionary<string, object?> { ["reviewId"] = review.Id, ["undecided"] = undecided });

    /// <summary>One review per department and week.</summary>
    public static Error AlreadyOpened(Guid existing, string? department, string week) =>
        new(ErrorKind.Conflict, "weekly-review-exists", "review.exists", [department ?? "-", week, existing],
            new Dictionary<string, object?> { ["reviewId"] = existing, ["department"] = department, ["week"] = week });

    /// <summary>A week that has not started yet has nothing to review.</summary>
    public static Error FutureWeek() => Error.InvalidField("week", "review.futureWeek");

    public static Error ConcurrentChange(Guid id) =>
        new(ErrorKind.Conflict, "concurrent-change", "review.concurrentChange", [id]);
}
