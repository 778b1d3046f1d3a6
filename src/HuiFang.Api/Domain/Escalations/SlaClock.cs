using HuiFang.Api.Domain.Calendar;

namespace HuiFang.Api.Domain.Escalations;

/// <summary>How an SLA target's time is counted.</summary>
public enum SlaClockKind
{
    /// <summary>Every hour counts, nights and holidays included (an urgent complaint does not wait for Monday).</summary>
    WallClock,

    /// <summary>Only the working intervals of the tenant's business calendar count.</summary>
    BusinessHours,
}

/// <summary>A time limit and how it is counted.</summary>
/// <param name="Duration">The time allowed, e.g. 02:00:00 or 1.00:00:00.</param>
/// <param name="Clock">WallClock or BusinessHours.</param>
public sealed record SlaTarget(TimeSpan Duration, SlaClockKind Clock);

/// <summary>A stretch of time in which an SLA clock stood still; <see cref="To"/> is null while it lasts.</summary>
public readonly record struct SlaPauseSpan(DateTimeOffset From, DateTimeOffset? To);

/// <summary>When a target falls due, and the intervals that were counted to get there.</summary>
/// <param name="DueBy">The deadline; null while the clock is paused before the target is used up.</param>
/// <param name="Counted">The intervals counted towards the target, in order; their lengths add up to the target when <paramref name="DueBy"/> is known.</param>
public sealed record SlaReckoning(DateTimeOffset? DueBy, IReadOnlyList<WorkingPeriod> Counted)
{
    /// <summary>Counted time used up at <paramref name="now"/>.</summary>
    public TimeSpan ElapsedAt(DateTimeOffset now) =>
        Counted.Aggregate(TimeSpan.Zero, (sum, p) => sum + (now <= p.Start ? TimeSpan.Zero : (now < p.End ? now : p.End) - p.Start));
}

/// <summary>
/// Deadline arithmetic of SLA targets: a target is used up by counted time (wall-clock, or the working
/// intervals of a <see cref="BusinessCalendar"/>) from a start instant, skipping the pauses. Pure and
/// deterministic; the same inputs always give the same deadline, which the SLA explanation shows.
/// </summary>
public static class SlaClock
{
    /// <summary>
    /// The longest target counted in business hours that a policy may set. Every accepted calendar guarantees
    /// at least this much working time within <see cref="BusinessCalendar.SearchDays"/> days, so a business-hours
    /// deadline is always found.
    /// </summary>
    public static readonly TimeSpan MaxBusinessHoursTarget = TimeSpan.FromDays(90);

    public static SlaReckoning Reckon(DateTimeOffset start, TimeSpan target, SlaClockKind clock, BusinessCalendar calendar, IEnumerable<SlaPauseSpan> pauses)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(target.Ticks, nameof(target));
        var ordered = pauses.OrderBy(p => p.From).ToList();
        var counted = new List<WorkingPeriod>();
        var remaining = target;

        // Pauses move the deadline out by their length: the search covers them on top of its own range.
        // (Overlapping pauses count twice, which only searches further; the search stops at DateOnly.MaxValue anyway.)
        var paused = ordered.Where(p => p.To is { } to && to > start).Sum(p => (p.To!.Value - (p.From > start ? p.From : start)).TotalDays);
        IEnumerable<WorkingPeriod> periods = clock == SlaClockKind.WallClock
            ? [new WorkingPeriod(start, DateTimeOffset.MaxValue)]
            : calendar.PeriodsFrom(start, BusinessCalendar.SearchDays + (int)Math.Min(Math.Ceiling(paused), DateOnly.MaxValue.DayNumber));

        foreach (var period in periods)
        {
            var cursor = period.Start;
            foreach (var pause in ordered)
            {
                var pauseEnd = pause.To ?? DateTimeOffset.MaxValue;
                if (pauseEnd <= cursor || pause.From >= period.End)
                {
                    continue;
                }

                if (pause.From > cursor && Take(new WorkingPeriod(cursor, pause.From), counted, ref remaining) is { } due)
                {
                    return new SlaReckoning(due, counted);
                }

                if (pause.To is null)
                {
                    // The clock stands still from here on: no deadline until the pause ends.
                    return new SlaReckoning(null, counted);
                }

                cursor = pauseEnd > cursor ? pauseEnd : cursor;
                if (cursor >= period.End)
                {
                    break;
                }
            }

            if (cursor < period.End && Take(new WorkingPeriod(cursor, period.End), counted, ref remaining) is { } reached)
            {
                return new SlaReckoning(reached, counted);
            }
        }

        // Only a calendar stored before calendars had to guarantee working time can get here: rather than fail
        // every request of its tenant, the target has no deadline (as while paused) until the calendar is mended.
        return new SlaReckoning(null, counted);
    }

    /// <summary>Counts <paramref name="piece"/>; returns the deadline when the target is used up inside it.</summary>
    private static DateTimeOffset? Take(WorkingPeriod piece, List<WorkingPeriod> counted, ref TimeSpan remaining)
    {
        if (remaining <= piece.Length)
        {
            var due = piece.Start + remaining;
            if (due > piece.Start)
            {
                counted.Add(new WorkingPeriod(piece.Start, due));
            }

            remaining = TimeSpan.Zero;
            return due;
        }

        counted.Add(piece);
        remaining -= piece.Length;
        return null;
    }
}
