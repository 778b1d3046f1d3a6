using HuiFang.Api.Domain.Calendar;

namespace HuiFang.UnitTests;

/// <summary>Calendars the specifications are written against.</summary>
internal static class TestCalendars
{
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>Asia/Shanghai, 09:00–12:00 and 13:30–18:00 Monday to Friday, with the 2026 National Day holiday and its make-up days.</summary>
    public static BusinessCalendar Shanghai() => new(
        TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"),
        [new WorkingInterval(new TimeOnly(9, 0), new TimeOnly(12, 0)), new WorkingInterval(new TimeOnly(13, 30), new TimeOnly(18, 0))],
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        Enumerable.Range(1, 7).Select(d => new DateOnly(2026, 10, d)),
        [new DateOnly(2026, 9, 20), new DateOnly(2026, 10, 10)]);

    /// <summary>Beijing local time as an instant.</summary>
    public static DateTimeOffset Bj(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, Beijing);
}
