using System.Globalization;
using HuiFang.Api.Domain.Surveys;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Infrastructure.Http;
using HuiFang.Api.Services.Policies;
using Microsoft.Extensions.DependencyInjection;
using static HuiFang.UnitTests.TestCalendars;

namespace HuiFang.UnitTests.Surveys;

public sealed class SurveyPolicyTests
{
    static SurveyPolicyTests() => new ServiceCollection().AddHuiFangHttp();

    private static List<string> Errors(SurveyPolicySettings settings)
    {
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        return [.. new SurveyPolicySettingsValidator().Validate(settings).Errors.Select(e => e.PropertyName)];
    }

    [Fact]
    public void The_defaults_invite_nobody_by_themselves_and_fall_back_to_a_phone_visit()
    {
        var d = SurveyPolicy.Default;
        Assert.False(d.AutoInvite);
        Assert.Equal([ContactChannel.Sms, ContactChannel.Email, ContactChannel.App, ContactChannel.Questionnaire], d.AutoInviteChannels);
        Assert.Equal(14, d.ExpiryDays);
        Assert.Equal(3, d.ReminderAfterDays);
        Assert.Equal(SurveyExpiryFallback.PhoneVisit, d.OnExpiry);
        Assert.Equal("zh-CN", d.DefaultLanguage);
        Assert.False(d.InvitesAutomatically(ContactChannel.Sms));
        Assert.Empty(Errors(SurveyPolicySettings.From(d)));
    }

    [Fact]
    public void A_settings_document_fills_what_it_leaves_out_and_round_trips_through_its_json()
    {
        var policy = new SurveyPolicySettings(AutoInvite: true, AutoInviteChannels: [ContactChannel.Sms], DefaultLanguage: "EN").ToPolicy();
        Assert.True(policy.InvitesAutomatically(ContactChannel.Sms));
        Assert.False(policy.InvitesAutomatically(ContactChannel.Email));
        Assert.Equal("en", policy.DefaultLanguage);
        Assert.Equal(14, policy.ExpiryDays);
        var read = SurveyPolicyJson.Read(SurveyPolicyJson.Write(policy));
        Assert.Equal(policy with { AutoInviteChannels = [] }, read with { AutoInviteChannels = [] });
        Assert.Equal(policy.AutoInviteChannels, read.AutoInviteChannels);
    }

    [Theory]
    [InlineData(0, null, "ExpiryDays")]
    [InlineData(29, null, "ExpiryDays")]
    [InlineData(14, 14, "ReminderAfterDays")]
    [InlineData(5, 7, "ReminderAfterDays")]
    [InlineData(null, 14, "ReminderAfterDays")]
    [InlineData(null, -1, "ReminderAfterDays")]
    public void Expiry_is_1_to_28_days_and_a_reminder_falls_before_it(int? expiry, int? reminder, string field) =>
        Assert.Contains(Errors(new SurveyPolicySettings(ExpiryDays: expiry, ReminderAfterDays: reminder)), e => e.Equals(field, StringComparison.OrdinalIgnoreCase));

    [Theory]
    [InlineData(28, 27)]
    [InlineData(1, 0)]
    [InlineData(null, 13)]
    public void Edge_values_are_accepted(int? expiry, int? reminder) =>
        Assert.Empty(Errors(new SurveyPolicySettings(ExpiryDays: expiry, ReminderAfterDays: reminder)));

    [Fact]
    public void The_page_speaks_zh_CN_or_en_only() =>
        Assert.Contains(Errors(new SurveyPolicySettings(DefaultLanguage: "fr")), e => e.Equals("DefaultLanguage", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void The_reminder_falls_on_the_first_working_moment_after_its_days_and_none_means_none()
    {
        var wednesday = Bj(2026, 11, 25, 10);
        Assert.Equal(Bj(2026, 11, 30, 9), SurveyPolicy.Default.RemindAt(wednesday, Shanghai())); // Saturday 10:00 → Monday 09:00
        Assert.Null((SurveyPolicy.Default with { ReminderAfterDays = 0 }).RemindAt(wednesday, Shanghai()));
        Assert.Equal(wednesday.AddDays(14), SurveyPolicy.Default.ExpiresAt(wednesday));
    }
}
