using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Escalations;
using HuiFang.Api.Features.Tenants;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Reports.GetSlaReport;

public sealed record GetSlaReport(DateOnly? From, DateOnly? To, ReportGroupBy GroupBy) : IQuery<Result<Report<SlaRow>>>, IReportQuery;

/// <summary>How escalations opened in the period were handled against their SLA (latest handling cycle).</summary>
/// <param name="Group">The group's key (department and assignee are the handling department and its owner); "total" for the whole period.</param>
/// <param name="Escalations">Escalations opened.</param>
/// <param name="Urgent">Of severity Urgent.</param>
/// <param name="ResponseMet">Acknowledged without a response breach.</param>
/// <param name="ResponseBreached">Response target breached.</param>
/// <param name="ResponseCompliance">Response met ÷ (met + breached).</param>
/// <param name="ResolutionMet">Resolved without a resolution breach.</param>
/// <param name="ResolutionBreached">Resolution target breached.</param>
/// <param name="ResolutionCompliance">Resolution met ÷ (met + breached).</param>
/// <param name="Breaches">Breaches recorded (all targets and cycles).</param>
/// <param name="Reopened">Reopened at least once (the customer was still unsatisfied after a fix).</param>
/// <param name="ReopenRate">Reopened ÷ escalations.</param>
/// <param name="LoopsClosed">Closed: the customer confirmed satisfaction on a revisit.</param>
/// <param name="MeanHoursToRespond">Mean hours from the cycle's start to acknowledgement (wall clock).</param>
/// <param name="P90HoursToRespond">90th percentile of the same (nearest rank).</param>
/// <param name="MeanHoursToResolve">Mean hours from the cycle's start to resolution.</param>
/// <param name="P90HoursToResolve">90th percentile of the same.</param>
/// <param name="RepeatProblems">Escalations whose customer or work order had another escalation opened in the 90 days before.</param>
/// <param name="RepeatProblemRate">Repeat problems ÷ escalations.</param>
public sealed record SlaRow(
    string Group,
    int Escalations,
    int Urgent,
    int ResponseMet,
    int ResponseBreached,
    double? ResponseCompliance,
    int ResolutionMet,
    int ResolutionBreached,
    double? ResolutionCompliance,
    int Breaches,
    int Reopened,
    double? ReopenRate,
    int LoopsClosed,
    double? MeanHoursToRespond,
    double? P90HoursToRespond,
    double? MeanHoursToResolve,
    double? P90HoursToResolve,
    int RepeatProblems,
    double? RepeatProblemRate);

public sealed class GetSlaReportValidator : AbstractValidator<GetSlaReport>
{
    public GetSlaReportValidator() => this.PeriodRules(ReportSources.Escalations.Offers);
}

