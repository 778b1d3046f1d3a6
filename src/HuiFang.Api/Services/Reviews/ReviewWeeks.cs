using HuiFang.Api.Domain.Calendar;
using HuiFang.Api.Domain.Reviews;

namespace HuiFang.Api.Services.Reviews;

/// <summary>An ISO week in a tenant's calendar: its bounds as UTC instants ([Start, End)).</summary>
public sealed record ReviewPeriod(ReviewWeek Week, DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>The week <paramref name="week"/> in <paramref name="calendar"/>'s time zone (Monday 00:00 to the next Monday 00:00).</summary>
    public static ReviewPeriod Of(ReviewWeek week, BusinessCalendar calendar) =>
        new(week, calendar.ToInstant(week.Monday, TimeOnly.MinValue), calendar.ToInstant(week.NextMonday, TimeOnly.MinValue));

    /// <summary>The week <paramref name="instant"/> falls in, tenant-local.</summary>
    public static ReviewPeriod Containing(DateTimeOffset instant, BusinessCalendar calendar) =>
        Of(ReviewWeek.Of(calendar.LocalDate(instant)), calendar);
}
