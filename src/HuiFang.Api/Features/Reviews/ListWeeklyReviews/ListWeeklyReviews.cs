using System.Globalization;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Reviews;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Reviews.ListWeeklyReviews;

/// <summary>Filters and paging of the review list; every filter is optional and they combine with AND.</summary>
/// <param name="Week">Only this ISO week, e.g. 2026-W48.</param>
/// <param name="Department">Only this department (the feedback without a department is listed without this filter).</param>
/// <param name="Status">Only reviews in this status: Open or Completed.</param>
/// <param name="Limit">Page size, 1–200 (default 50).</param>
/// <param name="Cursor">The nextCursor of the previous page.</param>
public sealed record ListWeeklyReviews(
    [FromQuery(Name = "week")] string? Week = null,
    [FromQuery(Name = "department")] string? Department = null,
    [FromQuery(Name = "status")] ReviewStatus? Status = null,
    [FromQuery(Name = "limit")] int? Limit = null,
    [FromQuery(Name = "cursor")] string? Cursor = null) : IQuery<Result<WeeklyReviewPage>>
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    internal ReviewCursor? Position => ReviewCursor.TryDecode(Cursor, out var c) ? c : null;
}

/// <summary>One page of reviews, newest week first, then by id; items are not listed (get the review for them).</summary>
/// <param name="Items">The reviews on this page.</param>
/// <param name="NextCursor">Pass as cursor to get the next page; null on the last page.</param>
public sealed record WeeklyReviewPage(IReadOnlyList<WeeklyReviewResponse> Items, string? NextCursor);

/// <summary>A position in the (weekStart descending, id descending) order. Opaque to callers.</summary>
public readonly record struct ReviewCursor(DateTimeOffset WeekStart, Guid Id)
{
    public string Encode() => OpaqueCursor.Encode(WeekStart.UtcTicks.ToString(CultureInfo.InvariantCulture), Id.ToString("N"));

    public static bool TryDecode(string? text, out ReviewCursor cursor)
    {
        cursor = default;
        if (OpaqueCursor.Decode(text) is [var ticksText, var idText]
            && long.TryParse(ticksText, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks
            && Guid.TryParseExact(idText, "N", out var id))
        {
            cursor = new ReviewCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
            return true;
        }

        return false;
    }
}

public sealed class ListWeeklyReviewsValidator : AbstractValidator<ListWeeklyReviews>
{
    public ListWeeklyReviewsValidator()
    {
        RuleFor(x => x.Week).IsoWeek();
        RuleFor(x => x.Department).Department();
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.Limit)
            .InclusiveBetween(1, ListWeeklyReviews.MaxLimit).WithMessage(_ => Messages.Get("validation.range", 1, ListWeeklyReviews.MaxLimit));
        RuleFor(x => x.Position).NotNull().WithMessage(_ => Messages.Get("validation.cursor")).OverridePropertyName("cursor").When(x => x.Cursor is not null);
    }
}

public sealed class ListWeeklyReviewsHandler(HuiFangDbContext db, TimeProvider clock) : IQueryHandler<ListWeeklyReviews, Result<WeeklyReviewPage>>
{
    public async ValueTask<Result<WeeklyReviewPage>> Handle(ListWeeklyReviews q, CancellationToken cancellationToken)
    {
        var limit = q.Limit ?? ListWeeklyReviews.DefaultLimit;
        var reviews = db.WeeklyReviews.AsNoTracking();
        if (q.Week is { } week)
        {
            reviews = reviews.Where(r => r.Week == week);
        }

        if (!string.IsNullOrEmpty(q.Department))
        {
            reviews = reviews.Where(r => r.Department == q.Department);
        }

        if (q.Status is { } status)
        {
            reviews = reviews.Where(r => r.Status == status);
        }

        if (q.Position is { } cursor)
        {
            reviews = reviews.Where(r => r.WeekStart < cursor.WeekStart || (r.WeekStart == cursor.WeekStart && r.Id.CompareTo(cursor.Id) < 0));
        }

        var page = await reviews.OrderByDescending(r => r.WeekStart).ThenByDescending(r => r.Id).Take(limit + 1).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var next = page.Count > limit ? new ReviewCursor(page[limit - 1].WeekStart, page[limit - 1].Id).Encode() : null;
        return new WeeklyReviewPage([.. page.Take(limit).Select(r => WeeklyReviewResponse.From(r, now, withItems: false))], next);
    }
}
