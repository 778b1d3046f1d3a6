using HuiFang.Api.Domain.Questionnaires;
using HuiFang.Api.Domain.VisitTasks;

namespace HuiFang.UnitTests.Questionnaires;

/// <summary>The placeholders of a call script, and the salutation that never gives away the customer's full name.</summary>
public sealed class ScriptFillerTests
{
    [Theory]
    [InlineData("王小明", "zh-CN", "王先生/女士")]
    [InlineData("王小明", "en", "Mr/Ms 王")]
    [InlineData("王先生", "zh-CN", "王先生")]
    [InlineData("李女士", "zh", "李女士")]
    [InlineData("  张三  ", "zh-CN", "张先生/女士")]
    [InlineData("John Smith", "en", "Mr/Ms Smith")]
    [InlineData("John Smith", "zh-CN", "Smith先生/女士")]
    [InlineData("", "en", "Sir/Madam")]
    [InlineData(null, "zh-CN", "先生/女士")]
    [InlineData("[erased]", "en", "Sir/Madam")]
    [InlineData("13812345678", "en", "Sir/Madam")]
    [InlineData("a@b.cn", "zh-CN", "先生/女士")]
    public void The_salutation_shows_at_most_the_surname(string? name, string language, string expected) =>
        Assert.Equal(expected, ScriptFiller.Salutation(name, language));

    [Fact]
    public void The_service_date_is_the_day_in_the_tenants_time_zone()
    {
        var at = new DateTimeOffset(2026, 11, 20, 17, 0, 0, TimeSpan.Zero);
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        Assert.Equal("2026年11月21日", ScriptFiller.ServiceDate(at, shanghai, "zh-CN"));
        Assert.Equal("21 November 2026", ScriptFiller.ServiceDate(at, shanghai, "en"));
        Assert.Equal("20 November 2026", ScriptFiller.ServiceDate(at, TimeZoneInfo.Utc, "en"));
    }

    [Fact]
    public void Every_placeholder_is_filled_and_other_braces_stay() =>
        Assert.Equal("王先生, Repair on 1 May 2026 {other}", ScriptFiller.Fill("{customer}, {serviceType} on {serviceDate} {other}", "1 May 2026", "Repair", "王先生"));

    [Fact]
    public void The_most_specific_selector_wins_service_type_before_channel()
    {
        QuestionnaireSelector[] selectors =
        [
            new(VisitPurpose.AfterSales, null, null),
            new(VisitPurpose.AfterSales, null, ContactChannel.Sms),
            new(VisitPurpose.AfterSales, "repair", null),
            new(VisitPurpose.AfterSales, "Repair", ContactChannel.Sms),
            new(VisitPurpose.Periodic, null, null),
        ];
        int?[] Ranks(string serviceType, ContactChannel channel) => [.. selectors.Select(s => s.Specificity(VisitPurpose.AfterSales, serviceType, channel))];

        Assert.Equal([0, 1, 2, 3, null], Ranks("REPAIR", ContactChannel.Sms));
        Assert.Equal([0, null, 2, null, null], Ranks("Repair", ContactChannel.Phone));
        Assert.Equal([0, 1, null, null, null], Ranks("Cleaning", ContactChannel.Sms));
        Assert.True(selectors[0].IsPurposeDefault);
        Assert.Equal(selectors[2].Key, new QuestionnaireSelector(VisitPurpose.AfterSales, "REPAIR", null).Key);
    }
}
