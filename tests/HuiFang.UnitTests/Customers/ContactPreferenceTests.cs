using HuiFang.Api.Domain.Customers;
using HuiFang.Api.Domain.FollowUp;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Features.Reports;
using HuiFang.Api.Services.Customers;

namespace HuiFang.UnitTests.Customers;

public sealed class ContactPreferenceTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Setting_records_since_source_and_reason_once_and_setting_again_changes_nothing()
    {
        var preference = CustomerContactPreference.New(Guid.NewGuid(), "t", "C-1", At);
        Assert.False(preference.DoNotContact);
        Assert.Equal(0, preference.Version);

        Assert.True(preference.Change(true, ContactPreferenceSource.Survey, "不再打扰", At));
        Assert.Equal((true, At.ToUniversalTime(), ContactPreferenceSource.Survey, "不再打扰", 1), (preference.DoNotContact, preference.Since, preference.Source, preference.Reason, preference.Version));
        var raised = Assert.IsType<ContactPreferenceChanged>(Assert.Single(preference.DequeueEvents()));
        Assert.True(raised.DoNotContact);

        Assert.False(preference.Change(true, ContactPreferenceSource.Api, "again", At.AddDays(1)));
        Assert.Equal((At.ToUniversalTime(), ContactPreferenceSource.Survey, "不再打扰", 1), (preference.Since, preference.Source, preference.Reason, preference.Version));
        Assert.Empty(preference.DequeueEvents());

        Assert.True(preference.Change(false, ContactPreferenceSource.Api, null, At.AddDays(2)));
        Assert.Equal((false, (DateTimeOffset?)null, (ContactPreferenceSource?)null, (string?)null, 2), (preference.DoNotContact, preference.Since, preference.Source, preference.Reason, preference.Version));
        Assert.False(Assert.IsType<ContactPreferenceChanged>(Assert.Single(preference.DequeueEvents())).DoNotContact);
        Assert.False(preference.Change(false, ContactPreferenceSource.Api, null, At.AddDays(3)));
    }

    [Fact]
    public void Erasure_keeps_the_flag_under_the_pseudonym_and_drops_the_reason()
    {
        var preference = CustomerContactPreference.New(Guid.NewGuid(), "t", "C-1", At);
        preference.Change(true, ContactPreferenceSource.Api, "王女士要求", At);
        preference.DequeueEvents();
        var pseudonym = CustomerPseudonym.For("t", "C-1");

        preference.ErasePersonalData(pseudonym, At.AddDays(1));

        Assert.Equal((pseudonym, true, (string?)null), (preference.CustomerExternalId, preference.DoNotContact, preference.Reason));
        Assert.Empty(preference.DequeueEvents()); // the erasure is audited by the erasure, not as a change of the flag
        Assert.StartsWith("erased-", pseudonym);
        Assert.Equal(pseudonym, CustomerPseudonym.For("t", "C-1"));
        Assert.NotEqual(pseudonym, CustomerPseudonym.For("other-tenant", "C-1"));
    }

    [Theory]
    [InlineData(VisitPurpose.AfterSales, true)]
    [InlineData(VisitPurpose.Periodic, true)]
    [InlineData(VisitPurpose.Activity, true)]
    [InlineData(VisitPurpose.ComplaintFollowUp, false)]
    public void Only_a_complaint_follow_up_is_planned_for_an_opted_out_customer(VisitPurpose purpose, bool stopped) =>
        Assert.Equal(stopped, DoNotContactRule.Applies(purpose));

    [Fact]
    public void A_month_whose_chosen_records_are_held_back_by_do_not_contact_still_reaches_its_quota()
    {
        // 30 % of 20 records; the customers of the first eight asked not to be contacted.
        var rule = new SelectionRule("activities", ["Activity"], SelectionMode.Percentage, 30, [], VisitPurpose.Activity, null);
        var outcomes = new List<IntakeOutcome>();
        for (var n = 1; n <= 20; n++)
        {
            var decision = Sampling.Decide(rule, n, outcomes.Count(ServiceRecord.CountsAsVisit), "key", $"WO-{n}");
            outcomes.Add(!decision.Selected ? IntakeOutcome.NotSelected : n <= 8 ? IntakeOutcome.DoNotContact : IntakeOutcome.Selected);
        }

        Assert.False(ServiceRecord.CountsAsVisit(IntakeOutcome.DoNotContact));
        Assert.Contains(IntakeOutcome.DoNotContact, outcomes);
        Assert.Equal(6, outcomes.Count(o => o == IntakeOutcome.Selected));
    }

    [Theory]
    [InlineData("2026-11\u001fSms", true, "2026-11", "Sms")]
    [InlineData("\u001fPhone", true, "", "Phone")]
    [InlineData("a\u001fb\u001fEmail", true, "a\u001fb", "Email")]
    [InlineData("2026-11", false, "2026-11", null)]
    public void A_split_key_comes_apart_into_group_and_channel(string key, bool split, string group, string? channel) =>
        Assert.Equal((group, channel), SplitKey.Parse(key, split));

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("channel", true)]
    [InlineData("Channel", true)]
    [InlineData("department", null)]
    public void SplitBy_accepts_channel_only(string? text, bool? parsed) => Assert.Equal(parsed, ReportRules.ParseSplitBy(text));
}
