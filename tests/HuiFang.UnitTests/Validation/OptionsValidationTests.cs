using HuiFang.Api.Infrastructure.Configuration;

namespace HuiFang.UnitTests.Validation;

public sealed class OptionsValidationTests
{
    private static CalendarOptions ValidCalendar() => new()
    {
        TimeZone = "Asia/Shanghai",
        WorkingDays = [DayOfWeek.Monday, DayOfWeek.Friday],
        WorkingHours = ["09:00-12:00", "13:30-18:00"],
        Holidays = ["2026-10-01..2026-10-07", "2026-01-01"],
        MakeUpWorkdays = ["2026-10-10"],
    };

    [Fact]
    public void The_default_style_calendar_is_valid_and_expands_holiday_ranges()
    {
        var calendar = CalendarOptionsValidator.Build(ValidCalendar());
        Assert.Equal(8, calendar.Holidays.Count);
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 10, 10)));
    }

    [Theory]
    [InlineData("Mars/Olympus", "HuiFang:Calendar:TimeZone")]
    [InlineData("bad-hours", "HuiFang:Calendar:WorkingHours")]
    [InlineData("bad-holiday", "HuiFang:Calendar:Holidays")]
    [InlineData("reversed-range", "HuiFang:Calendar:Holidays")]
    [InlineData("no-days", "HuiFang:Calendar:WorkingDays")]
    [InlineData("overlap", "HuiFang:Calendar:WorkingHours")]
    public void A_wrong_calendar_setting_is_named(string fault, string setting)
    {
        var options = ValidCalendar();
        switch (fault)
        {
            case "bad-hours": options.WorkingHours = ["9 to 5"]; break;
            case "bad-holiday": options.Holidays = ["2026-13-01"]; break;
            case "reversed-range": options.Holidays = ["2026-10-07..2026-10-01"]; break;
            case "no-days": options.WorkingDays = []; break;
            case "overlap": options.WorkingHours = ["09:00-12:00", "11:00-13:00"]; break;
            default: options.TimeZone = fault; break;
        }

        var result = new CalendarOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith(setting, StringComparison.Ordinal));
    }

    [Fact]
    public void Visit_task_settings_out_of_range_are_named()
    {
        var options = new VisitTaskOptions { RetryAfter = TimeSpan.Zero };
        options.Timing = options.Timing with { RoutineRepairBatchDay = 32, AfterSalesLastWorkingDay = 1 };
        var failures = new VisitTaskOptionsValidator().Validate(null, options).Failures!.ToList();
        Assert.Contains(failures, f => f.StartsWith("HuiFang:VisitTasks:RetryAfter", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("HuiFang:VisitTasks:Timing:RoutineRepairBatchDay", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("HuiFang:VisitTasks:Timing:AfterSales", StringComparison.Ordinal));
    }

    [Fact]
    public void Rabbitmq_settings_are_checked_only_when_rabbitmq_is_used()
    {
        var options = new MessagingOptions { RabbitMq = new RabbitMqOptions { Host = "", Port = 0 } };
        Assert.True(new MessagingOptionsValidator().Validate(null, options).Succeeded);
        options.Transport = MessagingTransport.RabbitMq;
        var failures = new MessagingOptionsValidator().Validate(null, options).Failures!.ToList();
        Assert.Contains(failures, f => f.StartsWith("HuiFang:Messaging:RabbitMq:Host", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("HuiFang:Messaging:RabbitMq:Port", StringComparison.Ordinal));
    }
}
