using FluentValidation;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Reviews;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Services.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Reports.GetReviewReport;

/// <summary>Weekly reviews of the weeks that start in the period; groupBy week (the default) or department.</summary>
/// <param name="Department">Only this department's reviews (<c>department=</c>); null for every department.</param>
public sealed record GetReviewReport(DateOnly? From, DateOnly? To, ReportGroupBy GroupBy, string? Department = null) : IQuery<Result<Report<ReviewRow>>>, IReportQuery;

/// <summary>Weekly review completion: how many reviews were done, on time, and what was decided.</summary>
/// <param name="Group">The ISO week (e.g. 2026-W48) or the department ("" for feedback without one); "total" for the whole period.</param>
/// <param name="Reviews">Reviews opened for the weeks.</param>
/// <param name="Completed">Reviews completed.</param>
/// <param name="CompletedOnTime">Reviews completed by their deadline.</param>
/// <param name="Overdue">Reviews not completed by their deadline, completed later or still open.</param>
/// <param name="Open">Reviews still open.</param>
/// <param name="Items">Unsatisfied items in the reviews.</param>
/// <param name="ItemsReviewed">Items decided.</param>
/// <param name="FollowUpAgain">Items decided FollowUpAgain (a new follow-up visit planned).</param>
/// <param name="NoAction">Items decided NoAction.</param>
/// <param name="CorrectiveActions">Items decided CorrectiveAction.</param>
/// <param name="OnTimeRate">CompletedOnTime ÷ Reviews, 0–1; null without reviews.</param>
public sealed record ReviewRow(
    string Group,
    int Reviews,
    int Completed,
    int CompletedOnTime,
    int Overdue,
    int Open,
    int Items,
    int ItemsReviewed,
    int FollowUpAgain,
    int NoAction,
    int CorrectiveActions,
    double? OnTimeRate);

public sealed class GetReviewReportValidator : AbstractValidator<GetReviewReport>
{
    public GetReviewReportValidator() => this.PeriodRules(g => g is ReportGroupBy.None or ReportGroupBy.Week or ReportGroupBy.Department);
}

public sealed class GetReviewReportHandler(HuiFangDbContext db, TenantSettings tenant, TimeProvider clock)
    : IQueryHandler<GetReviewReport, Result<Report<ReviewRow>>>
{
    public async ValueTask<Result<Report<ReviewRow>>> Handle(GetReviewReport query, CancellationToken cancellationToken)
    {
        var calendar = await tenant.GetCalendarAsync(cancellationToken);
        var period = ReportPeriod.Of(query.From!.Value, query.To!.Value, calendar);
        var groupBy = query.GroupBy == ReportGroupBy.None ? ReportGroupBy.Week : query.GroupBy;
        var now = clock.GetUtcNow();

        // A tenant has a review per department and week: a year of them is a few thousand rows, counted here.
        var reviews = await db.WeeklyReviews.AsNoTracking()
            .Where(r => r.WeekStart >= period.Start && r.WeekStart < period.End)
            .Where(r => query.Department == null || r.Department == query.Department)
            .ToListAsync(cancellationToken);

        var rows = reviews
            .GroupBy(r => groupBy == ReportGroupBy.Department ? r.Department : r.Week, StringComparer.Ordinal)
            .Select(g => Row(g.Key, g.ToList(), now))
            .OrderBy(r => r.Group, StringComparer.Ordinal)
            .ToList();
        return new Report<ReviewRow>("reviews", PeriodResponse.Of(period), groupBy, rows, Row("total", reviews, now), false, now);
    }

    private static ReviewRow Row(string group, IReadOnlyCollection<WeeklyReview> reviews, DateTimeOffset now)
    {
        var items = reviews.SelectMany(r => r.Items).ToList();
        var onTime = reviews.Count(r => r.CompletedOnTime);
        return new ReviewRow(
            group,
            reviews.Count,
            reviews.Count(r => r.Status == ReviewStatus.Completed),
            onTime,
            reviews.Count(r => r.IsOverdue(now)),
            reviews.Count(r => r.Status == ReviewStatus.Open),
            items.Count,
            items.Count(i => i.IsDecided),
            items.Count(i => i.Decision == ReviewDecision.FollowUpAgain),
            items.Count(i => i.Decision == ReviewDecision.NoAction),
            items.Count(i => i.Decision == ReviewDecision.CorrectiveAction),
            Ratio.Of(onTime, reviews.Count));
    }
}
