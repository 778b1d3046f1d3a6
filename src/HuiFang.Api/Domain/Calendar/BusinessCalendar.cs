namespace HuiFang.Api.Domain.Calendar;

/// <summary>A working interval within one day, in the calendar's local time; <c>End</c> is exclusive.</summary>
public sealed record WorkingInterval(TimeOnly Start, TimeOnly End)
{
    public TimeSpan Length => End - Start;

    public static bool TryParse(string text, out WorkingInterval interval)
    {
        interval = null!;
        var parts = text.Split('-', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !TimeOnly.TryParseExact(parts[0], "HH:mm", out var start)
            || !TimeOnly.TryParseExact(parts[1], "HH:mm", out var end)
            || end <= start)
        {
            return false;
        }

        interval = new WorkingInterval(start, end);
        return true;
    }

    public override string ToString() => $"{Start:HH\\:mm}-{End:HH\\:mm}";
}

/// <summary>One stretch of working time between two instants (UTC).</summary>
public readonly record struct WorkingPeriod(DateTimeOffset Start, DateTimeOffset End)
{
    public TimeSpan Length => End - Start;
}

/// <summary>
/// When people work: a time zone, working intervals per working day, weekends, public holidays and
/// make-up working days (调休). Every instant going in or out is UTC; local dates and times are the
/// calendar's own. Immutable and thread-safe.
/// </summary>
public sealed class BusinessCalendar
{
    /// <summary>
    /// How many days a search for working time looks ahead. A calendar is accepted only when it guarantees
    /// enough working time and days inside this range (<see cref="GuaranteedWorkingTime"/>), so no search
    /// of an accepted calendar runs out.
    /// </summary>
    public const int SearchDays = 3660;

    private const int MaxSearchDays = SearchDays;

    private readonly HashSet<DayOfWeek> _workingWeekdays;
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _makeUpWorkdays;

    public BusinessCalendar(
        TimeZoneInfo timeZone,
        IEnumerable<WorkingInterval> intervals,
        IEnumerable<DayOfWeek> workingWeekdays,
        IEnumerable<DateOnly>? holidays = null,
        IEnumerable<DateOnly>? makeUpWorkdays = null)
    {
        TimeZone = timeZone;
        Intervals = intervals.OrderBy(i => i.Start).ToArray();
        if (Intervals.Count == 0)
        {
            throw new ArgumentException("A business calendar needs at least one working interval.", nameof(intervals));
        }

        for (var i = 1; i < Intervals.Count; i++)
        {
            if (Intervals[i].Start < Intervals[i - 1].End)
            {
                throw new ArgumentException($"Working intervals {Intervals[i - 1]} and {Intervals[i]} overlap.", nameof(intervals));
            }
        }

        _workingWeekdays = [.. workingWeekdays];
        _holidays = [.. holidays ?? []];
        _makeUpWorkdays = [.. makeUpWorkdays ?? []];
        if (_workingWeekdays.Count == 0 && _makeUpWorkdays.Count == 0)
        {
            throw new ArgumentException("A business calendar needs at least one working weekday.", nameof(workingWeekdays));
        }
    }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>Working time of one working day.</summary>
    public TimeSpan DailyWorkingTime => Intervals.Aggregate(TimeSpan.Zero, (sum, i) => sum + i.Length);

    /// <summary>
    /// Working time that any <see cref="SearchDays"/> days of this calendar hold at least, whatever day they
    /// start on: the full weeks of working weekdays, less every holiday as if all fell on working days in that
    /// range, less an hour for each daylight-saving change that could shorten a working day.
    /// </summary>
    public TimeSpan GuaranteedWorkingTime
    {
        get
        {
            var weeks = SearchDays / 7 - 1;
            var total = DailyWorkingTime * (_workingWeekdays.Count * weeks - HolidaysOnWorkingWeekdays);
            if (TimeZone.SupportsDaylightSavingTime)
            {
                total -= TimeSpan.FromHours(2 * (SearchDays / 365 + 1));
            }

            return total > TimeSpan.Zero ? total : TimeSpan.Zero;
        }
    }

    /// <summary>Working days that any <see cref="SearchDays"/> days of this calendar hold at least (see <see cref="GuaranteedWorkingTime"/>).</summary>
    public int GuaranteedWorkingDays => Math.Max(0, _workingWeekdays.Count * (SearchDays / 7 - 1) - HolidaysOnWorkingWeekdays);

