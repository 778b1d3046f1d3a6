using FluentValidation;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.SpotChecks;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Services.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Reports.GetSpotCheckReport;

/// <param name="GroupBy">assignee (the default), department, level or month.</param>
/// <param name="Department">Only the picks of this department (<c>department=</c>: the picked visit's department); null for every department.</param>
public sealed record GetSpotCheckReport(DateOnly? From, DateOnly? To, ReportGroupBy GroupBy, string? Department = null)
    : IQuery<Result<Report<SpotCheckRow>>>, IReportQuery
{
    public static bool Offers(ReportGroupBy groupBy) =>
        groupBy is ReportGroupBy.None or ReportGroupBy.Assignee or ReportGroupBy.Department or ReportGroupBy.Level or ReportGroupBy.Month;
}

/// <summary>The judged picks of spot-checks whose visits were recorded in the period (a visit checked at two levels counts twice, once per level).</summary>
/// <param name="Group">The agent (the task's assignee, else who recorded the feedback; "" when neither is known), the department, the level or the month; "total" for the whole period.</param>
/// <param name="Checked">Picks judged.</param>
/// <param name="Passed">Picks judged real, complete, objective and on time.</param>
/// <param name="Failed">Picks that failed at least one criterion.</param>
/// <param name="PassRate">Passed ÷ checked, 0–1; null when nothing was checked.</param>
/// <param name="NotReal">Picks whose visit was judged not real.</param>
/// <param name="Incomplete">Picks whose record was judged incomplete.</param>
/// <param name="NotObjective">Picks whose record was judged not objective.</param>
/// <param name="Late">Picks whose record was judged not on time (not within 10 minutes).</param>
public sealed record SpotCheckRow(string Group, int Checked, int Passed, int Failed, double? PassRate, int NotReal, int Incomplete, int NotObjective, int Late);

public sealed class GetSpotCheckReportValidator : AbstractValidator<GetSpotCheckReport>
{
    public GetSpotCheckReportValidator() => this.PeriodRules(GetSpotCheckReport.Offers);
}

public sealed class GetSpotCheckReportHandler(HuiFangDbContext db, TenantSettings tenant, TimeProvider clock)
    : IQueryHandler<GetSpotCheckReport, Result<Report<SpotCheckRow>>>
{
    public async ValueTask<Result<Report<SpotCheckRow>>> Handle(GetSpotCheckReport query, CancellationToken cancellationToken)
    {
        var calendar = await tenant.GetCalendarAsync(cancellationToken);
        var period = ReportPeriod.Of(query.From!.Value, query.To!.Value, calendar);
        var groupBy = query.GroupBy == ReportGroupBy.None ? ReportGroupBy.Assignee : query.GroupBy;

        // A spot-check is a sample (a few visits per agent and month): its judged picks come back in one query, small
        // enough to be counted here.
        var picks = await db.SpotChecks.AsNoTracking()
            .SelectMany(s => s.Picks.Where(p => p.Passed != null && p.RecordedAt >= period.Start && p.RecordedAt < period.End && (query.Department == null || p.Department == query.Department)), (s, p) => new
            {
                s.Level, s.Month, p.Agent, p.Department, p.Passed, p.Real, p.Complete, p.Objective, p.OnTime,
            })
            .ToListAsync(cancellationToken);

        var rows = picks
            .GroupBy(p => groupBy switch
            {
                ReportGroupBy.Department => p.Department ?? "",
                ReportGroupBy.Level => p.Level.ToString(),
                ReportGroupBy.Month => p.Month,
                _ => p.Agent ?? "",
            }, StringComparer.Ordinal)
            .Select(g => Row(g.Key, [.. g.Select(p => (p.Passed == true, p.Real == false, p.Complete == false, p.Objective == false, p.OnTime == false))]))
            .OrderBy(r => r.Group, StringComparer.Ordinal)
            .ToList();
        var total = Row("total", [.. picks.Select(p => (p.Passed == true, p.Real == false, p.Complete == false, p.Objective == false, p.OnTime == false))]);
        return new Report<SpotCheckRow>("spot-checks", PeriodResponse.Of(period), groupBy, rows, total, false, clock.GetUtcNow());
    }

    private static SpotCheckRow Row(string group, IReadOnlyList<(bool Passed, bool NotReal, bool Incomplete, bool NotObjective, bool Late)> picks)
    {
        var passed = picks.Count(p => p.Passed);
        return new SpotCheckRow(
            group, picks.Count, passed, picks.Count - passed, Ratio.Of(passed, picks.Count),
            picks.Count(p => p.NotReal), picks.Count(p => p.Incomplete), picks.Count(p => p.NotObjective), picks.Count(p => p.Late));
    }
}
