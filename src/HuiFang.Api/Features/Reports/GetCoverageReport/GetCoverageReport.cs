using HuiFang.Api.Domain.Common;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.FollowUp;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Services.Tenants;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Reports.GetCoverageReport;

/// <param name="Department">Only this department (<c>department=</c>): the service record's department; null for every department.</param>
public sealed record GetCoverageReport(DateOnly? From, DateOnly? To, ReportGroupBy GroupBy, string? Department = null) : IQuery<Result<Report<CoverageRow>>>, IReportQuery;

/// <summary>Visit coverage (回访率) of the service records completed in the period, per service type, against the policy's target.</summary>
/// <param name="Group">The service type; "total" for all.</param>
/// <param name="Rule">The selection rule that decided the records (if a policy change in the period moved the type to another rule, the alphabetically last).</param>
/// <param name="Eligible">Service records received.</param>
/// <param name="Selected">Chosen by the policy (a task planned or linked).</param>
/// <param name="HeldBack">Chosen but held back by the do-not-disturb rule.</param>
/// <param name="Visited">Chosen and the customer reached (the task Completed).</param>
/// <param name="CoverageRate">Visited ÷ eligible.</param>
/// <param name="SelectionRate">Selected ÷ eligible.</param>
/// <param name="TargetVisits">Visits the policy asked for: the sum of each record's rate at its position.</param>
/// <param name="TargetRate">Target visits ÷ eligible.</param>
/// <param name="MeetsTarget">Visited ≥ target visits (rounded down).</param>
/// <param name="OptedOut">Chosen but held back because the customer asked not to be contacted (the quota chose another record instead).</param>
public sealed record CoverageRow(
    string Group,
    string? Rule,
    int Eligible,
    int Selected,
    int HeldBack,
    int Visited,
    double? CoverageRate,
    double? SelectionRate,
    double TargetVisits,
    double? TargetRate,
    bool MeetsTarget,
    int OptedOut = 0);

public sealed class GetCoverageReportValidator : AbstractValidator<GetCoverageReport>
{
    public GetCoverageReportValidator() => this.PeriodRules(g => g is ReportGroupBy.None or ReportGroupBy.ServiceType);
}

public sealed class GetCoverageReportHandler(HuiFangDbContext db, TenantSettings tenant, TimeProvider clock)
    : IQueryHandler<GetCoverageReport, Result<Report<CoverageRow>>>
{
    public async ValueTask<Result<Report<CoverageRow>>> Handle(GetCoverageReport query, CancellationToken cancellationToken)
    {
        var calendar = await tenant.GetCalendarAsync(cancellationToken);
        var period = ReportPeriod.Of(query.From!.Value, query.To!.Value, calendar);
        var records =
            from r in db.ServiceRecords.AsNoTracking()
            where r.CompletedAt >= period.Start && r.CompletedAt < period.End
            where query.Department == null || r.Department == query.Department
            join t in db.VisitTasks.AsNoTracking() on r.VisitTaskId equals t.Id into tasks
            from t in tasks.DefaultIfEmpty()
            select new { r.ServiceType, r.RuleName, r.Outcome, r.Rate, Visited = t != null && t.Status == VisitTaskStatus.Completed };
        var sums = await records
            .GroupBy(r => new { r.ServiceType, r.RuleName, r.Outcome })
            .Select(g => new
            {
                g.Key.ServiceType,
                g.Key.RuleName,
                g.Key.Outcome,
                Count = g.Count(),
                Visited = g.Count(r => r.Visited),
                Target = g.Sum(r => r.Rate),
            })
            .ToListAsync(cancellationToken);

        // A service type decided by two rules (the policy changed in the period) is one row.
        var rows = sums
            .GroupBy(s => s.ServiceType, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Row(
                g.Key,
                g.Max(s => s.RuleName)!,
                g.Sum(s => s.Count),
                g.Where(s => ServiceRecord.CountsAsVisit(s.Outcome)).Sum(s => s.Count),
                g.Where(s => s.Outcome == IntakeOutcome.DoNotDisturb).Sum(s => s.Count),
                g.Sum(s => s.Visited),
                g.Sum(s => s.Target),
                g.Where(s => s.Outcome == IntakeOutcome.DoNotContact).Sum(s => s.Count)))
            .ToList();
        var total = Row("total", null, rows.Sum(r => r.Eligible), rows.Sum(r => r.Selected), rows.Sum(r => r.HeldBack), rows.Sum(r => r.Visited), rows.Sum(r => r.TargetVisits), rows.Sum(r => r.OptedOut));
        return new Report<CoverageRow>("coverage", PeriodResponse.Of(period), ReportGroupBy.ServiceType, rows, total, false, clock.GetUtcNow());
    }

    private static CoverageRow Row(string group, string? rule, int eligible, int selected, int heldBack, int visited, double target, int optedOut) =>
        new(group, rule, eligible, selected, heldBack, visited, Ratio.Of(visited, eligible), Ratio.Of(selected, eligible), Math.Round(target, 2), Ratio.Of(target, eligible), visited >= Math.Floor(target + 1e-9), optedOut);
}
