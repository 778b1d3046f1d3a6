using HuiFang.Api.Domain.Calendar;

namespace HuiFang.Api.Domain.Quality;

/// <summary>
/// A tenant's rules for the supervisor's quality loop: when a week's review falls due, how large a monthly
/// spot-check's sample is, when a recurring problem proposes a corrective action, and how long an action has.
/// The defaults: a week's review is due on Monday 12:00 of the following week (a non-working Monday moves to the
/// next working day, same time); a spot-check takes 10 % of each agent's visits (at least one); the same problem
/// three times within 90 days, by service type and department or by category, proposes an action, due in 30 days.
/// </summary>
/// <param name="ReviewDueDay">The day of the FOLLOWING week a week's review is due on.</param>
/// <param name="ReviewDueTime">The tenant-local time it is due at on that day.</param>
/// <param name="SpotCheckPercent">A spot-check's default sample when the request names none: this share (1–100) of each agent's visits, at least one per agent.</param>
/// <param name="SpotCheckCountPerAgent">Or a fixed count per agent (1–1000); when set it is the default instead of the percentage.</param>
/// <param name="RecurrenceThreshold">N: how many occurrences of the same problem within the window make it recurring (2–100).</param>
/// <param name="RecurrenceWindowDays">The window the occurrences are counted in, in days (1–366).</param>
/// <param name="RecurrenceBy">Which problem keys are counted; empty for none.</param>
/// <param name="AutoProposeCorrectiveActions">Whether a recurring problem proposes a corrective action by itself.</param>
/// <param name="CorrectiveActionDueDays">The due date of an action opened without one: this many days after it is opened (1–365).</param>
public sealed record QualityPolicy(
    DayOfWeek ReviewDueDay,
    TimeOnly ReviewDueTime,
    int SpotCheckPercent,
    int? SpotCheckCountPerAgent,
    int RecurrenceThreshold,
    int RecurrenceWindowDays,
    IReadOnlyList<RecurrenceKind> RecurrenceBy,
    bool AutoProposeCorrectiveActions,
    int CorrectiveActionDueDays)
{
    public const int MaxSpotCheckCountPerAgent = 1000;
    public const int MinRecurrenceThreshold = 2;
    public const int MaxRecurrenceThreshold = 100;
    public const int MaxRecurrenceWindowDays = 366;
    public const int MaxCorrectiveActionDueDays = 365;

    public static QualityPolicy Default { get; } = new(
        DayOfWeek.Monday,
        new TimeOnly(12, 0),
        10,
        null,
        3,
        90,
        [RecurrenceKind.ServiceTypeAndDepartment, RecurrenceKind.Category],
        true,
        30);

    /// <summary>
    /// When the review of the ISO week starting on Monday <paramref name="weekStart"/> (tenant-local) is due:
    /// <see cref="ReviewDueDay"/> of the following week at <see cref="ReviewDueTime"/>, tenant-local; a day the
    /// calendar does not work moves to the next working day, same time.
    /// </summary>
    public DateTimeOffset ReviewDueAt(DateOnly weekStart, BusinessCalendar calendar)
    {
        // ISO weeks run Monday to Sunday: Monday is day 0 of the following week, Sunday day 6.
        var offset = ((int)ReviewDueDay + 6) % 7;
        var day = calendar.NextOrSameWorkingDay(weekStart.AddDays(7 + offset));
        return calendar.ToInstant(day, ReviewDueTime);
    }

    /// <summary>The due date of a corrective action opened on <paramref name="openedOn"/> without one of its own.</summary>
    public DateOnly CorrectiveActionDueDate(DateOnly openedOn) => openedOn.AddDays(CorrectiveActionDueDays);
}

/// <summary>What makes two problems "the same" for the recurrence rule.</summary>
public enum RecurrenceKind
{
    /// <summary>The same service type in the same department.</summary>
    ServiceTypeAndDepartment,

    /// <summary>The same feedback category (complaint, suggestion, …).</summary>
    Category,
}
