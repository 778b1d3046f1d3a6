using System.Globalization;
using HuiFang.Api.Domain.Calendar;
using HuiFang.Api.Domain.Escalations;
using Microsoft.Extensions.Options;

namespace HuiFang.Api.Infrastructure.Configuration;

/// <summary>Checks the calendar settings and builds the calendar once; every failure names its setting.</summary>
public sealed class CalendarOptionsValidator : IValidateOptions<CalendarOptions>
{
    public ValidateOptionsResult Validate(string? name, CalendarOptions options)
    {
        var failures = new List<string>();
        TryBuild(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static BusinessCalendar Build(CalendarOptions options)
    {
        var failures = new List<string>();
        return TryBuild(options, failures) ?? throw new OptionsValidationException(CalendarOptions.Section, typeof(CalendarOptions), failures);
    }

    private static BusinessCalendar? TryBuild(CalendarOptions options, List<string> failures)
    {
        const string s = CalendarOptions.Section;
        TimeZoneInfo? zone = null;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            failures.Add($"{s}:TimeZone: '{options.TimeZone}' is not a known time zone id (use an IANA id such as Asia/Shanghai).");
        }

        var intervals = new List<WorkingInterval>();
        foreach (var text in options.WorkingHours)
        {
            if (WorkingInterval.TryParse(text, out var interval))
            {
                intervals.Add(interval);
            }
            else
            {
                failures.Add($"{s}:WorkingHours: '{text}' is not an interval 'HH:mm-HH:mm' with its end after its start.");
            }
        }

        if (options.WorkingHours.Count == 0)
        {
            failures.Add($"{s}:WorkingHours: at least one working interval is required, e.g. \"09:00-12:00\".");
        }

        if (options.WorkingDays.Count == 0)
        {
            failures.Add($"{s}:WorkingDays: at least one working weekday is required.");
        }

        var holidays = ParseDates(options.Holidays, $"{s}:Holidays", failures);
        var makeUp = ParseDates(options.MakeUpWorkdays, $"{s}:MakeUpWorkdays", failures);
        if (failures.Count > 0 || zone is null)
        {
            return null;
        }

        if (holidays.Count > BusinessCalendar.SearchDays)
        {
            failures.Add($"{s}:Holidays: at most {BusinessCalendar.SearchDays} days in all (ranges counted day by day); these add up to {holidays.Count}.");
            return null;
        }

        BusinessCalendar calendar;
        try
        {
            calendar = new BusinessCalendar(zone, intervals, options.WorkingDays, holidays, makeUp);
        }
        catch (ArgumentException e)
        {
            failures.Add($"{s}:WorkingHours: {e.Message}");
            return null;
        }

        // Every deadline is searched within the calendar's range: a calendar that cannot hold the longest target
        // a policy may set (a business-hours SLA, a follow-up timing in working hours or days) would make later
        // requests fail, so it is refused now.
        if (calendar.GuaranteedWorkingTime < RequiredWorkingTime || calendar.GuaranteedWorkingDays < RequiredWorkingDays)
        {
            failures.Add($"{s}:WorkingHours: the calendar guarantees {calendar.GuaranteedWorkingTime.TotalHours:0} working hours and {calendar.GuaranteedWorkingDays} working days in any {BusinessCalendar.SearchDays} days (holidays counted as working days lost); "
                + $"deadlines may need {RequiredWorkingTime.TotalHours:0} hours and {RequiredWorkingDays} days. Add working hours or weekdays, or remove holidays.");
            return null;
        }

        return calendar;
    }

    /// <summary>The most working time any deadline may need: the longest business-hours SLA target, or a follow-up timing of 720 working hours.</summary>
    public static TimeSpan RequiredWorkingTime => SlaClock.MaxBusinessHoursTarget > TimeSpan.FromHours(720) ? SlaClock.MaxBusinessHoursTarget : TimeSpan.FromHours(720);

    /// <summary>The most working days a deadline may need: a follow-up timing of up to 60 working days, and a year of monthly batches.</summary>
    public const int RequiredWorkingDays = 366;

    private static List<DateOnly> ParseDates(IEnumerable<string> entries, string setting, List<string> failures)
    {
        var dates = new List<DateOnly>();
        foreach (var entry in entries)
        {
            var parts = entry.Split("..", 2, StringSplitOptions.TrimEntries);
            if (!DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
            {
                failures.Add($"{setting}: '{entry}' is not a date 'yyyy-MM-dd' or a range 'yyyy-MM-dd..yyyy-MM-dd'.");
                continue;
            }

            var last = first;
            if (parts.Length == 2
                && (!DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out last) || last < first || last.DayNumber - first.DayNumber > 366))
            {
                failures.Add($"{setting}: '{entry}' is not a range of at most a year with its end on or after its start.");
                continue;
            }

            for (var d = first; d <= last; d = d.AddDays(1))
            {
                dates.Add(d);
            }
        }

        return dates;
    }
}

/// <summary>
/// The range checks of <see cref="VisitTaskOptions"/> are its data annotations, checked by a validator the
/// options source generator writes; the timing rules of the domain are checked here.
/// </summary>
public sealed partial class VisitTaskOptionsValidator : IValidateOptions<VisitTaskOptions>
{
    public ValidateOptionsResult Validate(string? name, VisitTaskOptions o)
    {
        const string s = VisitTaskOptions.Section;
        var failures = new List<string>();
        var t = o.Timing;
        if (t.AfterSalesFirstWorkingDay < 1 || t.AfterSalesLastWorkingDay < t.AfterSalesFirstWorkingDay || t.AfterSalesLastWorkingDay > 60)
        {
            failures.Add($"{s}:Timing:AfterSalesFirstWorkingDay/AfterSalesLastWorkingDay: need 1 ≤ first ≤ last ≤ 60.");
        }

        Range(t.ComplaintFollowUpHours, 1, 720, $"{s}:Timing:ComplaintFollowUpHours");
        Range(t.EmergencyRepairWorkingHours, 1, 72, $"{s}:Timing:EmergencyRepairWorkingHours");
        Range(t.ActivityDays, 1, 60, $"{s}:Timing:ActivityDays");
        Range(t.HelpServiceDays, 1, 60, $"{s}:Timing:HelpServiceDays");
        Range(t.RoutineRepairBatchDay, 1, 31, $"{s}:Timing:RoutineRepairBatchDay");
        return SettingNames.Merge(new Annotations().Validate(name, o), s, failures);

        void Range(int value, int min, int max, string key)
        {
            if (value < min || value > max)
            {
                failures.Add($"{key}: {value} is outside {min}..{max}.");
            }
        }
    }

