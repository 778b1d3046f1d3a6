using FluentValidation;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.CorrectiveActions;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Services.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Reports.GetCorrectiveActionReport;

/// <param name="GroupBy">Month (also when the request names none), week or department.</param>
/// <param name="Department">Only this department's actions (<c>department=</c>); null for every department.</param>
public sealed record GetCorrectiveActionReport(DateOnly? From, DateOnly? To, ReportGroupBy GroupBy, string? Department = null)
    : IQuery<Result<Report<CorrectiveActionRow>>>, IReportQuery
{
    /// <summary>Corrective actions by when they were opened; the department they belong to (no agent, service type or channel).</summary>
    public static readonly ReportDimensions<CorrectiveAction> Dimensions = new(a => a.OpenedAt, a => a.Department, null, null, null);

    /// <summary>Month, week or department: the report has no whole-period-only form (the total line is that).</summary>
    public static bool Offers(ReportGroupBy groupBy) => groupBy is ReportGroupBy.Month or ReportGroupBy.Week or ReportGroupBy.Department;
}

/// <summary>Corrective and preventive actions opened in the period and where they stand now.</summary>
/// <param name="Group">The group's key: month, week or department ("" for actions without one); "total" for the whole period.</param>
/// <param name="Opened">Actions opened in the period (by hand, from a review, or proposed).</param>
/// <param name="Proposed">Of them, proposed by the recurrence rule (whatever became of the proposal).</param>
/// <param name="Open">Of them, not implemented yet now (Proposed or Open).</param>
/// <param name="Overdue">Of them, not implemented and past their due date now.</param>
/// <param name="Implemented">Of them, implemented and waiting for verification or closing now.</param>
/// <param name="Closed">Of them, closed now.</param>
/// <param name="ClosedEffective">Of the closed, closed as effective.</param>
/// <param name="Dismissed">Of them, proposals dismissed.</param>
/// <param name="MeanDaysToClose">Mean days from opening to closing of the closed ones (1 decimal); null when none is closed.</param>
public sealed record CorrectiveActionRow(
    string Group,
    int Opened,
    int Proposed,
    int Open,
    int Overdue,
    int Implemented,
    int Closed,
    int ClosedEffective,
    int Dismissed,
    double? MeanDaysToClose);

public sealed class GetCorrectiveActionReportValidator : AbstractValidator<GetCorrectiveActionReport>
{
    public GetCorrectiveActionReportValidator() => this.PeriodRules(GetCorrectiveActionReport.Offers);
}

public sealed class GetCorrectiveActionReportHandler(HuiFangDbContext db, TenantSettings tenant, TimeProvider clock)
    : IQueryHandler<GetCorrectiveActionReport, Result<Report<CorrectiveActionRow>>>
{
    public async ValueTask<Result<Report<CorrectiveActionRow>>> Handle(GetCorrectiveActionReport query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var calendar = await tenant.GetCalendarAsync(cancellationToken);
        var period = ReportPeriod.Of(query.From!.Value, query.To!.Value, calendar);
        var key = GetCorrectiveActionReport.Dimensions.KeyOf(query.GroupBy, period, calendar);
        var opened = db.CorrectiveActions.AsNoTracking().Where(a => a.OpenedAt >= period.Start && a.OpenedAt < period.End)
            .Where(a => query.Department == null || a.Department == query.Department);

        // Counts per group in SQL, as the other reports.
        var sums = await opened
            .GroupBy(key)
            .Select(g => new Sums
            {
                Group = g.Key,
                Opened = g.Count(),
                Proposed = g.Count(a => a.Source == CorrectiveActionSource.Recurrence),
                Open = g.Count(a => a.Status == CorrectiveActionStatus.Proposed || a.Status == CorrectiveActionStatus.Open),
                Overdue = g.Count(a => (a.Status == CorrectiveActionStatus.Proposed || a.Status == CorrectiveActionStatus.Open) && a.DueAt <= now),
                Implemented = g.Count(a => a.Status == CorrectiveActionStatus.Implemented),
                Closed = g.Count(a => a.Status == CorrectiveActionStatus.Closed),
                ClosedEffective = g.Count(a => a.Status == CorrectiveActionStatus.Closed && a.ClosedEffective == true),
                Dismissed = g.Count(a => a.Status == CorrectiveActionStatus.Dismissed),
            })
            .ToListAsync(cancellationToken);

        // Days to close: the closed ones' two instants (instant arithmetic differs between the providers' SQL).
        var closed = await opened
            .Where(a => a.Status == CorrectiveActionStatus.Closed && a.ClosedAt != null)
            .Select(key.Compose(a => new ClosedTimes(a.OpenedAt, a.ClosedAt!.Value)))
            .ToListAsync(cancellationToken);
        var days = closed.GroupBy(c => c.Key ?? "", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(c => (c.Value.ClosedAt - c.Value.OpenedAt).TotalDays).ToList(), StringComparer.Ordinal);
        foreach (var s in sums)
        {
            s.Days = days.GetValueOrDefault(s.Group ?? "") ?? [];
        }

        var rows = sums.Select(s => s.ToRow()).OrderBy(r => r.Group, StringComparer.Ordinal).ToList();
        var total = sums.Aggregate(new Sums { Group = "total" }, (a, s) => a.Add(s)).ToRow();
        return new Report<CorrectiveActionRow>("corrective-actions", PeriodResponse.Of(period), query.GroupBy, rows, total, false, now);
    }

    private sealed record ClosedTimes(DateTimeOffset OpenedAt, DateTimeOffset ClosedAt);

    private sealed class Sums
    {
        public string? Group { get; init; }

        public int Opened { get; set; }

        public int Proposed { get; set; }

        public int Open { get; set; }

        public int Overdue { get; set; }

        public int Implemented { get; set; }

        public int Closed { get; set; }

        public int ClosedEffective { get; set; }

        public int Dismissed { get; set; }

        public List<double> Days { get; set; } = [];

        public Sums Add(Sums o)
        {
            Opened += o.Opened;
            Proposed += o.Proposed;
            Open += o.Open;
            Overdue += o.Overdue;
            Implemented += o.Implemented;
            Closed += o.Closed;
            ClosedEffective += o.ClosedEffective;
            Dismissed += o.Dismissed;
            Days = [.. Days, .. o.Days];
            return this;
        }

        public CorrectiveActionRow ToRow() =>
            new(Group ?? "", Opened, Proposed, Open, Overdue, Implemented, Closed, ClosedEffective, Dismissed, Days.Count == 0 ? null : Math.Round(Days.Average(), 1));
    }
}
