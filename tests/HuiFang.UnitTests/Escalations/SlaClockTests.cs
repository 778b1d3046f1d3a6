using HuiFang.Api.Domain.Calendar;
using HuiFang.Api.Domain.Escalations;
using static HuiFang.UnitTests.TestCalendars;

namespace HuiFang.UnitTests.Escalations;

public sealed class SlaClockTests
{
    private static readonly BusinessCalendar Calendar = Shanghai();

    private static SlaReckoning Reckon(DateTimeOffset start, double hours, SlaClockKind clock, params SlaPauseSpan[] pauses) =>
        SlaClock.Reckon(start, TimeSpan.FromHours(hours), clock, Calendar, pauses);

    [Fact]
    public void A_wall_clock_target_counts_every_hour_nights_included()
    {
        var r = Reckon(Bj(2026, 11, 25, 17), 24, SlaClockKind.WallClock);
        Assert.Equal(Bj(2026, 11, 26, 17), r.DueBy);
        Assert.Equal([new WorkingPeriod(Bj(2026, 11, 25, 17), Bj(2026, 11, 26, 17))], r.Counted);
    }

    [Fact]
    public void A_business_hours_target_counts_only_working_intervals()
    {
        var r = Reckon(Bj(2026, 11, 25, 17), 4, SlaClockKind.BusinessHours);
        Assert.Equal(Bj(2026, 11, 26, 12), r.DueBy);
        Assert.Equal(
            [new WorkingPeriod(Bj(2026, 11, 25, 17), Bj(2026, 11, 25, 18)), new WorkingPeriod(Bj(2026, 11, 26, 9), Bj(2026, 11, 26, 12))],
            r.Counted);
        Assert.Equal(TimeSpan.FromHours(4), r.Counted.Aggregate(TimeSpan.Zero, (s, p) => s + p.Length));
    }

    [Fact]
    public void A_target_started_at_night_begins_counting_at_the_next_working_moment()
    {
        Assert.Equal(Bj(2026, 11, 26, 11), Reckon(Bj(2026, 11, 25, 23), 2, SlaClockKind.BusinessHours).DueBy);
        Assert.Equal(Bj(2026, 11, 30, 11), Reckon(Bj(2026, 11, 28, 10), 2, SlaClockKind.BusinessHours).DueBy); // Saturday → Monday
    }

    [Fact]
    public void Public_holidays_are_skipped()
    {
        // Wednesday 30 September 17:00; 1–7 October is the National Day holiday.
        var r = Reckon(Bj(2026, 9, 30, 17), 8, SlaClockKind.BusinessHours);
        Assert.Equal(Bj(2026, 10, 8, 17, 30), r.DueBy);
        Assert.DoesNotContain(r.Counted, p => p.Start > Bj(2026, 10, 1, 0) && p.Start < Bj(2026, 10, 8, 0));
    }

    [Fact]
    public void A_make_up_working_day_on_a_weekend_counts()
    {
        // Friday 9 October 17:00; Saturday 10 October is a make-up working day (调休).
        Assert.Equal(Bj(2026, 10, 10, 12), Reckon(Bj(2026, 10, 9, 17), 4, SlaClockKind.BusinessHours).DueBy);
    }

    [Fact]
    public void Working_hours_are_local_to_the_calendars_time_zone_across_a_daylight_saving_change()
    {
        var newYork = new BusinessCalendar(
            TimeZoneInfo.FindSystemTimeZoneById("America/New_York"),
            [new WorkingInterval(new TimeOnly(9, 0), new TimeOnly(17, 0))],
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]);

        // Friday 6 March 2026 16:00 EST (21:00Z); clocks go forward on Sunday 8 March.
        var due = SlaClock.Reckon(new DateTimeOffset(2026, 3, 6, 21, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(2), SlaClockKind.BusinessHours, newYork, []).DueBy;
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 14, 0, 0, TimeSpan.Zero), due); // Monday 10:00 EDT
    }

    [Fact]
    public void A_pause_stops_the_clock_and_moves_the_deadline_by_the_counted_time_it_covered()
    {
        var r = Reckon(Bj(2026, 11, 25, 10), 2, SlaClockKind.WallClock, new SlaPauseSpan(Bj(2026, 11, 25, 10, 30), Bj(2026, 11, 25, 13, 30)));
        Assert.Equal(Bj(2026, 11, 25, 15), r.DueBy);
        Assert.Equal([new WorkingPeriod(Bj(2026, 11, 25, 10), Bj(2026, 11, 25, 10, 30)), new WorkingPeriod(Bj(2026, 11, 25, 13, 30), Bj(2026, 11, 25, 15))], r.Counted);
    }

    [Fact]
    public void A_pause_over_the_night_costs_a_business_hours_target_only_the_working_time_it_covered()
    {
        var r = Reckon(Bj(2026, 11, 25, 17), 4, SlaClockKind.BusinessHours, new SlaPauseSpan(Bj(2026, 11, 25, 17, 30), Bj(2026, 11, 26, 10)));
        Assert.Equal(Bj(2026, 11, 26, 15), r.DueBy);
    }

    [Fact]
    public void While_a_pause_lasts_there_is_no_deadline_and_only_the_time_before_it_counts()
    {
        var r = Reckon(Bj(2026, 11, 25, 10), 2, SlaClockKind.WallClock, new SlaPauseSpan(Bj(2026, 11, 25, 10, 30), null));
        Assert.Null(r.DueBy);
        Assert.Equal(TimeSpan.FromMinutes(30), r.ElapsedAt(Bj(2026, 11, 26, 10)));
    }

    [Fact]
    public void Several_pauses_add_up_and_elapsed_time_follows_the_counted_intervals()
    {
        var r = Reckon(Bj(2026, 11, 25, 9), 3, SlaClockKind.BusinessHours,
            new SlaPauseSpan(Bj(2026, 11, 25, 9, 30), Bj(2026, 11, 25, 10)),
            new SlaPauseSpan(Bj(2026, 11, 25, 11), Bj(2026, 11, 25, 14)));
        // 09:00–09:30, 10:00–11:00, 14:00–15:30 = 3 h.
        Assert.Equal(Bj(2026, 11, 25, 15, 30), r.DueBy);
        Assert.Equal(TimeSpan.FromMinutes(90), r.ElapsedAt(Bj(2026, 11, 25, 12)));
    }
}
