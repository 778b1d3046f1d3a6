using System.Text.Json;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.FollowUp;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Infrastructure.Http;
using HuiFang.Api.Infrastructure.Persistence;

namespace HuiFang.Api.Features.Policies;

/// <summary>
/// A tenant's follow-up policy as callers send and read it: which completed jobs get a visit (回访率) and
/// when. A field left out on a PUT takes the service default (shown by GET on a tenant without a policy
/// of its own); a list given replaces the default list whole.
/// </summary>
/// <param name="SamplingKey">Key of the sampling hash (HMAC-SHA256); default: the tenant id. Changing it changes which records a share picks.</param>
/// <param name="Rules">Selection rules by service type; a service type may appear in one rule only.</param>
/// <param name="DefaultRule">The rule for service types no rule names (no name, no service types); default: Always, AfterSales.</param>
/// <param name="Timings">When visits are due, by service type; a service type may appear in one timing only.</param>
/// <param name="DefaultTiming">Timing of service types no timing names (no service types); default: working days 3–7.</param>
public sealed record FollowUpPolicySettings(
    string? SamplingKey = null,
    IReadOnlyList<SelectionRuleSettings>? Rules = null,
    SelectionRuleSettings? DefaultRule = null,
    IReadOnlyList<TimingSettings>? Timings = null,
    TimingSettings? DefaultTiming = null) : IPolicySettings<FollowUpPolicySettings, FollowUpPolicy>
{
    public FollowUpPolicy ToPolicy()
    {
        var d = FollowUpPolicy.Default;
        return new FollowUpPolicy(
            SamplingKey,
            Rules is null ? d.Rules : [.. Rules.Select(r => r.ToRule(r.Name!, r.ServiceTypes!))],
            DefaultRule is null ? d.DefaultRule : DefaultRule.ToRule(FollowUpPolicy.DefaultRuleName, []),
            Timings is null ? d.Timings : [.. Timings.Select(t => new TimingRule(t.ServiceTypes!, t.ToTiming()))],
            DefaultTiming?.ToTiming() ?? d.DefaultTiming);
    }

    public static FollowUpPolicySettings From(FollowUpPolicy p) => new(
        p.SamplingKey,
        [.. p.Rules.Select(r => SelectionRuleSettings.From(r, r.Name, r.ServiceTypes))],
        SelectionRuleSettings.From(p.DefaultRule, null, null),
        [.. p.Timings.Select(t => TimingSettings.From(t.Timing, t.ServiceTypes))],
        TimingSettings.From(p.DefaultTiming, null));
}

/// <summary>Which records of some service types get a visit.</summary>
/// <param name="Name">Unique name (letters, digits, '-', '_', '.'); decisions and reports refer to it. Not "default".</param>
/// <param name="ServiceTypes">The service type codes the rule covers; their records are counted together per month.</param>
/// <param name="Mode">Always, Tiered (by the month's volume), Percentage, or Never.</param>
/// <param name="Percent">For Percentage: the share, 1–100.</param>
/// <param name="Tiers">For Tiered: bands of the month's volume, ascending by upTo; the last has no upTo.</param>
/// <param name="Purpose">Purpose of the visits (default AfterSales).</param>
/// <param name="Channel">Channel of the visits; default: the customer's preferred channel, else Phone.</param>
public sealed record SelectionRuleSettings(
    string? Name = null,
    IReadOnlyList<string>? ServiceTypes = null,
    SelectionMode? Mode = null,
    int? Percent = null,
    IReadOnlyList<TierSettings>? Tiers = null,
    VisitPurpose? Purpose = null,
    ContactChannel? Channel = null)
{
    public SelectionRule ToRule(string name, IReadOnlyList<string> serviceTypes) => new(
        name,
        serviceTypes,
        Mode!.Value,
        Percent,
        [.. (Tiers ?? []).Select(t => new SamplingTier(t.UpTo, t.Percent, t.Count))],
        Purpose ?? VisitPurpose.AfterSales,
        Channel);

    public static SelectionRuleSettings From(SelectionRule r, string? name, IReadOnlyList<string>? serviceTypes) => new(
        name,
        serviceTypes,
        r.Mode,
        r.Percent,
        r.Mode == SelectionMode.Tiered ? [.. r.Tiers.Select(t => new TierSettings(t.UpTo, t.Percent, t.Count))] : null,
        r.Purpose,
        r.Channel);
}

