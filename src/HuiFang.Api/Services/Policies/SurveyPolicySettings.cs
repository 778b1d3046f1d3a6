using System.Text.Json;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Surveys;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Infrastructure.Http;

namespace HuiFang.Api.Services.Policies;

/// <summary>
/// A tenant's survey-invitation policy as callers send and read it. Every field is optional on a PUT: a missing one
/// takes the service default (shown by GET on a tenant without a policy of its own).
/// </summary>
/// <param name="AutoInvite">Invite the customer by itself when a task is planned with one of <paramref name="AutoInviteChannels"/> (default false).</param>
/// <param name="AutoInviteChannels">Task channels that get an automatic invitation (default Sms, Email, App, Questionnaire); a list given replaces the default.</param>
/// <param name="ExpiryDays">Days a link works, 1–28 (default 14).</param>
/// <param name="ReminderAfterDays">Days unanswered after which one reminder falls due, inside working hours; 0 for no reminder; fewer than <paramref name="ExpiryDays"/> (default 3).</param>
/// <param name="OnExpiry">What an unanswered task becomes when its survey expires: PhoneVisit (planned at the next working moment; default) or Unreachable.</param>
/// <param name="DefaultLanguage">The survey page's language when the invitation names none: zh-CN (default) or en.</param>
public sealed record SurveyPolicySettings(
    bool? AutoInvite = null,
    IReadOnlyList<ContactChannel>? AutoInviteChannels = null,
    int? ExpiryDays = null,
    int? ReminderAfterDays = null,
    SurveyExpiryFallback? OnExpiry = null,
    string? DefaultLanguage = null) : IPolicySettings<SurveyPolicySettings, SurveyPolicy>
{
    public SurveyPolicy ToPolicy()
    {
        var d = SurveyPolicy.Default;
        return new SurveyPolicy(
            AutoInvite ?? d.AutoInvite,
            AutoInviteChannels is null ? d.AutoInviteChannels : [.. AutoInviteChannels.Distinct()],
            ExpiryDays ?? d.ExpiryDays,
            ReminderAfterDays ?? d.ReminderAfterDays,
            OnExpiry ?? d.OnExpiry,
            SurveyLanguages.Normalize(DefaultLanguage) ?? d.DefaultLanguage);
    }

    public static SurveyPolicySettings From(SurveyPolicy p) =>
        new(p.AutoInvite, p.AutoInviteChannels, p.ExpiryDays, p.ReminderAfterDays, p.OnExpiry, p.DefaultLanguage);
}

/// <summary>The languages a survey page speaks, as the API spells them.</summary>
public static class SurveyLanguages
{
    /// <summary>zh-CN or en whatever their case; null for null; anything else stays as sent (the validator refuses it).</summary>
    public static string? Normalize(string? language) => language switch
    {
        null => null,
        _ when string.Equals(language, "zh-CN", StringComparison.OrdinalIgnoreCase) => "zh-CN",
        _ when string.Equals(language, "en", StringComparison.OrdinalIgnoreCase) => "en",
        _ => language,
    };

    public static bool IsKnown(string? language) => language is null || SurveyPolicy.Languages.Contains(Normalize(language));
}

/// <summary>How the policy is stored on the tenant: the settings shape, with every field filled.</summary>
public static class SurveyPolicyJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    public static string Write(SurveyPolicy policy) => JsonSerializer.Serialize(SurveyPolicySettings.From(policy), Options);

    public static SurveyPolicy Read(string json) => JsonSerializer.Deserialize<SurveyPolicySettings>(json, Options)!.ToPolicy();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        HttpSetup.ConfigureJson(options);
        return options;
    }
}

public sealed class SurveyPolicySettingsValidator : AbstractValidator<SurveyPolicySettings>
{
    public SurveyPolicySettingsValidator()
    {
        RuleFor(x => x.ExpiryDays).InclusiveBetween(1, SurveyPolicy.MaxExpiryDays);
        RuleFor(x => x.ReminderAfterDays).InclusiveBetween(0, SurveyPolicy.MaxExpiryDays - 1);
        RuleFor(x => x.ReminderAfterDays)
            .Must((x, days) => days is null or 0 || days < (x.ExpiryDays ?? SurveyPolicy.Default.ExpiryDays))
            .WithMessage(x => Messages.Get("policy.reminderBeforeExpiry", x.ExpiryDays ?? SurveyPolicy.Default.ExpiryDays))
            .When(x => x.ReminderAfterDays is >= 0 and < SurveyPolicy.MaxExpiryDays && x.ExpiryDays is null or (>= 1 and <= SurveyPolicy.MaxExpiryDays));
        RuleFor(x => x.AutoInviteChannels).Must(c => c is null || c.Count <= 7).WithMessage(_ => Messages.Get("validation.range", 0, 7));
        RuleForEach(x => x.AutoInviteChannels).IsInEnum();
        RuleFor(x => x.OnExpiry).IsInEnum();

        // Cancelled is what an expiry becomes for an opted-out customer, not something a tenant chooses.
        RuleFor(x => x.OnExpiry)
            .Must(f => f is not SurveyExpiryFallback.Cancelled)
            .WithMessage(_ => Messages.Get("validation.enumValue", "PhoneVisit, Unreachable"))
            .When(x => x.OnExpiry is not null && Enum.IsDefined(x.OnExpiry.Value));
        RuleFor(x => x.DefaultLanguage).Must(SurveyLanguages.IsKnown).WithMessage(_ => Messages.Get("survey.language"));
    }
}
