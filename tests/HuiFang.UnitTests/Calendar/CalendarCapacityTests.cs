using HuiFang.Api.Domain.Calendar;
using HuiFang.Api.Domain.Escalations;
using HuiFang.Api.Infrastructure.Configuration;

namespace HuiFang.UnitTests.Calendar;

/// <summary>
/// A calendar is accepted only when every deadline a policy may ask of it can be found; then the deadline
/// arithmetic never throws. Before, a calendar with almost no working time was stored and every general
/// complaint's feedback afterwards was a 500 ("no working time left in its search range").
/// </summary>
public sealed class CalendarCapacityTests
{
    [Theory]
    [InlineData("one minute a week", new[] { DayOfWeek.Monday }, new[] { "09:00-09:01" }, 0)]
    [InlineData("an hour a week", new[] { DayOfWeek.Monday }, new[] { "09:00-10:00" }, 0)]
    [InlineData("a working day a week, its Mondays all holidays", new[] { DayOfWeek.Monday }, new[] { "09:00-18:00" }, 500)]
    public void A_calendar_that_cannot_hold_the_longest_deadline_is_refused_and_says_why(string @case, DayOfWeek[] days, string[] hours, int mondayHolidays)
    {
        var options = new CalendarOptions
        {
            TimeZone = "Asia/Shanghai",
            WorkingDays = [.. days],
            WorkingHours = [.. hours],
            Holidays = [.. Enumerable.Range(0, mondayHolidays).Select(w => new DateOnly(2027, 1, 4).AddDays(7 * w).ToString("yyyy-MM-dd"))],
        };

        var result = new CalendarOptionsValidator().Validate(null, options);

        Assert.True(result.Failed, @case);
        Assert.Contains(result.Failures!, f => f.StartsWith("HuiFang:Calendar:WorkingHours", StringComparison.Ordinal) && f.Contains("working hours", StringComparison.Ordinal));
    }

    [Fact]
    public void Holidays_may_not_add_up_to_more_than_the_search_range()
    {
        var options = new CalendarOptions
        {
            TimeZone = "Asia/Shanghai",
            WorkingDays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            WorkingHours = ["09:00-18:00"],
            Holidays = [.. Enumerable.Range(0, 11).Select(y => $"{2030 + y}-01-01..{2030 + y}-12-31")],
        };

        var result = new CalendarOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("HuiFang:Calendar:Holidays", StringComparison.Ordinal));
    }

    [Fact]
    public void A_part_time_calendar_of_two_mornings_a_week_is_accepted()
    {
        var options = new CalendarOptions
        {
            TimeZone = "Asia/Shanghai",
            WorkingDays = [DayOfWeek.Tuesday, DayOfWeek.Thursday],
            WorkingHours = ["09:00-12:00"],
            Holidays = ["2026-10-01..2026-10-07"],
        };

        Assert.False(new CalendarOptionsValidator().Validate(null, options).Failed);
    }

    /// <summary>
    /// Random calendars (seeded, so a failure replays): each one the validator accepts must find every deadline
    /// a policy may set, from any start and around any pause, without throwing.
    /// </summary>
    [Fact]
    public void Every_accepted_calendar_finds_every_deadline_a_policy_may_set()
    {
        const int seed = 20261201;
        var random = new Random(seed);
        string[] zones = ["Asia/Shanghai", "America/New_York", "Europe/London", "Australia/Lord_Howe", "UTC"];
        var accepted = 0;
        for (var i = 0; i < 200; i++)
        {
            var options = RandomCalendar(random, zones[random.Next(zones.Length)]);
            if (new CalendarOptionsValidator().Validate(null, options).Failed)
            {
                continue;
            }

            accepted++;
            var calendar = CalendarOptionsValidator.Build(options);
            var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(0, 5 * 365 * 24 * 60));
            var pauses = random.Next(2) == 0 ? [] : new[] { new SlaPauseSpan(start.AddHours(1), start.AddDays(random.Next(1, 400))) };
            var context = $"seed {seed}, calendar {i}: {options.TimeZone} {string.Join(',', options.WorkingDays)} {string.Join(',', options.WorkingHours)}, {options.Holidays.Count} holidays, start {start:O}";

            var due = SlaClock.Reckon(start, SlaClock.MaxBusinessHoursTarget, SlaClockKind.BusinessHours, calendar, pauses).DueBy;
            Assert.True(due > start, context);
            calendar.AddWorkingTime(start, CalendarOptionsValidator.RequiredWorkingTime);
            calendar.AddWorkingDays(DateOnly.FromDateTime(start.UtcDateTime), 60);
            calendar.PreviousOrSameWorkingDay(DateOnly.FromDateTime(start.UtcDateTime).AddDays(60));
            calendar.NextWorkingInstant(start);
        }

        Assert.True(accepted >= 40, $"only {accepted} of 200 random calendars were accepted; the sweep proves too little");
    }

    [Fact]
    public void A_calendar_stored_before_the_rule_gets_no_deadline_instead_of_an_error()
    {
        var thin = new BusinessCalendar(TimeZoneInfo.Utc, [new WorkingInterval(new TimeOnly(9, 0), new TimeOnly(9, 1))], [DayOfWeek.Monday]);

        var reckoning = SlaClock.Reckon(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(24), SlaClockKind.BusinessHours, thin, []);

        Assert.Null(reckoning.DueBy);
    }

    private static CalendarOptions RandomCalendar(Random random, string zone)
    {
        var days = Enum.GetValues<DayOfWeek>().Where(_ => random.Next(3) == 0).ToList();
        if (days.Count == 0)
        {
            days.Add(DayOfWeek.Wednesday);
        }

        var hours = new List<string>();
        var at = random.Next(0, 12 * 60);
        for (var n = random.Next(1, 4); n > 0 && at < 23 * 60; n--)
        {
            var end = Math.Min(at + random.Next(1, 5 * 60), 24 * 60 - 1);
            hours.Add($"{at / 60:00}:{at % 60:00}-{end / 60:00}:{end % 60:00}");
            at = end + random.Next(1, 120);
        }

        var holidays = Enumerable.Range(0, random.Next(0, 400))
            .Select(_ => new DateOnly(2026, 1, 1).AddDays(random.Next(0, 3650)).ToString("yyyy-MM-dd"))
            .Distinct()
            .ToList();
        return new CalendarOptions { TimeZone = zone, WorkingDays = days, WorkingHours = hours, Holidays = holidays };
    }
}
