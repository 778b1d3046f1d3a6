using HuiFang.Api.Domain.Calendar;

namespace HuiFang.Api.Domain.VisitTasks;

/// <summary>The planned window for a visit: not before <see cref="From"/>, overdue after <see cref="By"/>.</summary>
public sealed record DueWindow(DateTimeOffset From, DateTimeOffset By, DueRule Rule);

/// <summary>The numbers behind the timing rules; defaults are the source documents' (domain.md, "Timing").</summary>
public sealed record TimingRules
{
    public int AfterSalesFirstWorkingDay { get; init; } = 3;

    public int AfterSalesLastWorkingDay { get; init; } = 7;

    public int ComplaintFollowUpHours { get; init; } = 24;

    public int EmergencyRepairWorkingHours { get; init; } = 2;

    public int ActivityDays { get; init; } = 5;

    public int HelpServiceDays { get; init; } = 7;

    public int RoutineRepairBatchDay { get; init; } = 26;
}

/// <summary>
/// Plans a visit's due window from its purpose, the service type and when the service was completed.
/// Every window starts inside working hours of the calendar. The first matching rule wins:
/// complaint follow-up, emergency repair, activity, help service, routine repair, periodic, after-sales.
/// </summary>
public static class DueDatePolicy
{
    public static DueWindow Plan(VisitPurpose purpose, string serviceType, DateTimeOffset completedAt, BusinessCalendar calendar, TimingRules rules)
    {
        var completedOn = calendar.LocalDate(completedAt);

        if (purpose == VisitPurpose.ComplaintFollowUp)
        {
            // The 24-hour promise holds across nights and holidays: when no working time falls inside it,
            // the visit is planned at the deadline itself.
            var by = completedAt.AddHours(rules.ComplaintFollowUpHours);
            var from = calendar.NextWorkingInstant(completedAt);
            return new DueWindow(from < by ? from : by, by, DueRule.ComplaintWithinHours);
        }

        if (ServiceTypes.Is(serviceType, ServiceTypes.EmergencyRepair))
        {
            var from = calendar.NextWorkingInstant(completedAt);
            return new DueWindow(from, calendar.AddWorkingTime(from, TimeSpan.FromHours(rules.EmergencyRepairWorkingHours)), DueRule.EmergencyRepairImmediately);
        }

        if (purpose == VisitPurpose.Activity || ServiceTypes.Is(serviceType, ServiceTypes.Activity))
        {
            return WithinDays(completedAt, completedOn, rules.ActivityDays, calendar, DueRule.ActivityWithinDays);
        }

        if (ServiceTypes.Is(serviceType, ServiceTypes.HelpService))
        {
            return WithinDays(completedAt, completedOn, rules.HelpServiceDays, calendar, DueRule.HelpServiceWithinDays);
        }

        if (ServiceTypes.Is(serviceType, ServiceTypes.RoutineRepair))
        {
            return MonthlyBatch(completedOn, rules.RoutineRepairBatchDay, calendar);
        }

        if (purpose == VisitPurpose.Periodic)
        {
            var firstOfNextMonth = new DateOnly(completedOn.Year, completedOn.Month, 1).AddMonths(1);
            var lastOfNextMonth = firstOfNextMonth.AddMonths(1).AddDays(-1);
            return Window(calendar.NextOrSameWorkingDay(firstOfNextMonth), calendar.PreviousOrSameWorkingDay(lastOfNextMonth), calendar, DueRule.PeriodicNextMonth);
        }

        return Window(
            calendar.AddWorkingDays(completedOn, rules.AfterSalesFirstWorkingDay),
            calendar.AddWorkingDays(completedOn, rules.AfterSalesLastWorkingDay),
            calendar,
            DueRule.AfterSalesWorkingDays);
    }

    /// <summary>From the next working moment to the close of the last working day within <paramref name="days"/> calendar days.</summary>
    private static DueWindow WithinDays(DateTimeOffset completedAt, DateOnly completedOn, int days, BusinessCalendar calendar, DueRule rule)
    {
        var from = calendar.NextWorkingInstant(completedAt);
        var by = calendar.EndOfWorkingDay(calendar.PreviousOrSameWorkingDay(completedOn.AddDays(days)));
        return new DueWindow(from, by > from ? by : calendar.EndOfWorkingDay(calendar.LocalDate(from)), rule);
    }

    /// <summary>Orders completed up to the batch day go into that month's batch, later ones into next month's.</summary>
    private static DueWindow MonthlyBatch(DateOnly completedOn, int batchDay, BusinessCalendar calendar)
    {
        var batchDate = BatchDate(completedOn.Year, completedOn.Month, batchDay);
        if (completedOn > batchDate)
        {
            var next = new DateOnly(completedOn.Year, completedOn.Month, 1).AddMonths(1);
            batchDate = BatchDate(next.Year, next.Month, batchDay);
        }

        var monthEnd = new DateOnly(batchDate.Year, batchDate.Month, 1).AddMonths(1).AddDays(-1);
        var firstDay = calendar.NextOrSameWorkingDay(batchDate);
        var lastDay = calendar.PreviousOrSameWorkingDay(monthEnd);
        return Window(firstDay, lastDay < firstDay ? firstDay : lastDay, calendar, DueRule.RoutineRepairMonthlyBatch);
    }

    private static DateOnly BatchDate(int year, int month, int day) =>
        new(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));

    private static DueWindow Window(DateOnly firstDay, DateOnly lastDay, BusinessCalendar calendar, DueRule rule) =>
        new(calendar.StartOfWorkingDay(firstDay), calendar.EndOfWorkingDay(lastDay), rule);
}