    [OptionsValidator]
    private sealed partial class Annotations : IValidateOptions<VisitTaskOptions>;
}

/// <summary>The RabbitMQ settings' annotations, checked only when RabbitMQ is the transport.</summary>
public sealed partial class MessagingOptionsValidator : IValidateOptions<MessagingOptions>
{
    public ValidateOptionsResult Validate(string? name, MessagingOptions o) =>
        o.Transport != MessagingTransport.RabbitMq
            ? ValidateOptionsResult.Success
            : SettingNames.Merge(new RabbitMqAnnotations().Validate(name, o.RabbitMq), MessagingOptions.Section + ":RabbitMq", []);

    [OptionsValidator]
    private sealed partial class RabbitMqAnnotations : IValidateOptions<RabbitMqOptions>;
}

/// <summary>
/// Start-up failures name the setting as it is written in configuration: a data-annotation failure of member
/// <c>Port</c> under <c>HuiFang:Messaging:RabbitMq</c> reads <c>HuiFang:Messaging:RabbitMq:Port: …</c>.
/// </summary>
public static class SettingNames
{
    /// <summary>The annotation failures, each prefixed with its section, followed by the failures checked in code (already named).</summary>
    public static ValidateOptionsResult Merge(ValidateOptionsResult annotations, string section, IReadOnlyList<string> checkedInCode)
    {
        IEnumerable<string> named = annotations.Failed ? annotations.Failures.Select(f => $"{section}:{f}") : [];
        var failures = named.Concat(checkedInCode).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