/// <summary>One band of a tiered rule: the month's orders from the previous band's upTo + 1 up to this upTo.</summary>
/// <param name="UpTo">Last order number of the band; null on the last band (no upper end).</param>
/// <param name="Percent">Share of the band's orders visited, 0–100.</param>
/// <param name="Count">Or: a fixed number of the band's orders (spread evenly; on the open last band, its first ones).</param>
public sealed record TierSettings(int? UpTo = null, int? Percent = null, int? Count = null);

/// <summary>When visits of some service types are due. Give the numbers the kind needs and no others.</summary>
/// <param name="ServiceTypes">Service type codes (omit on defaultTiming).</param>
/// <param name="Kind">Immediately (hours: working hours), WithinHours (hours), WorkingDays (fromWorkingDay, toWorkingDay), WithinDays (days), MonthlyBatch (batchDay).</param>
/// <param name="Hours">For Immediately (1–72 working hours) and WithinHours (1–720 hours).</param>
/// <param name="Days">For WithinDays: 1–60 calendar days.</param>
/// <param name="FromWorkingDay">For WorkingDays: first working day after the service, 1–60.</param>
/// <param name="ToWorkingDay">For WorkingDays: last working day, fromWorkingDay–60.</param>
/// <param name="BatchDay">For MonthlyBatch: day of the month the batch starts (1–31; shorter months use their last day).</param>
public sealed record TimingSettings(
    IReadOnlyList<string>? ServiceTypes = null,
    TimingKind? Kind = null,
    int? Hours = null,
    int? Days = null,
    int? FromWorkingDay = null,
    int? ToWorkingDay = null,
    int? BatchDay = null)
{
    public FollowUpTiming ToTiming() => Kind switch
    {
        TimingKind.Immediately or TimingKind.WithinHours => new FollowUpTiming(Kind.Value, Hours!.Value),
        TimingKind.WithinDays => new FollowUpTiming(TimingKind.WithinDays, Days!.Value),
        TimingKind.MonthlyBatch => new FollowUpTiming(TimingKind.MonthlyBatch, BatchDay!.Value),
        _ => new FollowUpTiming(TimingKind.WorkingDays, FromWorkingDay!.Value, ToWorkingDay!.Value),
    };

    public static TimingSettings From(FollowUpTiming t, IReadOnlyList<string>? serviceTypes) => t.Kind switch
    {
        TimingKind.Immediately or TimingKind.WithinHours => new(serviceTypes, t.Kind, Hours: t.Amount),
        TimingKind.WithinDays => new(serviceTypes, t.Kind, Days: t.Amount),
        TimingKind.MonthlyBatch => new(serviceTypes, t.Kind, BatchDay: t.Amount),
        _ => new(serviceTypes, t.Kind, FromWorkingDay: t.Amount, ToWorkingDay: t.Until),
    };
}

/// <summary>How the policy is stored on the tenant: the settings shape, every field filled.</summary>
public static class FollowUpPolicyJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    public static string Write(FollowUpPolicy policy) => JsonSerializer.Serialize(FollowUpPolicySettings.From(policy), Options);

    public static FollowUpPolicy Read(string json) => JsonSerializer.Deserialize<FollowUpPolicySettings>(json, Options)!.ToPolicy();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        HttpSetup.ConfigureJson(options);
        return options;
    }
}

public sealed class FollowUpPolicySettingsValidator : AbstractValidator<FollowUpPolicySettings>
{
    public const int MaxRules = 50;

