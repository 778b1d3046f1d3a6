using HuiFang.Api.Domain.Common;

namespace HuiFang.Api.Domain.Reviews;

// What happens to a weekly review, raised by its transitions; each carries the review as it is after the change.

/// <summary>The review was opened, by the monitor once the week was over (<paramref name="Automatic"/>) or by hand.</summary>
public sealed record WeeklyReviewOpened(WeeklyReview Review, bool Automatic, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>Unsatisfied feedback recorded after the opening joined the open review.</summary>
public sealed record WeeklyReviewItemsAdded(WeeklyReview Review, IReadOnlyList<ReviewItem> Items, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The reviewer decided one item.</summary>
public sealed record ReviewItemDecided(WeeklyReview Review, ReviewItem Item, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The reviewer completed the review.</summary>
public sealed record WeeklyReviewCompleted(WeeklyReview Review, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The review was found still open past its deadline (raised once).</summary>
public sealed record WeeklyReviewFoundOverdue(WeeklyReview Review, DateTimeOffset OccurredAt) : IDomainEvent;
