using HuiFang.Api.Domain.Calendar;

namespace HuiFang.Api.Domain.Escalations;

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

    /// <summary>
    /// Wall-clock time the clocks stood still in <paramref name="pauses"/> up to <paramref name="now"/>; a pause
    /// that still lasts counts up to now.
    /// </summary>
    public static TimeSpan PausedFor(IEnumerable<SlaPauseSpan> pauses, DateTimeOffset now) =>
        pauses.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.LengthAt(now));

    /// <summary>The part of <paramref name="target"/> after which its warning is due (<paramref name="percent"/> of it, 1–99).</summary>
    public static TimeSpan WarningShare(TimeSpan target, int percent) => TimeSpan.FromTicks(target.Ticks / 100 * percent);

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
