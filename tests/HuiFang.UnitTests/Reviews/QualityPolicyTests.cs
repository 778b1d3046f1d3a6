using System.Globalization;
using HuiFang.Api.Domain.Quality;
using HuiFang.Api.Infrastructure.Http;
using HuiFang.Api.Services.Policies;
using Microsoft.Extensions.DependencyInjection;
using static HuiFang.UnitTests.TestCalendars;

namespace HuiFang.UnitTests.Reviews;

public sealed class QualityPolicyTests
{
    static QualityPolicyTests() => new ServiceCollection().AddHuiFangHttp();

    private static List<string> Errors(QualityPolicySettings settings)
    {
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        return [.. new QualityPolicySettingsValidator().Validate(settings).Errors.Select(e => e.PropertyName)];
    }

    [Fact]
    public void The_defaults_are_monday_noon_ten_percent_three_in_ninety_days_and_thirty_days_to_act()
    {
        var d = QualityPolicy.Default;
        Assert.Equal(DayOfWeek.Monday, d.ReviewDueDay);
        Assert.Equal(new TimeOnly(12, 0), d.ReviewDueTime);
        Assert.Equal(10, d.SpotCheckPercent);
        Assert.Null(d.SpotCheckCountPerAgent);
        Assert.Equal(3, d.RecurrenceThreshold);
        Assert.Equal(90, d.RecurrenceWindowDays);
        Assert.Equal([RecurrenceKind.ServiceTypeAndDepartment, RecurrenceKind.Category], d.RecurrenceBy);
        Assert.True(d.AutoProposeCorrectiveActions);
        Assert.Equal(30, d.CorrectiveActionDueDays);
        Assert.Equal(new DateOnly(2026, 12, 31), d.CorrectiveActionDueDate(new DateOnly(2026, 12, 1)));
        Assert.Empty(Errors(QualityPolicySettings.From(d)));
    }

    [Theory]
    // 2026-W48 (Mon 23 Nov): due Monday 30 Nov 12:00 Beijing.
    [InlineData("2026-11-23", DayOfWeek.Monday, 12, "2026-11-30T12:00:00+08:00")]
    // 2026-W40 (Mon 28 Sep): Monday 5 Oct is inside the National Day holiday (1–7 Oct) → Thursday 8 Oct, same time.
    [InlineData("2026-09-28", DayOfWeek.Monday, 12, "2026-10-08T12:00:00+08:00")]
    // A Saturday that is a make-up working day (10 Oct) stays.
    [InlineData("2026-09-28", DayOfWeek.Saturday, 9, "2026-10-10T09:00:00+08:00")]
    // Sunday of the following week is not a working day → the Monday after.
    [InlineData("2026-11-23", DayOfWeek.Sunday, 12, "2026-12-07T12:00:00+08:00")]
    // Friday of the following week, late afternoon.
    [InlineData("2026-11-23", DayOfWeek.Friday, 17, "2026-12-04T17:00:00+08:00")]
    public void A_weeks_review_is_due_on_the_day_of_the_following_week_moved_to_the_next_working_day(string weekStart, DayOfWeek day, int hour, string expected)
    {
        var policy = QualityPolicy.Default with { ReviewDueDay = day, ReviewDueTime = new TimeOnly(hour, 0) };
        var due = policy.ReviewDueAt(DateOnly.Parse(weekStart, CultureInfo.InvariantCulture), Shanghai());
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Fact]
    public void A_settings_document_fills_what_it_leaves_out_and_round_trips_through_its_json()
    {
        var policy = new QualityPolicySettings(ReviewDueDay: DayOfWeek.Tuesday, ReviewDueTime: "09:30", RecurrenceBy: [RecurrenceKind.Category, RecurrenceKind.Category]).ToPolicy();
        Assert.Equal(DayOfWeek.Tuesday, policy.ReviewDueDay);
        Assert.Equal(new TimeOnly(9, 30), policy.ReviewDueTime);
        Assert.Equal([RecurrenceKind.Category], policy.RecurrenceBy);
        Assert.Equal(3, policy.RecurrenceThreshold);
        var read = QualityPolicyJson.Read(QualityPolicyJson.Write(policy));
        Assert.Equal(policy with { RecurrenceBy = [] }, read with { RecurrenceBy = [] });
        Assert.Equal(policy.RecurrenceBy, read.RecurrenceBy);
    }

    [Theory]
    [InlineData("SpotCheckPercent", 0)]
    [InlineData("SpotCheckPercent", 101)]
    [InlineData("SpotCheckCountPerAgent", 0)]
    [InlineData("SpotCheckCountPerAgent", 1001)]
    [InlineData("RecurrenceThreshold", 1)]
    [InlineData("RecurrenceThreshold", 101)]
    [InlineData("RecurrenceWindowDays", 0)]
    [InlineData("RecurrenceWindowDays", 367)]
    [InlineData("CorrectiveActionDueDays", 0)]
    [InlineData("CorrectiveActionDueDays", 366)]
    public void Numbers_out_of_range_are_refused_by_name(string field, int value)
    {
        var settings = field switch
        {
            "SpotCheckPercent" => new QualityPolicySettings(SpotCheckPercent: value),
            "SpotCheckCountPerAgent" => new QualityPolicySettings(SpotCheckCountPerAgent: value),
            "RecurrenceThreshold" => new QualityPolicySettings(RecurrenceThreshold: value),
            "RecurrenceWindowDays" => new QualityPolicySettings(RecurrenceWindowDays: value),
            _ => new QualityPolicySettings(CorrectiveActionDueDays: value),
        };
        Assert.Equal(field, Assert.Single(Errors(settings)), ignoreCase: true);
    }

    [Theory]
    [InlineData("24:00")]
    [InlineData("12:00:00")]
    [InlineData("9:30")]
    [InlineData("noon")]
    [InlineData("")]
    public void A_due_time_is_hh_mm(string time) =>
        Assert.Equal("reviewDueTime", Assert.Single(Errors(new QualityPolicySettings(ReviewDueTime: time))), ignoreCase: true);

    [Fact]
    public void Undefined_enum_values_are_refused()
    {
        Assert.Equal("reviewDueDay", Assert.Single(Errors(new QualityPolicySettings(ReviewDueDay: (DayOfWeek)7))), ignoreCase: true);
        Assert.StartsWith("recurrenceBy", Assert.Single(Errors(new QualityPolicySettings(RecurrenceBy: [(RecurrenceKind)5]))), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("recurrenceBy", Assert.Single(Errors(new QualityPolicySettings(RecurrenceBy: [RecurrenceKind.Category, RecurrenceKind.Category, RecurrenceKind.ServiceTypeAndDepartment]))), ignoreCase: true);
    }
}
