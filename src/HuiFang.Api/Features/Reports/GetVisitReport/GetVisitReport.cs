using HuiFang.Api.Domain.Common;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Services.Tenants;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Reports.GetVisitReport;

/// <param name="Department">Only this department (<c>department=</c>): the task's service department; null for every department.</param>
public sealed record GetVisitReport(DateOnly? From, DateOnly? To, ReportGroupBy GroupBy, string? Department = null) : IQuery<Result<Report<VisitRow>>>, IReportQuery;

/// <summary>Visit tasks planned in the period and where they stand now.</summary>
/// <param name="Group">The group's key; "total" for the whole period.</param>
/// <param name="Planned">Tasks created in the period (revisits included).</param>
/// <param name="Revisits">Of those, revisits after a fixed complaint (二次回访).</param>
/// <param name="Completed">Customer reached, feedback recorded.</param>
/// <param name="Unreachable">Closed after too many failed attempts.</param>
/// <param name="Cancelled">Cancelled with a reason.</param>
/// <param name="Open">Still Pending or Assigned.</param>
/// <param name="Overdue">Open past their due window now.</param>
/// <param name="CompletionRate">Completed ÷ (planned − cancelled).</param>
public sealed record VisitRow(string Group, int Planned, int Revisits, int Completed, int Unreachable, int Cancelled, int Open, int Overdue, double? CompletionRate);

public sealed class GetVisitReportValidator : AbstractValidator<GetVisitReport>
{
    public GetVisitReportValidator() => this.PeriodRules(ReportSources.Visits.Offers);
}

public sealed class GetVisitReportHandler(HuiFangDbContext db, TenantSettings tenant, TimeProvider clock)
    : IQueryHandler<GetVisitReport, Result<Report<VisitRow>>>
{
    public async ValueTask<Result<Report<VisitRow>>> Handle(GetVisitReport query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var calendar = await tenant.GetCalendarAsync(cancellationToken);
        var period = ReportPeriod.Of(query.From!.Value, query.To!.Value, calendar);
        var key = ReportSources.Visits.KeyOf(query.GroupBy, period, calendar);
        var rows = await db.VisitTasks.AsNoTracking()
            .Where(t => t.CreatedAt >= period.Start && t.CreatedAt < period.End)
            .Where(t => query.Department == null || t.ServiceDepartment == query.Department)
            .GroupBy(key)
            .Select(g => new VisitRow(
                g.Key ?? "",
                g.Count(),
                g.Count(t => t.EscalationId != null),
                g.Count(t => t.Status == VisitTaskStatus.Completed),
                g.Count(t => t.Status == VisitTaskStatus.Unreachable),
                g.Count(t => t.Status == VisitTaskStatus.Cancelled),
                g.Count(t => t.Status == VisitTaskStatus.Pending || t.Status == VisitTaskStatus.Assigned),
                g.Count(t => (t.Status == VisitTaskStatus.Pending || t.Status == VisitTaskStatus.Assigned) && t.DueBy < now),
                null))
            .ToListAsync(cancellationToken);

        rows = [.. rows.OrderBy(r => r.Group, StringComparer.Ordinal).Select(WithRate)];
        var total = WithRate(new VisitRow(
            "total",
            rows.Sum(r => r.Planned),
            rows.Sum(r => r.Revisits),
            rows.Sum(r => r.Completed),
            rows.Sum(r => r.Unreachable),
            rows.Sum(r => r.Cancelled),
            rows.Sum(r => r.Open),
            rows.Sum(r => r.Overdue),
            null));
        return new Report<VisitRow>("visits", PeriodResponse.Of(period), query.GroupBy, rows, total, false, now);
    }

    private static VisitRow WithRate(VisitRow r) => r with { CompletionRate = Ratio.Of(r.Completed, r.Planned - r.Cancelled) };
}
