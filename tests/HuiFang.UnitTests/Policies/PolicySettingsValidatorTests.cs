using System.Globalization;
using HuiFang.Api.Services.Policies;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Escalations;
using HuiFang.Api.Domain.FollowUp;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Features.Policies;
using HuiFang.Api.Infrastructure.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HuiFang.UnitTests.Policies;

/// <summary>
/// Every list item of a policy and every nested item is judged by its own rules, and each failure is named by
/// the JSON path callers sent (rules[0].tiers[1].upTo), with the message that names what is wrong.
/// </summary>
public sealed class PolicySettingsValidatorTests
{
    static PolicySettingsValidatorTests() => new ServiceCollection().AddHuiFangHttp(); // JSON-style field names in messages

    private static List<(string Field, string Message)> FollowUpErrors(FollowUpPolicySettings settings)
    {
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        return [.. new FollowUpPolicySettingsValidator().Validate(settings).Errors.Select(e => (e.PropertyName, e.ErrorMessage))];
    }

    private static SelectionRuleSettings Tiered(params TierSettings[] tiers) => new("t", ["Repair"], SelectionMode.Tiered, Tiers: tiers);

    [Fact]
    public void The_defaults_and_the_house_repair_tiers_are_valid()
    {
        Assert.Empty(FollowUpErrors(FollowUpPolicySettings.From(FollowUpPolicy.Default)));
        Assert.Empty(FollowUpErrors(new FollowUpPolicySettings(Rules: [Tiered(new(19, Count: 5), new(50, 30), new(100, 15), new(Count: 20))])));
    }

    [Fact]
    public void Each_band_is_judged_where_the_band_before_it_ends()
    {
        var errors = FollowUpErrors(new FollowUpPolicySettings(Rules: [Tiered(new(300, 30), new(100, 100), new(Count: 5, Percent: 1), new(10, Count: 5))]));

        Assert.Equal(
            [
                ("rules[0].tiers[1].upTo", Messages.Get("policy.tierOrder", 301)),
                ("rules[0].tiers[2].upTo", Messages.Get("policy.onlyLastTierOpen")),
                ("rules[0].tiers[2]", Messages.Get("policy.tierShare")),
                ("rules[0].tiers[3].upTo", Messages.Get("policy.lastTierOpen")),
            ],
            errors);
        Assert.Equal(
            [("rules[0].tiers[0].count", Messages.Get("policy.tierCount", 3))],
            FollowUpErrors(new FollowUpPolicySettings(Rules: [Tiered(new(3, Count: 5), new(Percent: 10))])));
    }

    [Fact]
    public void A_rule_is_named_once_and_not_default_and_its_service_types_are_codes()
    {
        var errors = FollowUpErrors(new FollowUpPolicySettings(Rules:
        [
            new("a", ["Repair", "x y"], SelectionMode.Always),
            new("A", ["Activity"], SelectionMode.Never),
            new("default", ["Complaint"], SelectionMode.Percentage, Percent: 0),
            new("b", [], SelectionMode.Always, Percent: 50),
        ]));

        Assert.Equal(
            [
                ("rules[0].serviceTypes[1]", Messages.Get("policy.serviceType")),
                ("rules[1].name", Messages.Get("policy.ruleNameTaken", "A")),
                ("rules[2].name", Messages.Get("policy.ruleNameReserved", FollowUpPolicy.DefaultRuleName)),
                ("rules[2].percent", Messages.Get("validation.range", 1, 100)),
                ("rules[3].serviceTypes", Messages.Get("validation.range", 1, 100)),
                ("rules[3].mode", Messages.Get("policy.modeTakesNoShare", SelectionMode.Always)),
            ],
            errors);
    }

    [Fact]
    public void A_timing_gets_the_numbers_its_kind_needs_and_the_lists_say_which_entries_overlap()
    {
        var errors = FollowUpErrors(new FollowUpPolicySettings(
            Rules: [new("a", ["Repair"], SelectionMode.Always), new("b", ["repair"], SelectionMode.Never)],
            Timings:
            [
                new(["Repair"], TimingKind.WithinHours, Hours: 800, Days: 3),
                new(["Repair"], TimingKind.WorkingDays, FromWorkingDay: 7, ToWorkingDay: 3),
            ],
            DefaultTiming: new(["Repair"], TimingKind.MonthlyBatch)));

        Assert.Equal(
            [
                ("rules[1].serviceTypes", Messages.Get("policy.serviceTypeOverlap", "repair", "a", "b")),
                ("timings[0].hours", Messages.Get("validation.range", 1, 720)),
                ("timings[0].days", Messages.Get("policy.timingExtra", "days", TimingKind.WithinHours)),
                ("timings[1].toWorkingDay", Messages.Get("policy.workingDaysOrder")),
                ("timings[1].serviceTypes", Messages.Get("policy.serviceTypeOverlap", "Repair", "timings[0]", "timings[1]")),
                ("defaultTiming.serviceTypes", Messages.Get("policy.defaultTimingShape")),
                ("defaultTiming.batchDay", Messages.Get("policy.timingNeeds", TimingKind.MonthlyBatch, "batchDay")),
            ],
            errors);
    }

    [Fact]
    public void Sla_targets_are_named_by_severity_and_target_and_judged_with_the_clock_they_inherit()
    {
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        var settings = new EscalationPolicySettings(
            Urgent: new(Response: new(TimeSpan.Zero)),
            General: new(new(TimeSpan.FromDays(100), SlaClockKind.BusinessHours), new(TimeSpan.FromDays(200), SlaClockKind.WallClock)));

        var errors = new EscalationPolicySettingsValidator().Validate(settings).Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList();

        Assert.Equal(
            [
                ("urgent.response.duration", Messages.Get("policy.duration", "00:00:00", "365.00:00:00")),
                ("general.response.duration", Messages.Get("policy.businessHoursDuration", SlaClock.MaxBusinessHoursTarget.ToString("c"))),
            ],
            errors);
    }
}