public sealed class GetSlaReportHandler(HuiFangDbContext db, TenantSettings tenant, TimeProvider clock)
    : IQueryHandler<GetSlaReport, Result<Report<SlaRow>>>
{
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromDays(90);

    public async ValueTask<Result<Report<SlaRow>>> Handle(GetSlaReport query, CancellationToken cancellationToken)
    {
        var calendar = await tenant.GetCalendarAsync(cancellationToken);
        var period = ReportPeriod.Of(query.From!.Value, query.To!.Value, calendar);
        var key = ReportSources.Escalations.KeyOf(query.GroupBy, period, calendar);
        var inPeriod = db.Escalations.AsNoTracking().Where(e => e.OpenedAt >= period.Start && e.OpenedAt < period.End);

        var counts = await inPeriod
            .GroupBy(key)
            .Select(g => new
            {
                Group = g.Key ?? "",
                Escalations = g.Count(),
                Urgent = g.Count(e => e.Severity == EscalationSeverity.Urgent),
                ResponseMet = g.Count(e => e.AcknowledgedAt != null && e.ResponseBreachedAt == null),
                ResponseBreached = g.Count(e => e.ResponseBreachedAt != null),
                ResolutionMet = g.Count(e => e.ResolvedAt != null && e.ResolutionBreachedAt == null),
                ResolutionBreached = g.Count(e => e.ResolutionBreachedAt != null),
                Breaches = g.Sum(e => e.BreachCount),
                Reopened = g.Count(e => e.Cycle > 1),
                LoopsClosed = g.Count(e => e.Status == EscalationStatus.Closed),
            })
            .ToListAsync(cancellationToken);

        // Durations and repeats need each escalation's instants: read them narrow (escalations are far fewer than feedback).
        var times = await inPeriod
            .Select(key.Compose(e => new { e.CustomerExternalId, e.WorkOrderNo, e.OpenedAt, e.CycleStartedAt, e.AcknowledgedAt, e.ResolvedAt }))
            .ToListAsync(cancellationToken);
        var earlierFrom = period.Start - RepeatWindow;
        var history = await db.Escalations.AsNoTracking()
            .Where(e => e.OpenedAt >= earlierFrom && e.OpenedAt < period.End)
            .Select(e => new { e.CustomerExternalId, e.WorkOrderNo, e.OpenedAt })
            .ToListAsync(cancellationToken);
        var byCustomer = history.ToLookup(h => h.CustomerExternalId);
        var byWorkOrder = history.ToLookup(h => h.WorkOrderNo);
        bool IsRepeat(string customer, string workOrder, DateTimeOffset openedAt) =>
            byCustomer[customer].Concat(byWorkOrder[workOrder]).Any(h => h.OpenedAt < openedAt && h.OpenedAt >= openedAt - RepeatWindow);

        var details = times.Select(t => (t.Key, t.Value, Repeat: IsRepeat(t.Value.CustomerExternalId, t.Value.WorkOrderNo, t.Value.OpenedAt))).ToList();
        var rows = counts.OrderBy(c => c.Group, StringComparer.Ordinal).Select(c =>
        {
            var mine = details.Where(d => (d.Key ?? "") == c.Group).ToList();
            return Build(c.Group, c.Escalations, c.Urgent, c.ResponseMet, c.ResponseBreached, c.ResolutionMet, c.ResolutionBreached, c.Breaches, c.Reopened, c.LoopsClosed,
                mine.Where(d => d.Value.AcknowledgedAt != null).Select(d => (d.Value.AcknowledgedAt!.Value - d.Value.CycleStartedAt).TotalHours),
                mine.Where(d => d.Value.ResolvedAt != null).Select(d => (d.Value.ResolvedAt!.Value - d.Value.CycleStartedAt).TotalHours),
                mine.Count(d => d.Repeat));
        }).ToList();
        var total = Build("total", counts.Sum(c => c.Escalations), counts.Sum(c => c.Urgent), counts.Sum(c => c.ResponseMet), counts.Sum(c => c.ResponseBreached),
            counts.Sum(c => c.ResolutionMet), counts.Sum(c => c.ResolutionBreached), counts.Sum(c => c.Breaches), counts.Sum(c => c.Reopened), counts.Sum(c => c.LoopsClosed),
            details.Where(d => d.Value.AcknowledgedAt != null).Select(d => (d.Value.AcknowledgedAt!.Value - d.Value.CycleStartedAt).TotalHours),
            details.Where(d => d.Value.ResolvedAt != null).Select(d => (d.Value.ResolvedAt!.Value - d.Value.CycleStartedAt).TotalHours),
            details.Count(d => d.Repeat));
        return new Report<SlaRow>("sla", PeriodResponse.Of(period), query.GroupBy, rows, total, false, clock.GetUtcNow());
    }

    private static SlaRow Build(string group, int escalations, int urgent, int responseMet, int responseBreached, int resolutionMet, int resolutionBreached, int breaches, int reopened, int loopsClosed,
        IEnumerable<double> hoursToRespond, IEnumerable<double> hoursToResolve, int repeats)
    {
        var respond = hoursToRespond.OrderBy(h => h).ToList();
        var resolve = hoursToResolve.OrderBy(h => h).ToList();
        return new SlaRow(
            group, escalations, urgent,
            responseMet, responseBreached, Ratio.Of(responseMet, responseMet + responseBreached),
            resolutionMet, resolutionBreached, Ratio.Of(resolutionMet, resolutionMet + resolutionBreached),
            breaches, reopened, Ratio.Of(reopened, escalations), loopsClosed,
            Mean(respond), P90(respond), Mean(resolve), P90(resolve),
            repeats, Ratio.Of(repeats, escalations));
    }

    private static double? Mean(List<double> sorted) => sorted.Count == 0 ? null : Math.Round(sorted.Average(), 2);

    /// <summary>Nearest-rank 90th percentile.</summary>
    private static double? P90(List<double> sorted) => sorted.Count == 0 ? null : Math.Round(sorted[(int)Math.Ceiling(0.9 * sorted.Count) - 1], 2);
}

internal static class KeyedProjection
{
    /// <summary>Projects each row to its group key and a value, so both come back in one query.</summary>
    public static System.Linq.Expressions.Expression<Func<T, Keyed<TValue>>> Compose<T, TValue>(
        this System.Linq.Expressions.Expression<Func<T, string?>> key, System.Linq.Expressions.Expression<Func<T, TValue>> value)
    {
        var parameter = key.Parameters[0];
        var valueBody = new ParameterSwap(value.Parameters[0], parameter).Visit(value.Body);
        var body = System.Linq.Expressions.Expression.MemberInit(
            System.Linq.Expressions.Expression.New(typeof(Keyed<TValue>)),
            System.Linq.Expressions.Expression.Bind(typeof(Keyed<TValue>).GetProperty(nameof(Keyed<TValue>.Key))!, key.Body),
            System.Linq.Expressions.Expression.Bind(typeof(Keyed<TValue>).GetProperty(nameof(Keyed<TValue>.Value))!, valueBody));
        return System.Linq.Expressions.Expression.Lambda<Func<T, Keyed<TValue>>>(body, parameter);
    }

    private sealed class ParameterSwap(System.Linq.Expressions.ParameterExpression from, System.Linq.Expressions.ParameterExpression to) : System.Linq.Expressions.ExpressionVisitor
    {
        protected override System.Linq.Expressions.Expression VisitParameter(System.Linq.Expressions.ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

internal sealed class Keyed<TValue>
{
    public string? Key { get; init; }

    public TValue Value { get; init; } = default!;
}
