using HuiFang.Api.Domain.Common;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Calendar;
using HuiFang.Api.Domain.Escalations;
using HuiFang.Api.Services.Tenants;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Escalations.GetEscalationSla;

public sealed record GetEscalationSla(Guid Id) : IQuery<Result<EscalationSlaExplanation>>;

/// <summary>How the deadlines of an escalation's current cycle were computed, so that anyone can check them.</summary>
/// <param name="EscalationId">The escalation.</param>
/// <param name="Status">Its status.</param>
/// <param name="Cycle">The handling cycle the deadlines belong to.</param>
/// <param name="AsOf">The instant the elapsed and remaining times are computed for.</param>
/// <param name="ClockStartedAt">When the cycle started: both clocks count from here.</param>
/// <param name="Calendar">The business calendar used for targets counted in business hours.</param>
/// <param name="Pauses">Pauses of this cycle; the clocks stand still inside them.</param>
/// <param name="PausedFor">Wall-clock time paused in this cycle.</param>
/// <param name="Response">The response target.</param>
/// <param name="Resolution">The resolution target.</param>
public sealed record EscalationSlaExplanation(
    Guid EscalationId,
    EscalationStatus Status,
    int Cycle,
    DateTimeOffset AsOf,
    DateTimeOffset ClockStartedAt,
    CalendarUsed Calendar,
    IReadOnlyList<PauseExplanation> Pauses,
    TimeSpan PausedFor,
    SlaTargetExplanation Response,
    SlaTargetExplanation Resolution);

/// <summary>The business calendar a deadline was counted in.</summary>
/// <param name="TimeZone">IANA time zone of the working hours.</param>
/// <param name="WorkingDays">Working weekdays.</param>
/// <param name="WorkingHours">Working intervals of a working day.</param>
/// <param name="HolidaysCounted">Public holidays between the clock's start and the deadline (not counted).</param>
/// <param name="MakeUpWorkdaysCounted">Make-up working days (调休) between the clock's start and the deadline (counted).</param>
public sealed record CalendarUsed(string TimeZone, IReadOnlyList<DayOfWeek> WorkingDays, IReadOnlyList<string> WorkingHours, IReadOnlyList<DateOnly> HolidaysCounted, IReadOnlyList<DateOnly> MakeUpWorkdaysCounted);

/// <summary>One pause.</summary>
/// <param name="From">Clock stopped.</param>
/// <param name="To">Clock restarted; null while the pause lasts.</param>
/// <param name="Duration">Wall-clock length (up to now while it lasts).</param>
/// <param name="Reason">Why.</param>
public sealed record PauseExplanation(DateTimeOffset From, DateTimeOffset? To, TimeSpan Duration, string? Reason);

/// <summary>One target and the arithmetic behind its deadline.</summary>
/// <param name="Target">Response or Resolution.</param>
/// <param name="Duration">Time allowed.</param>
/// <param name="Clock">WallClock or BusinessHours.</param>
/// <param name="State">Running, Paused, Met, Breached (missed, not yet met) or MetLate.</param>
/// <param name="DueBy">The deadline; null while paused.</param>
/// <param name="WarningAt">When the warning share is used up.</param>
/// <param name="WarningPercent">The warning share.</param>
/// <param name="MetAt">When the target was met.</param>
/// <param name="WarnedAt">When the warning was raised.</param>
/// <param name="BreachedAt">When the breach was recorded.</param>
/// <param name="Elapsed">Counted time used (up to when it was met, else up to asOf).</param>
/// <param name="Remaining">Counted time left (zero once used up).</param>
/// <param name="CountedIntervals">The stretches of time counted towards the target, in order; they add up to the duration when the deadline is known.</param>
/// <param name="Summary">The same in one sentence, in the caller's language.</param>
public sealed record SlaTargetExplanation(
    SlaTargetKind Target,
    TimeSpan Duration,
    SlaClockKind Clock,
    string State,
    DateTimeOffset? DueBy,
    DateTimeOffset? WarningAt,
    int WarningPercent,
    DateTimeOffset? MetAt,
    DateTimeOffset? WarnedAt,
    DateTimeOffset? BreachedAt,
    TimeSpan Elapsed,
    TimeSpan Remaining,
    IReadOnlyList<CountedInterval> CountedIntervals,
    string Summary);

