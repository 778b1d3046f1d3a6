using System.Linq.Expressions;
using System.Text.Json;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.FollowUp;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Infrastructure.Http;
using HuiFang.Api.Infrastructure.Persistence;

namespace HuiFang.Api.Services.Policies;

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

/// <summary>
/// The follow-up policy's rules: each list item has its validator (a selection rule, its tiers, a timing), and
/// what only the whole list can tell — a service type named twice — is checked on the list.
/// </summary>
public sealed class FollowUpPolicySettingsValidator : AbstractValidator<FollowUpPolicySettings>
{
    public const int MaxRules = 50;

    public FollowUpPolicySettingsValidator()
    {
        RuleFor(x => x.SamplingKey).NotEmpty().MaximumLength(FieldLimits.Name).When(x => x.SamplingKey is not null);
        RuleFor(x => x.Rules).Must(r => r is null || r.Count <= MaxRules).WithMessage(_ => Messages.Get("validation.range", 0, MaxRules));
        RuleFor(x => x.Timings).Must(r => r is null || r.Count <= MaxRules).WithMessage(_ => Messages.Get("validation.range", 0, MaxRules));

        RuleForEach(x => x.Rules).NotNull().WithMessage(_ => Messages.Get("problem.emptyBody"))
            .SetValidator((settings, _) => new NamedRuleValidator(settings.Rules!));
        RuleFor(x => x.Rules).Custom((rules, context) => Overlaps([.. (rules ?? []).Select(r => (r?.Name ?? "?", r?.ServiceTypes))], "rules", context));
        RuleFor(x => x.DefaultRule)
            .Must(r => r is null || (r.Name is null && r.ServiceTypes is null)).WithMessage(_ => Messages.Get("policy.defaultRuleShape"))
            .SetValidator(new SelectionValidator()!);

        RuleForEach(x => x.Timings).NotNull().WithMessage(_ => Messages.Get("problem.emptyBody"))
            .SetValidator(new TimingValidator(isDefault: false));
        RuleFor(x => x.Timings).Custom((timings, context) => Overlaps([.. (timings ?? []).Select((t, i) => ($"timings[{i}]", t?.ServiceTypes))], "timings", context));
        RuleFor(x => x.DefaultTiming).SetValidator(new TimingValidator(isDefault: true)!);
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

    /// <summary>The service types of a rule or a timing: 1 to 100 codes.</summary>
    private static void ServiceTypes<T>(AbstractValidator<T> validator, Expression<Func<T, IReadOnlyList<string>?>> field)
    {
        var types = field.Compile();
        validator.RuleFor(field).Must(t => t is { Count: >= 1 and <= 100 }).WithMessage(_ => Messages.Get("validation.range", 1, 100));
        validator.RuleForEach(Expression.Lambda<Func<T, IEnumerable<string>>>(field.Body, field.Parameters))
            .Must(t => !string.IsNullOrEmpty(t) && t.Length <= FieldLimits.Code && ValidationRules.IsCode(t)).WithMessage(_ => Messages.Get("policy.serviceType"))
            .When(x => types(x) is { Count: >= 1 and <= 100 });
    }

    /// <summary>An item of <c>rules</c>: a unique name, its service types, and the selection.</summary>
    private sealed class NamedRuleValidator : AbstractValidator<SelectionRuleSettings>
    {
        public NamedRuleValidator(IReadOnlyList<SelectionRuleSettings> rules)
        {
            RuleFor(r => r.Name).Cascade(CascadeMode.Stop)
                .Must(n => !string.IsNullOrWhiteSpace(n) && n.Length <= FieldLimits.Code && ValidationRules.IsCode(n)).WithMessage(_ => Messages.Get("policy.ruleName"))
                .Must(n => !string.Equals(n, FollowUpPolicy.DefaultRuleName, StringComparison.OrdinalIgnoreCase)).WithMessage(_ => Messages.Get("policy.ruleNameReserved", FollowUpPolicy.DefaultRuleName))
                .Must((rule, name) => !rules.TakeWhile(r => !ReferenceEquals(r, rule)).Any(r => string.Equals(r?.Name, name, StringComparison.OrdinalIgnoreCase)))
                .WithMessage(r => Messages.Get("policy.ruleNameTaken", r.Name!));
            ServiceTypes(this, r => r.ServiceTypes);
            Include(new SelectionValidator());
        }
    }

    /// <summary>How a rule (or the default rule) selects: the mode and the share it needs, and no other.</summary>
    private sealed class SelectionValidator : AbstractValidator<SelectionRuleSettings>
    {
        public SelectionValidator()
        {
            RuleFor(r => r.Purpose).Must(p => p is null || Enum.IsDefined(p.Value)).WithMessage(_ => Messages.Get("problem.invalidJsonValue"));
            RuleFor(r => r.Channel).Must(c => c is null || Enum.IsDefined(c.Value)).WithMessage(_ => Messages.Get("problem.invalidJsonValue"));
            RuleFor(r => r.Mode).Must(m => m is SelectionMode.Always or SelectionMode.Never or SelectionMode.Percentage or SelectionMode.Tiered)
                .WithMessage(_ => Messages.Get("policy.mode"));
            When(r => r.Mode == SelectionMode.Percentage, () =>
            {
                RuleFor(r => r.Percent).Must(p => p is >= 1 and <= 100).WithMessage(_ => Messages.Get("validation.range", 1, 100));
                RuleFor(r => r.Tiers).Null().WithMessage(_ => Messages.Get("policy.onlyWithMode", "tiers", SelectionMode.Tiered));
            });
            When(r => r.Mode == SelectionMode.Tiered, () =>
            {
                RuleFor(r => r.Percent).Null().WithMessage(_ => Messages.Get("policy.onlyWithMode", "percent", SelectionMode.Percentage));
                RuleFor(r => r.Tiers).Must(t => t is { Count: >= 1 and <= 20 }).WithMessage(_ => Messages.Get("validation.range", 1, 20));
                RuleForEach(r => r.Tiers)
                    .NotNull().WithMessage(_ => Messages.Get("problem.emptyBody"))
                    .SetValidator((rule, tier) => new TierValidator(rule.Tiers!, tier))
                    .Must((rule, t) => t is null || TierValidator.AfterAHole(rule.Tiers!, t) || (t.Percent is null) != (t.Count is null)).WithMessage(_ => Messages.Get("policy.tierShare"))
                    .When(r => r.Tiers is { Count: >= 1 and <= 20 });
            });
            RuleFor(r => r.Mode).Must((r, _) => r.Percent is null && r.Tiers is null).WithMessage(r => Messages.Get("policy.modeTakesNoShare", r.Mode!))
                .When(r => r.Mode is SelectionMode.Always or SelectionMode.Never);
        }
    }

    /// <summary>
    /// One band of a tiered rule, which starts after the band before it ends: bands in order, only the last one
    /// open, a share in range and a count no larger than the band.
    /// </summary>
    private sealed class TierValidator : AbstractValidator<TierSettings>
    {
        public TierValidator(IReadOnlyList<TierSettings> tiers, TierSettings tier)
        {
            if (AfterAHole(tiers, tier))
            {
                return;
            }

            var index = tiers.Select((t, i) => (t, i)).First(p => ReferenceEquals(p.t, tier)).i;
            var from = tiers.Take(index).Aggregate(1, (start, t) => t!.UpTo is { } end ? end + 1 : start + 1);
            var last = index == tiers.Count - 1;

            RuleFor(t => t.UpTo).Cascade(CascadeMode.Stop)
                .Must(u => !last || u is null).WithMessage(_ => Messages.Get("policy.lastTierOpen"))
                .Must(u => last || u is not null).WithMessage(_ => Messages.Get("policy.onlyLastTierOpen"))
                .Must(u => u is null || (u >= from && u <= 1_000_000)).WithMessage(_ => Messages.Get("policy.tierOrder", from));
            When(t => (t.Percent is null) != (t.Count is null), () =>
            {
                RuleFor(t => t.Percent).Must(p => p is null or (>= 0 and <= 100)).WithMessage(_ => Messages.Get("validation.range", 0, 100));
                RuleFor(t => t.Count)
                    .Must((t, c) => c is null || !(c < 0 || (t.UpTo is { } end && end >= from && c > end - from + 1) || c > 1_000_000))
                    .WithMessage(t => Messages.Get("policy.tierCount", t.UpTo is { } e && e >= from ? e - from + 1 : 1_000_000))
                    .When(t => t.Percent is null);
            });
        }

        /// <summary>A band after a missing one is not judged: where it starts is unknown.</summary>
        public static bool AfterAHole(IReadOnlyList<TierSettings> tiers, TierSettings tier) =>
            tiers.TakeWhile(t => !ReferenceEquals(t, tier)).Any(t => t is null);
    }

    /// <summary>A timing: its kind, the numbers that kind needs (in its range) and no others; the default timing names no service types.</summary>
    private sealed class TimingValidator : AbstractValidator<TimingSettings>
    {
        private static readonly (string Name, Expression<Func<TimingSettings, int?>> Field)[] Amounts =
        [
            ("hours", t => t.Hours),
            ("days", t => t.Days),
            ("fromWorkingDay", t => t.FromWorkingDay),
            ("toWorkingDay", t => t.ToWorkingDay),
            ("batchDay", t => t.BatchDay),
        ];

        public TimingValidator(bool isDefault)
        {
            if (isDefault)
            {
                RuleFor(t => t.ServiceTypes).Null().WithMessage(_ => Messages.Get("policy.defaultTimingShape"));
            }
            else
            {
                ServiceTypes(this, t => t.ServiceTypes);
            }

            RuleFor(t => t.Kind).Must(k => Shape(k) is not null).WithMessage(_ => Messages.Get("policy.timingKind"));
            When(t => Shape(t.Kind) is not null, () =>
            {
                foreach (var (name, field) in Amounts)
                {
                    RuleFor(field).Cascade(CascadeMode.Stop)
                        .NotNull().WithMessage(t => Messages.Get("policy.timingNeeds", t.Kind!, name))
                        .Must((t, v) => v >= Shape(t.Kind)!.Value.Min && v <= Shape(t.Kind)!.Value.Max)
                        .WithMessage(t => Messages.Get("validation.range", Shape(t.Kind)!.Value.Min, Shape(t.Kind)!.Value.Max))
                        .When(t => Shape(t.Kind)!.Value.Needs.Contains(name));
                    RuleFor(field).Null().WithMessage(t => Messages.Get("policy.timingExtra", name, t.Kind!))
                        .Unless(t => Shape(t.Kind)!.Value.Needs.Contains(name));
                }
            });
            RuleFor(t => t.ToWorkingDay).Must((t, last) => !(t.FromWorkingDay is { } first && last < first)).WithMessage(_ => Messages.Get("policy.workingDaysOrder"))
                .When(t => t is { Kind: TimingKind.WorkingDays, FromWorkingDay: not null, ToWorkingDay: not null });
        }

        /// <summary>The numbers a kind needs and their range; null for no kind or an unknown one.</summary>
        private static (string[] Needs, int Min, int Max)? Shape(TimingKind? kind) => kind switch
        {
            TimingKind.Immediately => (["hours"], 1, 72),
            TimingKind.WithinHours => (["hours"], 1, 720),
            TimingKind.WorkingDays => (["fromWorkingDay", "toWorkingDay"], 1, 60),
            TimingKind.WithinDays => (["days"], 1, 60),
            TimingKind.MonthlyBatch => (["batchDay"], 1, 31),
            _ => null,
        };
    }
}