    public FollowUpPolicySettingsValidator()
    {
        RuleFor(x => x.SamplingKey).NotEmpty().MaximumLength(FieldLimits.Name).When(x => x.SamplingKey is not null);
        RuleFor(x => x.Rules).Must(r => r is null || r.Count <= MaxRules).WithMessage(_ => Messages.Get("validation.range", 0, MaxRules));
        RuleFor(x => x.Timings).Must(r => r is null || r.Count <= MaxRules).WithMessage(_ => Messages.Get("validation.range", 0, MaxRules));
        RuleFor(x => x).Custom((settings, context) =>
        {
            var rules = settings.Rules ?? [];
            for (var i = 0; i < rules.Count; i++)
            {
                var rule = rules[i];
                var at = $"rules[{i}]";
                if (rule is null)
                {
                    context.AddFailure(at, Messages.Get("problem.emptyBody"));
                    continue;
                }

                if (string.IsNullOrWhiteSpace(rule.Name) || rule.Name.Length > FieldLimits.Code || !ValidationRules.IsCode(rule.Name))
                {
                    context.AddFailure(at + ".name", Messages.Get("policy.ruleName"));
                }
                else if (string.Equals(rule.Name, FollowUpPolicy.DefaultRuleName, StringComparison.OrdinalIgnoreCase))
                {
                    context.AddFailure(at + ".name", Messages.Get("policy.ruleNameReserved", FollowUpPolicy.DefaultRuleName));
                }
                else if (rules.Take(i).FirstOrDefault(r => string.Equals(r?.Name, rule.Name, StringComparison.OrdinalIgnoreCase)) is not null)
                {
                    context.AddFailure(at + ".name", Messages.Get("policy.ruleNameTaken", rule.Name));
                }

                ServiceTypes(rule.ServiceTypes, at, context);
                Selection(rule, at, context);
            }

            Overlaps(rules.Select(r => (r?.Name ?? "?", r?.ServiceTypes)).ToList(), "rules", context);

            if (settings.DefaultRule is { } fallback)
            {
                if (fallback.Name is not null || fallback.ServiceTypes is not null)
                {
                    context.AddFailure("defaultRule", Messages.Get("policy.defaultRuleShape"));
                }

                Selection(fallback, "defaultRule", context);
            }

            var timings = settings.Timings ?? [];
            for (var i = 0; i < timings.Count; i++)
            {
                if (timings[i] is null)
                {
                    context.AddFailure($"timings[{i}]", Messages.Get("problem.emptyBody"));
                    continue;
                }

                ServiceTypes(timings[i].ServiceTypes, $"timings[{i}]", context);
                Timing(timings[i], $"timings[{i}]", context);
            }

            Overlaps(timings.Select((t, i) => ($"timings[{i}]", t?.ServiceTypes)).ToList(), "timings", context);

            if (settings.DefaultTiming is { } defaultTiming)
            {
                if (defaultTiming.ServiceTypes is not null)
                {
                    context.AddFailure("defaultTiming.serviceTypes", Messages.Get("policy.defaultTimingShape"));
                }

                Timing(defaultTiming, "defaultTiming", context);
            }
        });
    }

    private static void ServiceTypes(IReadOnlyList<string>? types, string at, ValidationContext<FollowUpPolicySettings> context)
    {
        if (types is null || types.Count == 0 || types.Count > 100)
        {
            context.AddFailure(at + ".serviceTypes", Messages.Get("validation.range", 1, 100));
            return;
        }

        for (var j = 0; j < types.Count; j++)
        {
            if (string.IsNullOrEmpty(types[j]) || types[j].Length > FieldLimits.Code || !ValidationRules.IsCode(types[j]))
            {
                context.AddFailure($"{at}.serviceTypes[{j}]", Messages.Get("policy.serviceType"));
            }
        }
    }