/// <summary>A stretch of counted time.</summary>
/// <param name="Start">From (UTC).</param>
/// <param name="End">To (UTC, exclusive).</param>
/// <param name="Length">Its length.</param>
public sealed record CountedInterval(DateTimeOffset Start, DateTimeOffset End, TimeSpan Length);

public sealed class GetEscalationSlaHandler(HuiFangDbContext db, TenantSettings tenant, TimeProvider clock) : IQueryHandler<GetEscalationSla, Result<EscalationSlaExplanation>>
{
    public async ValueTask<Result<EscalationSlaExplanation>> Handle(GetEscalationSla query, CancellationToken cancellationToken)
    {
        var e = await db.Escalations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == query.Id, cancellationToken);
        if (e is null)
        {
            return EscalationErrors.NotFound(query.Id);
        }

        var now = clock.GetUtcNow();
        var calendar = await tenant.GetCalendarAsync(cancellationToken);
        var pauses = e.PausesOf(e.Cycle)
            .Select(p => new PauseExplanation(p.From, p.To, p.Span.LengthAt(now), p.Reason)).ToList();
        var response = Explain(e, SlaTargetKind.Response, calendar, now);
        var resolution = Explain(e, SlaTargetKind.Resolution, calendar, now);
        var until = new[] { response.DueBy, resolution.DueBy, now }.Max()!.Value;
        var from = calendar.LocalDate(e.CycleStartedAt);
        var to = calendar.LocalDate(until);
        return new EscalationSlaExplanation(
            e.Id,
            e.Status,
            e.Cycle,
            now,
            e.CycleStartedAt,
            new CalendarUsed(
                calendar.TimeZone.Id,
                [.. calendar.WorkingWeekdays.OrderBy(d => ((int)d + 6) % 7)],
                [.. calendar.Intervals.Select(i => i.ToString())],
                [.. calendar.Holidays.Where(d => d >= from && d <= to).Order()],
                [.. calendar.MakeUpWorkdays.Where(d => d >= from && d <= to).Order()]),
            pauses,
            e.PausedIn(now),
            response,
            resolution);
    }

    private static SlaTargetExplanation Explain(Escalation e, SlaTargetKind target, BusinessCalendar calendar, DateTimeOffset now)
    {
        var sla = e.TargetOf(target);
        var (duration, clockKind, metAt, warnedAt, breachedAt) = (sla.Target.Duration, sla.Target.Clock, sla.MetAt, sla.WarnedAt, sla.BreachedAt);
        var reckoning = e.Reckon(target, calendar);
        var warning = e.Reckon(target, calendar, warning: true).DueBy;
        var elapsed = reckoning.ElapsedAt(metAt ?? now);
        var remaining = duration > elapsed ? duration - elapsed : TimeSpan.Zero;
        var late = metAt is { } met && reckoning.DueBy is { } due && met > due;
        var state = metAt is not null
            ? (late || breachedAt is not null ? "MetLate" : "Met")
            : breachedAt is not null || (reckoning.DueBy is { } d && now > d) ? "Breached"
            : reckoning.DueBy is null ? "Paused"
            : "Running";
        var summary = Messages.Get(
            "sla.summary",
            Messages.Get(target == SlaTargetKind.Response ? "sla.response" : "sla.resolution"),
            duration.ToString("c"),
            Messages.Get(clockKind == SlaClockKind.WallClock ? "sla.wallClock" : "sla.businessHours"),
            e.CycleStartedAt.ToString("u"),
            e.PausedIn(now).ToString("c"),
            reckoning.DueBy?.ToString("u") ?? Messages.Get("sla.pausedNoDue"),
            state);
        return new SlaTargetExplanation(
            target,
            duration,
            clockKind,
            state,
            reckoning.DueBy,
            warning,
            e.WarningPercent,
            metAt,
            warnedAt,
            breachedAt,
            elapsed,
            remaining,
            [.. reckoning.Counted.Select(p => new CountedInterval(p.Start, p.End, p.Length))],
            summary);
    }
}
