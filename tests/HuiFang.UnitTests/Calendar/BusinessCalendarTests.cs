using HuiFang.Api.Domain.Calendar;
using static HuiFang.UnitTests.TestCalendars;

namespace HuiFang.UnitTests.Calendar;

public sealed class BusinessCalendarTests
{
    private readonly BusinessCalendar _calendar = Shanghai();

    [Theory]
    [InlineData("2026-11-25", true)] // Wednesday
    [InlineData("2026-11-28", false)] // Saturday
    [InlineData("2026-10-01", false)] // National Day
    [InlineData("2026-10-07", false)] // last day of the holiday
    [InlineData("2026-10-08", true)] // back to work
    [InlineData("2026-10-10", true)] // make-up Saturday (调休)
    [InlineData("2026-09-20", true)] // make-up Sunday
    public void A_working_day_is_a_weekday_that_is_no_holiday_or_a_make_up_day(string date, bool working) =>
        Assert.Equal(working, _calendar.IsWorkingDay(DateOnly.Parse(date)));

    [Fact]
    public void Inside_an_interval_the_next_working_instant_is_now() =>
        Assert.Equal(Bj(2026, 11, 25, 10, 15), _calendar.NextWorkingInstant(Bj(2026, 11, 25, 10, 15)));

    [Fact]
    public void At_lunch_the_next_working_instant_is_the_afternoon_start() =>
        Assert.Equal(Bj(2026, 11, 25, 13, 30), _calendar.NextWorkingInstant(Bj(2026, 11, 25, 12, 0)));

    [Fact]
    public void After_hours_on_friday_the_next_working_instant_is_monday_morning() =>
        Assert.Equal(Bj(2026, 11, 30, 9, 0), _calendar.NextWorkingInstant(Bj(2026, 11, 27, 18, 0)));

    [Fact]
    public void Before_national_day_the_next_working_instant_skips_the_holiday() =>
        Assert.Equal(Bj(2026, 10, 8, 9, 0), _calendar.NextWorkingInstant(Bj(2026, 9, 30, 18, 30)));

    [Fact]
    public void Adding_working_time_skips_lunch() =>
        Assert.Equal(Bj(2026, 11, 25, 14, 30), _calendar.AddWorkingTime(Bj(2026, 11, 25, 11, 0), TimeSpan.FromHours(2)));

    [Fact]
    public void Adding_working_time_rolls_over_the_night_and_weekend() =>
        Assert.Equal(Bj(2026, 11, 30, 10, 0), _calendar.AddWorkingTime(Bj(2026, 11, 27, 17, 0), TimeSpan.FromHours(2)));

    [Fact]
    public void Adding_working_time_from_outside_hours_starts_counting_at_the_next_interval() =>
        Assert.Equal(Bj(2026, 11, 26, 11, 0), _calendar.AddWorkingTime(Bj(2026, 11, 25, 22, 0), TimeSpan.FromHours(2)));

    [Fact]
    public void A_make_up_saturday_counts_as_working_time() =>
        Assert.Equal(Bj(2026, 10, 10, 10, 0), _calendar.AddWorkingTime(Bj(2026, 10, 9, 17, 0), TimeSpan.FromHours(2)));

    [Fact]
    public void Working_time_between_counts_only_working_intervals() =>
        Assert.Equal(TimeSpan.FromHours(7.5 + 1), _calendar.WorkingTimeBetween(Bj(2026, 11, 25, 8, 0), Bj(2026, 11, 26, 10, 0)));

    [Fact]
    public void Working_time_between_reversed_instants_is_zero() =>
        Assert.Equal(TimeSpan.Zero, _calendar.WorkingTimeBetween(Bj(2026, 11, 26, 10, 0), Bj(2026, 11, 25, 10, 0)));

    [Fact]
    public void The_nth_working_day_after_skips_weekends_and_holidays()
    {
        Assert.Equal(new DateOnly(2026, 11, 25), _calendar.AddWorkingDays(new DateOnly(2026, 11, 20), 3));
        Assert.Equal(new DateOnly(2026, 10, 9), _calendar.AddWorkingDays(new DateOnly(2026, 9, 30), 2));
        Assert.Equal(new DateOnly(2026, 10, 10), _calendar.AddWorkingDays(new DateOnly(2026, 9, 30), 3));
    }

    [Fact]
    public void Local_dates_follow_the_calendar_time_zone_not_utc() =>
        Assert.Equal(new DateOnly(2026, 11, 26), _calendar.LocalDate(new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void Day_boundaries_are_in_local_time() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero), _calendar.EndOfWorkingDay(new DateOnly(2026, 11, 25)));

    [Fact]
    public void A_local_time_skipped_by_daylight_saving_moves_forward_past_the_gap()
    {
        var berlin = new BusinessCalendar(
            TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"),
            [new WorkingInterval(new TimeOnly(1, 0), new TimeOnly(5, 0))],
            [DayOfWeek.Sunday]);

        // 2026-03-29 02:00–03:00 does not exist in Berlin; 02:30 becomes 03:00 CEST = 01:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), berlin.ToInstant(new DateOnly(2026, 3, 29), new TimeOnly(2, 30)));

        // The interval 01:00–05:00 lasts only three hours that day.
        Assert.Equal(TimeSpan.FromHours(3), berlin.PeriodsOf(new DateOnly(2026, 3, 29)).Single().Length);
    }

    [Fact]
    public void Overlapping_intervals_are_rejected() =>
        Assert.Throws<ArgumentException>(() => new BusinessCalendar(
            TimeZoneInfo.Utc,
            [new WorkingInterval(new TimeOnly(9, 0), new TimeOnly(12, 0)), new WorkingInterval(new TimeOnly(11, 0), new TimeOnly(14, 0))],
            [DayOfWeek.Monday]));

    [Theory]
    [InlineData("09:00-12:00", true)]
    [InlineData("13:30 - 18:00", true)]
    [InlineData("12:00-09:00", false)]
    [InlineData("9-12", false)]
    [InlineData("25:00-26:00", false)]
    public void Working_intervals_parse_from_configuration(string text, bool valid) =>
        Assert.Equal(valid, WorkingInterval.TryParse(text, out _));
}
