using System.Globalization;
using System.Text.Json;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Quality;
using HuiFang.Api.Infrastructure.Http;

namespace HuiFang.Api.Services.Policies;

/// <summary>
/// A tenant's quality policy (weekly reviews, spot-checks, corrective actions) as callers send and read it. Every
/// field is optional on a PUT: a missing one takes the service default (shown by GET on a tenant without a policy of
/// its own).
/// </summary>
/// <param name="ReviewDueDay">The day of the following week a week's review is due on (default Monday).</param>
/// <param name="ReviewDueTime">The tenant-local time it is due at, <c>HH:mm</c> (default 12:00); a non-working day moves to the next working day, same time.</param>
/// <param name="SpotCheckPercent">A spot-check's default sample: this share of each agent's visits, 1–100, at least one per agent (default 10).</param>
/// <param name="SpotCheckCountPerAgent">Or a fixed count per agent, 1–1000 (default none); when set it is the default instead of the percentage.</param>
/// <param name="RecurrenceThreshold">How many occurrences of the same problem within the window make it recurring, 2–100 (default 3).</param>
/// <param name="RecurrenceWindowDays">The window the occurrences are counted in, 1–366 days (default 90).</param>
/// <param name="RecurrenceBy">Which problem keys are counted: ServiceTypeAndDepartment, Category (default both); an empty list counts none; a list given replaces the default.</param>
/// <param name="AutoProposeCorrectiveActions">Whether a recurring problem proposes a corrective action by itself (default true).</param>
/// <param name="CorrectiveActionDueDays">The due date of an action opened without one: this many days after it is opened, 1–365 (default 30).</param>
public sealed record QualityPolicySettings(
    DayOfWeek? ReviewDueDay = null,
    string? ReviewDueTime = null,
    int? SpotCheckPercent = null,
    int? SpotCheckCountPerAgent = null,
    int? RecurrenceThreshold = null,
    int? RecurrenceWindowDays = null,
    IReadOnlyList<RecurrenceKind>? RecurrenceBy = null,
    bool? AutoProposeCorrectiveActions = null,
    int? CorrectiveActionDueDays = null) : IPolicySettings<QualityPolicySettings, QualityPolicy>
{
    public QualityPolicy ToPolicy()
    {
        var d = QualityPolicy.Default;
        return new QualityPolicy(
            ReviewDueDay ?? d.ReviewDueDay,
            QualityTimes.Parse(ReviewDueTime) ?? d.ReviewDueTime,
            SpotCheckPercent ?? d.SpotCheckPercent,
            SpotCheckCountPerAgent ?? d.SpotCheckCountPerAgent,
            RecurrenceThreshold ?? d.RecurrenceThreshold,
            RecurrenceWindowDays ?? d.RecurrenceWindowDays,
            RecurrenceBy is null ? d.RecurrenceBy : [.. RecurrenceBy.Distinct()],
            AutoProposeCorrectiveActions ?? d.AutoProposeCorrectiveActions,
            CorrectiveActionDueDays ?? d.CorrectiveActionDueDays);
    }

    public static QualityPolicySettings From(QualityPolicy p) =>
        new(p.ReviewDueDay, QualityTimes.Format(p.ReviewDueTime), p.SpotCheckPercent, p.SpotCheckCountPerAgent, p.RecurrenceThreshold,
            p.RecurrenceWindowDays, p.RecurrenceBy, p.AutoProposeCorrectiveActions, p.CorrectiveActionDueDays);
}

/// <summary>A time of day as the quality policy spells it: <c>HH:mm</c>, 00:00–23:59.</summary>
public static class QualityTimes
{
    public static TimeOnly? Parse(string? text) =>
        text is { Length: 5 } && TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    public static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>How the policy is stored on the tenant: the settings shape, with every field filled.</summary>
public static class QualityPolicyJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    public static string Write(QualityPolicy policy) => JsonSerializer.Serialize(QualityPolicySettings.From(policy), Options);

    public static QualityPolicy Read(string json) => JsonSerializer.Deserialize<QualityPolicySettings>(json, Options)!.ToPolicy();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        HttpSetup.ConfigureJson(options);
        return options;
    }
}

public sealed class QualityPolicySettingsValidator : AbstractValidator<QualityPolicySettings>
{
    public QualityPolicySettingsValidator()
    {
        RuleFor(x => x.ReviewDueDay).IsInEnum();
        RuleFor(x => x.ReviewDueTime).Must(t => t is null || QualityTimes.Parse(t) is not null).WithMessage(_ => Messages.Get("quality.time"));
        RuleFor(x => x.SpotCheckPercent).InclusiveBetween(1, 100);
        RuleFor(x => x.SpotCheckCountPerAgent).InclusiveBetween(1, QualityPolicy.MaxSpotCheckCountPerAgent);
        RuleFor(x => x.RecurrenceThreshold).InclusiveBetween(QualityPolicy.MinRecurrenceThreshold, QualityPolicy.MaxRecurrenceThreshold);
        RuleFor(x => x.RecurrenceWindowDays).InclusiveBetween(1, QualityPolicy.MaxRecurrenceWindowDays);
        RuleFor(x => x.RecurrenceBy)
            .Must(k => k is null || k.Count <= Enum.GetValues<RecurrenceKind>().Length)
            .WithMessage(_ => Messages.Get("validation.tooManyItems", Enum.GetValues<RecurrenceKind>().Length));
        RuleForEach(x => x.RecurrenceBy).IsInEnum();
        RuleFor(x => x.CorrectiveActionDueDays).InclusiveBetween(1, QualityPolicy.MaxCorrectiveActionDueDays);
    }
}