    private int HolidaysOnWorkingWeekdays => _holidays.Count(d => _workingWeekdays.Contains(d.DayOfWeek) && !_makeUpWorkdays.Contains(d));

    public IReadOnlyList<WorkingInterval> Intervals { get; }

    public IReadOnlySet<DayOfWeek> WorkingWeekdays => _workingWeekdays;

    public IReadOnlySet<DateOnly> Holidays => _holidays;

    public IReadOnlySet<DateOnly> MakeUpWorkdays => _makeUpWorkdays;

    /// <summary>Make-up days win over weekends; holidays win over weekdays.</summary>
    public bool IsWorkingDay(DateOnly date) =>
        _makeUpWorkdays.Contains(date) || (!_holidays.Contains(date) && _workingWeekdays.Contains(date.DayOfWeek));

    public DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>
    /// The UTC instant of a local date and time. A local time skipped by a daylight-saving jump moves
    /// forward past the gap; an ambiguous one takes its first occurrence.
    /// </summary>
    public DateTimeOffset ToInstant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        while (TimeZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        var offset = TimeZone.IsAmbiguousTime(local)
            ? TimeZone.GetAmbiguousTimeOffsets(local).Max()
            : TimeZone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    public IEnumerable<WorkingPeriod> PeriodsOf(DateOnly date)
    {
        if (!IsWorkingDay(date))
        {
            yield break;
        }

        foreach (var interval in Intervals)
        {
            yield return new WorkingPeriod(ToInstant(date, interval.Start), ToInstant(date, interval.End));
        }
    }

    /// <summary>
    /// Working periods from <paramref name="from"/> onwards, the first one clipped to start there, for
    /// <paramref name="days"/> days (default <see cref="SearchDays"/>).
    /// </summary>
    public IEnumerable<WorkingPeriod> PeriodsFrom(DateTimeOffset from, int days = SearchDays)
    {
        var date = LocalDate(from);
        for (var day = 0; day < days && date < DateOnly.MaxValue; day++, date = date.AddDays(1))
        {
            foreach (var period in PeriodsOf(date))
            {
                if (period.End <= from)
                {
                    continue;
                }

                yield return period.Start < from ? period with { Start = from } : period;
            }
        }
    }

    /// <summary><paramref name="instant"/> itself when it is working time, else the start of the next working period.</summary>
    public DateTimeOffset NextWorkingInstant(DateTimeOffset instant) => PeriodsFrom(instant).First().Start;

    /// <summary>The instant reached after <paramref name="duration"/> of working time, counted from <paramref name="from"/>.</summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset from, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(duration.Ticks, nameof(duration));
        var remaining = duration;
        foreach (var period in PeriodsFrom(from))
        {
            if (remaining <= period.Length)
            {
                return period.Start + remaining;
            }

            remaining -= period.Length;
        }

        throw new InvalidOperationException("The calendar has no working time left in its search range.");
    }

    /// <summary>Working time between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        foreach (var period in PeriodsFrom(from))
        {
            if (period.Start >= to)
            {
                break;
            }

            total += (period.End < to ? period.End : to) - period.Start;
        }

        return total;
    }

    /// <summary>The <paramref name="n"/>-th working day after <paramref name="date"/> (n ≥ 1; the date itself is not counted).</summary>
    public DateOnly AddWorkingDays(DateOnly date, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var found = 0;
        for (var day = 0; day < MaxSearchDays; day++)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date) && ++found == n)
            {
                return date;
            }
        }

        throw new InvalidOperationException("The calendar has no working day left in its search range.");
    }

    public DateOnly NextOrSameWorkingDay(DateOnly date) => IsWorkingDay(date) ? date : AddWorkingDays(date, 1);

    public DateOnly PreviousOrSameWorkingDay(DateOnly date)
    {
        for (var day = 0; day < MaxSearchDays; day++, date = date.AddDays(-1))
        {
            if (IsWorkingDay(date))
            {
                return date;
            }
        }

        throw new InvalidOperationException("The calendar has no working day in its search range.");
    }

    public DateTimeOffset StartOfWorkingDay(DateOnly date) => ToInstant(date, Intervals[0].Start);

    public DateTimeOffset EndOfWorkingDay(DateOnly date) => ToInstant(date, Intervals[^1].End);
}