    /// <summary>A service type in two rules would make the decision depend on the rules' order: refused, naming both.</summary>
    private static void Overlaps(List<(string Name, IReadOnlyList<string>? Types)> entries, string list, ValidationContext<FollowUpPolicySettings> context)
    {
        var owner = new Dictionary<string, (int Index, string Name)>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < entries.Count; i++)
        {
            foreach (var type in (entries[i].Types ?? []).Where(t => !string.IsNullOrEmpty(t)).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (owner.TryGetValue(type, out var first) && first.Index != i)
                {
                    context.AddFailure($"{list}[{i}].serviceTypes", Messages.Get("policy.serviceTypeOverlap", type, first.Name, entries[i].Name));
                }
                else
                {
                    owner[type] = (i, entries[i].Name);
                }
            }
        }
    }

    private static void Selection(SelectionRuleSettings rule, string at, ValidationContext<FollowUpPolicySettings> context)
    {
        if (rule.Purpose is { } purpose && !Enum.IsDefined(purpose))
        {
            context.AddFailure(at + ".purpose", Messages.Get("problem.invalidJsonValue"));
        }

        if (rule.Channel is { } channel && !Enum.IsDefined(channel))
        {
            context.AddFailure(at + ".channel", Messages.Get("problem.invalidJsonValue"));
        }

        switch (rule.Mode)
        {
            case null:
            case not (SelectionMode.Always or SelectionMode.Never or SelectionMode.Percentage or SelectionMode.Tiered):
                context.AddFailure(at + ".mode", Messages.Get("policy.mode"));
                return;
            case SelectionMode.Percentage:
                if (rule.Percent is not (>= 1 and <= 100))
                {
                    context.AddFailure(at + ".percent", Messages.Get("validation.range", 1, 100));
                }

                if (rule.Tiers is not null)
                {
                    context.AddFailure(at + ".tiers", Messages.Get("policy.onlyWithMode", "tiers", SelectionMode.Tiered));
                }

                return;
            case SelectionMode.Tiered:
                if (rule.Percent is not null)
                {
                    context.AddFailure(at + ".percent", Messages.Get("policy.onlyWithMode", "percent", SelectionMode.Percentage));
                }

                Tiers(rule.Tiers, at + ".tiers", context);
                return;
            default:
                if (rule.Percent is not null || rule.Tiers is not null)
                {
                    context.AddFailure(at + ".mode", Messages.Get("policy.modeTakesNoShare", rule.Mode));
                }

                return;
        }
    }

    private static void Tiers(IReadOnlyList<TierSettings>? tiers, string at, ValidationContext<FollowUpPolicySettings> context)
    {
        if (tiers is null || tiers.Count == 0 || tiers.Count > 20)
        {
            context.AddFailure(at, Messages.Get("validation.range", 1, 20));
            return;
        }

        var from = 1;
        for (var i = 0; i < tiers.Count; i++)
        {
            var tier = tiers[i];
            var here = $"{at}[{i}]";
            if (tier is null)
            {
                context.AddFailure(here, Messages.Get("problem.emptyBody"));
                return;
            }

            var last = i == tiers.Count - 1;
            if (last && tier.UpTo is not null)
            {
                context.AddFailure(here + ".upTo", Messages.Get("policy.lastTierOpen"));
            }
            else if (!last && tier.UpTo is null)
            {
                context.AddFailure(here + ".upTo", Messages.Get("policy.onlyLastTierOpen"));
            }
            else if (tier.UpTo is { } upTo && (upTo < from || upTo > 1_000_000))
            {
                context.AddFailure(here + ".upTo", Messages.Get("policy.tierOrder", from));
            }

            if ((tier.Percent is null) == (tier.Count is null))
            {
                context.AddFailure(here, Messages.Get("policy.tierShare"));
            }
            else if (tier.Percent is { } percent && percent is < 0 or > 100)
            {
                context.AddFailure(here + ".percent", Messages.Get("validation.range", 0, 100));
            }
            else if (tier.Count is { } count && (count < 0 || (tier.UpTo is { } end && end >= from && count > end - from + 1) || count > 1_000_000))
            {
                context.AddFailure(here + ".count", Messages.Get("policy.tierCount", tier.UpTo is { } e && e >= from ? e - from + 1 : 1_000_000));
            }

            from = (tier.UpTo ?? from) + 1;
        }
    }

    private static void Timing(TimingSettings timing, string at, ValidationContext<FollowUpPolicySettings> context)
    {
        var (needs, min, max) = timing.Kind switch
        {
            TimingKind.Immediately => (new[] { "hours" }, 1, 72),
            TimingKind.WithinHours => (["hours"], 1, 720),
            TimingKind.WorkingDays => (["fromWorkingDay", "toWorkingDay"], 1, 60),
            TimingKind.WithinDays => (["days"], 1, 60),
            TimingKind.MonthlyBatch => (["batchDay"], 1, 31),
            _ => ([], 0, 0),
        };
        if (needs.Length == 0)
        {
            context.AddFailure(at + ".kind", Messages.Get("policy.timingKind"));
            return;
        }

        var given = new Dictionary<string, int?>
        {
            ["hours"] = timing.Hours,
            ["days"] = timing.Days,
            ["fromWorkingDay"] = timing.FromWorkingDay,
            ["toWorkingDay"] = timing.ToWorkingDay,
            ["batchDay"] = timing.BatchDay,
        };
        foreach (var (field, value) in given)
        {
            var needed = needs.Contains(field);
            if (needed && value is null)
            {
                context.AddFailure($"{at}.{field}", Messages.Get("policy.timingNeeds", timing.Kind, field));
            }
            else if (needed && (value < min || value > max))
            {
                context.AddFailure($"{at}.{field}", Messages.Get("validation.range", min, max));
            }
            else if (!needed && value is not null)
            {
                context.AddFailure($"{at}.{field}", Messages.Get("policy.timingExtra", field, timing.Kind));
            }
        }

        if (timing is { Kind: TimingKind.WorkingDays, FromWorkingDay: { } first, ToWorkingDay: { } lastDay } && lastDay < first)
        {
            context.AddFailure(at + ".toWorkingDay", Messages.Get("policy.workingDaysOrder"));
        }
    }
}
