using HuiFang.Api.Domain.Calendar;

namespace HuiFang.Api.Domain.VisitTasks;

/// <summary>The planned window for a visit: not before <see cref="From"/>, overdue after <see cref="By"/>.</summary>
public sealed record DueWindow(DateTimeOffset From, DateTimeOffset By, DueRule Rule);

/// <summary>The numbers behind the timing rules; defaults are the source documents' (docs/follow-up-rules.md, "Timing").</summary>
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

/// <summary>How soon after the service a visit is due.</summary>
public enum TimingKind
{
    /// <summary>From the next working moment, within <c>Amount</c> working hours (emergency repair).</summary>
    Immediately,

    /// <summary>Within <c>Amount</c> hours, wall-clock (complaint follow-up: 24 h).</summary>
    WithinHours,

    /// <summary>From working day <c>Amount</c> to working day <c>Until</c> after the service (after-sales: 3–7).</summary>
    WorkingDays,

    /// <summary>Within <c>Amount</c> calendar days, ending on a working day (activity: 5, help service: 7).</summary>
    WithinDays,

    /// <summary>The monthly batch from day <c>Amount</c> of the month (routine repairs: the 26th) to the month's last working day.</summary>
    MonthlyBatch,
}

/// <summary>One timing rule: its kind and its numbers (see <see cref="TimingKind"/>).</summary>
public sealed record FollowUpTiming(TimingKind Kind, int Amount, int? Until = null);

/// <summary>
/// Plans a visit's due window from its purpose, the service type and when the service was completed.
/// Every window starts inside working hours of the calendar. The first matching rule wins:
/// complaint follow-up, emergency repair, activity, help service, routine repair, periodic, after-sales.
/// </summary>
public static class DueDatePolicy
{
    public static DueWindow Plan(VisitPurpose purpose, string serviceType, DateTimeOffset completedAt, BusinessCalendar calendar, TimingRules rules)
    {
        if (purpose == VisitPurpose.ComplaintFollowUp)
        {
            return Plan(new FollowUpTiming(TimingKind.WithinHours, rules.ComplaintFollowUpHours), completedAt, calendar, DueRule.ComplaintWithinHours);
        }

        if (ServiceTypes.Is(serviceType, ServiceTypes.EmergencyRepair))
        {
            return Plan(new FollowUpTiming(TimingKind.Immediately, rules.EmergencyRepairWorkingHours), completedAt, calendar, DueRule.EmergencyRepairImmediately);
        }

        if (purpose == VisitPurpose.Activity || ServiceTypes.Is(serviceType, ServiceTypes.Activity))
        {
            return Plan(new FollowUpTiming(TimingKind.WithinDays, rules.ActivityDays), completedAt, calendar, DueRule.ActivityWithinDays);
        }

        if (ServiceTypes.Is(serviceType, ServiceTypes.HelpService))
        {
            return Plan(new FollowUpTiming(TimingKind.WithinDays, rules.HelpServiceDays), completedAt, calendar, DueRule.HelpServiceWithinDays);
        }

        if (ServiceTypes.Is(serviceType, ServiceTypes.RoutineRepair))
        {
            return Plan(new FollowUpTiming(TimingKind.MonthlyBatch, rules.RoutineRepairBatchDay), completedAt, calendar, DueRule.RoutineRepairMonthlyBatch);
        }

        if (purpose == VisitPurpose.Periodic)
        {
            var completedOn = calendar.LocalDate(completedAt);
            var firstOfNextMonth = new DateOnly(completedOn.Year, completedOn.Month, 1).AddMonths(1);
            var lastOfNextMonth = firstOfNextMonth.AddMonths(1).AddDays(-1);
            return Window(calendar.NextOrSameWorkingDay(firstOfNextMonth), calendar.PreviousOrSameWorkingDay(lastOfNextMonth), calendar, DueRule.PeriodicNextMonth);
        }

        return Plan(new FollowUpTiming(TimingKind.WorkingDays, rules.AfterSalesFirstWorkingDay, rules.AfterSalesLastWorkingDay), completedAt, calendar, DueRule.AfterSalesWorkingDays);
    }

    /// <summary>The due window one timing rule gives a service completed at <paramref name="completedAt"/>.</summary>
    public static DueWindow Plan(FollowUpTiming timing, DateTimeOffset completedAt, BusinessCalendar calendar, DueRule rule = DueRule.FollowUpPolicy)
    {
        var completedOn = calendar.LocalDate(completedAt);
        switch (timing.Kind)
        {
            case TimingKind.WithinHours:
                return WithinWallClock(completedAt, TimeSpan.FromHours(timing.Amount), calendar, rule);

            case TimingKind.Immediately:
            {
                var from = calendar.NextWorkingInstant(completedAt);
                return new DueWindow(from, calendar.AddWorkingTime(from, TimeSpan.FromHours(timing.Amount)), rule);
            }

            case TimingKind.WithinDays:
                return WithinDays(completedAt, completedOn, timing.Amount, calendar, rule);

            case TimingKind.MonthlyBatch:
                return MonthlyBatch(completedOn, timing.Amount, calendar, rule);

            default:
                return Window(
                    calendar.AddWorkingDays(completedOn, timing.Amount),
                    calendar.AddWorkingDays(completedOn, timing.Until ?? timing.Amount),
                    calendar,
                    rule);
        }
    }

    /// <summary>
    /// Due within <paramref name="within"/> of <paramref name="from"/>, wall-clock; the window opens at the next
    /// working moment (nobody calls a customer at 00:27). The promise holds across nights and holidays: when no
    /// working time falls inside it, the visit is planned at the deadline itself.
    /// </summary>
    public static DueWindow WithinWallClock(DateTimeOffset from, TimeSpan within, BusinessCalendar calendar, DueRule rule)
    {
        var by = from + within;
        var opens = calendar.NextWorkingInstant(from);
        return new DueWindow(opens < by ? opens : by, by, rule);
    }

    /// <summary>From the next working moment to the close of the last working day within <paramref name="days"/> calendar days.</summary>
    private static DueWindow WithinDays(DateTimeOffset completedAt, DateOnly completedOn, int days, BusinessCalendar calendar, DueRule rule)
    {
        var from = calendar.NextWorkingInstant(completedAt);
        var by = calendar.EndOfWorkingDay(calendar.PreviousOrSameWorkingDay(completedOn.AddDays(days)));
        return new DueWindow(from, by > from ? by : calendar.EndOfWorkingDay(calendar.LocalDate(from)), rule);
    }

    /// <summary>Orders completed up to the batch day go into that month's batch, later ones into next month's.</summary>
    private static DueWindow MonthlyBatch(DateOnly completedOn, int batchDay, BusinessCalendar calendar, DueRule rule)
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
        return Window(firstDay, lastDay < firstDay ? firstDay : lastDay, calendar, rule);
    }

    private static DateOnly BatchDate(int year, int month, int day) =>
        new(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));

    private static DueWindow Window(DateOnly firstDay, DateOnly lastDay, BusinessCalendar calendar, DueRule rule) =>
        new(calendar.StartOfWorkingDay(firstDay), calendar.EndOfWorkingDay(lastDay), rule);
}
