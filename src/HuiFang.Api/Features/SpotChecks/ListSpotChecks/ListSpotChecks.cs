using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.SpotChecks;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.SpotChecks.ListSpotChecks;

/// <summary>The tenant's spot-checks, newest first; filters combine with AND.</summary>
/// <param name="Month">Only this month's (YYYY-MM).</param>
/// <param name="Level">Only this level's.</param>
/// <param name="Status">Only Open or only Completed ones.</param>
/// <param name="Department">Only those opened for this department.</param>
/// <param name="Limit">Page size, 1–200 (default 50).</param>
/// <param name="Cursor">The nextCursor of the previous page.</param>
public sealed record ListSpotChecks(
    [FromQuery(Name = "month")] string? Month = null,
    [FromQuery(Name = "level")] SpotCheckLevel? Level = null,
    [FromQuery(Name = "status")] SpotCheckStatus? Status = null,
    [FromQuery(Name = "department")] string? Department = null,
    [FromQuery(Name = "limit")] int? Limit = null,
    [FromQuery(Name = "cursor")] string? Cursor = null) : IQuery<Result<SpotCheckPage>>
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    internal Guid? After => OpaqueCursor.Decode(Cursor) is [var id] && Guid.TryParseExact(id, "N", out var g) ? g : null;
}

/// <summary>One page of spot-checks.</summary>
/// <param name="Items">The spot-checks on this page, newest first (without their picks: get one to see them).</param>
/// <param name="NextCursor">Pass as cursor to get the next page; null on the last page.</param>
public sealed record SpotCheckPage(IReadOnlyList<SpotCheckSummary> Items, string? NextCursor);

public sealed class ListSpotChecksValidator : AbstractValidator<ListSpotChecks>
{
    public ListSpotChecksValidator()
    {
        RuleFor(x => x.Month)
            .Must(m => SpotCheckMonth.TryParse(m, out _)).WithMessage(_ => Messages.Get("spotCheck.month"))
            .When(x => x.Month is not null);
        RuleFor(x => x.Level).IsInEnum();
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.Department).MaximumLength(FieldLimits.Code);
        RuleFor(x => x.Limit)
            .InclusiveBetween(1, ListSpotChecks.MaxLimit).WithMessage(_ => Messages.Get("validation.range", 1, ListSpotChecks.MaxLimit));
        RuleFor(x => x.After)
            .NotNull().WithMessage(_ => Messages.Get("validation.cursor"))
            .OverridePropertyName("cursor")
            .When(x => x.Cursor is not null);
    }
}

public sealed class ListSpotChecksHandler(HuiFangDbContext db) : IQueryHandler<ListSpotChecks, Result<SpotCheckPage>>
{
    public async ValueTask<Result<SpotCheckPage>> Handle(ListSpotChecks q, CancellationToken cancellationToken)
    {
        var limit = q.Limit ?? ListSpotChecks.DefaultLimit;
        var items = db.SpotChecks.AsNoTracking();
        if (q.Month is { } month)
        {
            items = items.Where(s => s.Month == month);
        }

        if (q.Level is { } level)
        {
            items = items.Where(s => s.Level == level);
        }

        if (q.Status is { } status)
        {
            items = items.Where(s => s.Status == status);
        }

        if (q.Department is { } department)
        {
            items = items.Where(s => s.Department == department);
        }

        // Ids are version 7 (time-ordered): newest first is descending id, in the database's own order of ids.
        if (q.After is { } after)
        {
            items = items.Where(s => s.Id.CompareTo(after) < 0);
        }

        var page = await items.OrderByDescending(s => s.Id).Take(limit + 1).ToListAsync(cancellationToken);
        var next = page.Count > limit ? OpaqueCursor.Encode(page[limit - 1].Id.ToString("N")) : null;
        return new SpotCheckPage([.. page.Take(limit).Select(SpotCheckSummary.From)], next);
    }
}
