using HuiFang.Api.Domain.Common;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Escalations;
using HuiFang.Api.Services.Tenants;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Reports.GetSlaReport;

/// <param name="Department">Only this department (<c>department=</c>): the handling department (repeats still look at every department's earlier escalations); null for every department.</param>
public sealed record GetSlaReport(DateOnly? From, DateOnly? To, ReportGroupBy GroupBy, string? Department = null) : IQuery<Result<Report<SlaRow>>>, IReportQuery;

/// <summary>
/// How escalations opened in the period were handled against their SLA, over every handling cycle: a reopened
/// escalation counts one response outcome and one resolution outcome per cycle (a target missed in cycle 1 and
/// met in cycle 2 is one breach and one met).
/// </summary>
/// <param name="Group">The group's key (department and assignee are the handling department and its owner); "total" for the whole period.</param>
/// <param name="Escalations">Escalations opened.</param>
/// <param name="Urgent">Of severity Urgent.</param>
/// <param name="ResponseMet">Handling cycles acknowledged without a response breach.</param>
/// <param name="ResponseBreached">Handling cycles whose response target was breached.</param>
/// <param name="ResponseCompliance">Response met ÷ (met + breached), over the cycles.</param>
/// <param name="ResolutionMet">Handling cycles resolved without a resolution breach.</param>
/// <param name="ResolutionBreached">Handling cycles whose resolution target was breached.</param>
/// <param name="ResolutionCompliance">Resolution met ÷ (met + breached), over the cycles.</param>
/// <param name="Breaches">Breaches recorded (all targets and cycles).</param>
/// <param name="Reopened">Reopened at least once (the customer was still unsatisfied after a fix).</param>
/// <param name="ReopenRate">Reopened ÷ escalations.</param>
/// <param name="LoopsClosed">Closed: the customer confirmed satisfaction on a revisit.</param>
/// <param name="MeanHoursToRespond">Mean hours from a cycle's start to its acknowledgement (wall clock), over the cycles.</param>
/// <param name="P90HoursToRespond">90th percentile of the same (nearest rank).</param>
/// <param name="MeanHoursToResolve">Mean hours from a cycle's start to its resolution, over the cycles.</param>
/// <param name="P90HoursToResolve">90th percentile of the same.</param>
/// <param name="RepeatProblems">Escalations whose customer or work order had another escalation opened in the 90 days before.</param>
/// <param name="RepeatProblemRate">Repeat problems ÷ escalations.</param>
/// <param name="Cycles">Handling cycles of these escalations (each escalation has one, and one more per reopen): what the response and resolution counts are out of.</param>
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
    double? RepeatProblemRate,
    int Cycles);

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
        var inPeriod = db.Escalations.AsNoTracking().Where(e => e.OpenedAt >= period.Start && e.OpenedAt < period.End)
            .Where(e => query.Department == null || e.Department == query.Department);

        var tallies = await inPeriod
            .GroupBy(key)
            .Select(g => new Tally
            {
                Group = g.Key ?? "",
                Escalations = g.Count(),
                Urgent = g.Count(e => e.Severity == EscalationSeverity.Urgent),
                Breaches = g.Sum(e => e.BreachCount),
                Reopened = g.Count(e => e.Cycle > 1),
                LoopsClosed = g.Count(e => e.Status == EscalationStatus.Closed),
            })
            .ToListAsync(cancellationToken);

        // Durations and repeats need each escalation's instants. One narrow read covers the period and the 90 days
        // before it (for repeats); escalations are far fewer than feedback. The cycles' outcomes come with one more
        // narrow read of the period's escalations, grouped here by their escalation's key.
        var earlierFrom = period.Start - RepeatWindow;
        var history = await db.Escalations.AsNoTracking()
            .Where(e => e.OpenedAt >= earlierFrom && e.OpenedAt < period.End)
            .Select(key.Compose(e => new Instants(e.Id, e.CustomerExternalId, e.WorkOrderNo, e.OpenedAt, e.Department)))
            .ToListAsync(cancellationToken);
        var cycles = (await inPeriod
                .SelectMany(e => e.Cycles, (e, c) => new CycleOutcome(e.Id, c.StartedAt, c.AcknowledgedAt, c.ResponseBreachedAt, c.ResolvedAt, c.ResolutionBreachedAt))
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.EscalationId);
        var byCustomer = history.ToLookup(h => h.Value.CustomerExternalId);
        var byWorkOrder = history.ToLookup(h => h.Value.WorkOrderNo);
        bool IsRepeat(Instants e) =>
            byCustomer[e.CustomerExternalId].Concat(byWorkOrder[e.WorkOrderNo]).Any(h => h.Value.OpenedAt < e.OpenedAt && h.Value.OpenedAt >= e.OpenedAt - RepeatWindow);
        var opened = history.Where(h => h.Value.OpenedAt >= period.Start && (query.Department == null || h.Value.Department == query.Department))
            .Select(h => (Group: h.Key ?? "", Escalation: h.Value, Repeat: IsRepeat(h.Value), Cycles: cycles[h.Value.Id].ToList()))
            .ToList();

        var rows = tallies.OrderBy(t => t.Group, StringComparer.Ordinal).Select(t => Build(t.Group, [t], opened.Where(o => o.Group == t.Group).ToList())).ToList();
        var total = Build("total", tallies, opened);
        return new Report<SlaRow>("sla", PeriodResponse.Of(period), query.GroupBy, rows, total, false, clock.GetUtcNow());
    }

    private static SlaRow Build(string group, IReadOnlyList<Tally> t, List<(string Group, Instants Escalation, bool Repeat, List<CycleOutcome> Cycles)> opened)
    {
        int Sum(Func<Tally, int> field) => t.Sum(field);
        var cycles = opened.SelectMany(o => o.Cycles).ToList();
        var respond = cycles.Where(c => c.AcknowledgedAt != null).Select(c => (c.AcknowledgedAt!.Value - c.StartedAt).TotalHours).Order().ToList();
        var resolve = cycles.Where(c => c.ResolvedAt != null).Select(c => (c.ResolvedAt!.Value - c.StartedAt).TotalHours).Order().ToList();
        var responseMet = cycles.Count(c => c.AcknowledgedAt != null && c.ResponseBreachedAt == null);
        var responseBreached = cycles.Count(c => c.ResponseBreachedAt != null);
        var resolutionMet = cycles.Count(c => c.ResolvedAt != null && c.ResolutionBreachedAt == null);
        var resolutionBreached = cycles.Count(c => c.ResolutionBreachedAt != null);
        var escalations = Sum(x => x.Escalations);
        var repeats = opened.Count(o => o.Repeat);
        return new SlaRow(
            group, escalations, Sum(x => x.Urgent),
            responseMet, responseBreached, Ratio.Of(responseMet, responseMet + responseBreached),
            resolutionMet, resolutionBreached, Ratio.Of(resolutionMet, resolutionMet + resolutionBreached),
            Sum(x => x.Breaches), Sum(x => x.Reopened), Ratio.Of(Sum(x => x.Reopened), escalations), Sum(x => x.LoopsClosed),
            Mean(respond), P90(respond), Mean(resolve), P90(resolve),
            repeats, Ratio.Of(repeats, escalations), cycles.Count);
    }

    private static double? Mean(List<double> sorted) => sorted.Count == 0 ? null : Math.Round(sorted.Average(), 2);

    /// <summary>Nearest-rank 90th percentile.</summary>
    private static double? P90(List<double> sorted) => sorted.Count == 0 ? null : Math.Round(sorted[(int)Math.Ceiling(0.9 * sorted.Count) - 1], 2);

    /// <summary>One group's counts, as the database returns them.</summary>
    private sealed class Tally
    {
        public string Group { get; init; } = "";

        public int Escalations { get; init; }

        public int Urgent { get; init; }

        public int Breaches { get; init; }

        public int Reopened { get; init; }

        public int LoopsClosed { get; init; }
    }

    /// <summary>What one escalation's repeats are worked out from.</summary>
    private sealed record Instants(Guid Id, string CustomerExternalId, string WorkOrderNo, DateTimeOffset OpenedAt, string Department);

    /// <summary>One handling cycle's instants and breaches.</summary>
    private sealed record CycleOutcome(Guid EscalationId, DateTimeOffset StartedAt, DateTimeOffset? AcknowledgedAt, DateTimeOffset? ResponseBreachedAt, DateTimeOffset? ResolvedAt, DateTimeOffset? ResolutionBreachedAt);
}
