using System.Text.Json;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Escalations;
using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Infrastructure.Http;
using HuiFang.Api.Infrastructure.Persistence;

namespace HuiFang.Api.Services.Policies;

/// <summary>
/// A tenant's feedback and escalation rules as callers send and read them. Every field is optional on
/// a PUT: a missing one takes the service default (shown by GET on a tenant without rules of its own).
/// Durations are "hh:mm:ss" or "d.hh:mm:ss".
/// </summary>
/// <param name="Verdict">Score bands of the verdict: 4–5 satisfied, 1–2 unsatisfied by default.</param>
/// <param name="EscalateComplaints">Open an escalation for every complaint (default true).</param>
/// <param name="EscalateUnsatisfied">Open an escalation for every unsatisfied verdict (default true).</param>
/// <param name="EscalateNeutral">Also for a neutral verdict (default false).</param>
/// <param name="Urgent">SLA of urgent escalations: respond within 2 h, resolve within 24 h, wall-clock.</param>
/// <param name="General">SLA of general escalations: respond within 24 h wall-clock, resolve within 24 working hours.</param>
/// <param name="WarningPercent">A warning is raised when this share of a target's time is used (1–99, default 75).</param>
/// <param name="ReminderInterval">Working time between automatic reminders (催办) while a target is breached (default 4 h).</param>
/// <param name="MaxCycles">Handling cycles before a manager takes the escalation over (1–10, default 3).</param>
/// <param name="RevisitWithin">How soon after the fix the customer is revisited (default 24 h).</param>
/// <param name="RevisitClosesFrom">Lowest revisit verdict that closes the loop: Satisfied (default) or Neutral.</param>
/// <param name="InquiryReplyWithin">Promised reply time for an inquiry not answered on the call (default 24 h).</param>
/// <param name="LateAfter">Feedback recorded later than this after the call ended is flagged late (default 10 min).</param>
/// <param name="DefaultDepartment">Department when no route matches and the work order names none.</param>
/// <param name="Routes">Routing rules; the most specific match wins (service type and department, then one of them).</param>
public sealed record EscalationPolicySettings(
    VerdictSettings? Verdict = null,
    bool? EscalateComplaints = null,
    bool? EscalateUnsatisfied = null,
    bool? EscalateNeutral = null,
    SeveritySlaSettings? Urgent = null,
    SeveritySlaSettings? General = null,
    int? WarningPercent = null,
    TimeSpan? ReminderInterval = null,
    int? MaxCycles = null,
    TimeSpan? RevisitWithin = null,
    Verdict? RevisitClosesFrom = null,
    TimeSpan? InquiryReplyWithin = null,
    TimeSpan? LateAfter = null,
    string? DefaultDepartment = null,
    IReadOnlyList<RoutingRuleSettings>? Routes = null) : IPolicySettings<EscalationPolicySettings, EscalationPolicy>
{
    public EscalationPolicy ToPolicy()
    {
        var d = EscalationPolicy.Default;
        return new EscalationPolicy(
            new VerdictThresholds(Verdict?.SatisfiedFrom ?? d.Verdict.SatisfiedFrom, Verdict?.UnsatisfiedUpTo ?? d.Verdict.UnsatisfiedUpTo),
            EscalateComplaints ?? d.EscalateComplaints,
            EscalateUnsatisfied ?? d.EscalateUnsatisfied,
            EscalateNeutral ?? d.EscalateNeutral,
            Merge(Urgent, d.Urgent),
            Merge(General, d.General),
            WarningPercent ?? d.WarningPercent,
            ReminderInterval ?? d.ReminderInterval,
            MaxCycles ?? d.MaxCycles,
            RevisitWithin ?? d.RevisitWithin,
            RevisitClosesFrom ?? d.RevisitClosesFrom,
            InquiryReplyWithin ?? d.InquiryReplyWithin,
            LateAfter ?? d.LateAfter,
            DefaultDepartment ?? d.DefaultDepartment,
            [.. (Routes ?? []).Select(r => new RoutingRule(r.ServiceType, r.Department, r.ToDepartment!, r.Owner, r.Supervisor, r.Manager))]);
    }

    public static EscalationPolicySettings From(EscalationPolicy p) => new(
        new VerdictSettings(p.Verdict.SatisfiedFrom, p.Verdict.UnsatisfiedUpTo),
        p.EscalateComplaints,
        p.EscalateUnsatisfied,
        p.EscalateNeutral,
        From(p.Urgent),
        From(p.General),
        p.WarningPercent,
        p.ReminderInterval,
        p.MaxCycles,
        p.RevisitWithin,
        p.RevisitClosesFrom,
        p.InquiryReplyWithin,
        p.LateAfter,
        p.DefaultDepartment,
        [.. p.Routes.Select(r => new RoutingRuleSettings(r.ServiceType, r.Department, r.ToDepartment, r.Owner, r.Supervisor, r.Manager))]);

    private static SeveritySla Merge(SeveritySlaSettings? given, SeveritySla fallback) => new(
        new SlaTarget(given?.Response?.Duration ?? fallback.Response.Duration, given?.Response?.Clock ?? fallback.Response.Clock),
        new SlaTarget(given?.Resolution?.Duration ?? fallback.Resolution.Duration, given?.Resolution?.Clock ?? fallback.Resolution.Clock));

    private static SeveritySlaSettings From(SeveritySla sla) =>
        new(new SlaTargetSettings(sla.Response.Duration, sla.Response.Clock), new SlaTargetSettings(sla.Resolution.Duration, sla.Resolution.Clock));
}

/// <summary>Score bands of the verdict.</summary>
/// <param name="SatisfiedFrom">Lowest satisfied score (default 4).</param>
/// <param name="UnsatisfiedUpTo">Highest unsatisfied score (default 2); scores between are neutral.</param>
public sealed record VerdictSettings(int? SatisfiedFrom = null, int? UnsatisfiedUpTo = null);

/// <summary>The SLA targets of one severity.</summary>
/// <param name="Response">First response (acknowledgement).</param>
/// <param name="Resolution">Reported fixed.</param>
public sealed record SeveritySlaSettings(SlaTargetSettings? Response = null, SlaTargetSettings? Resolution = null);

/// <summary>One SLA target.</summary>
/// <param name="Duration">Time allowed, e.g. "02:00:00".</param>
/// <param name="Clock">WallClock (every hour counts) or BusinessHours (only the tenant calendar's working intervals).</param>
public sealed record SlaTargetSettings(TimeSpan? Duration = null, SlaClockKind? Clock = null);

/// <summary>Where escalations of matching work orders go.</summary>
/// <param name="ServiceType">Service type of the original work order; null matches any.</param>
/// <param name="Department">Department of the original work order; null matches any.</param>
/// <param name="ToDepartment">The department that handles the escalation.</param>
/// <param name="Owner">The person responsible there, if one is named.</param>
/// <param name="Supervisor">Who takes over at level Supervisor.</param>
/// <param name="Manager">Who takes over at level Manager.</param>
public sealed record RoutingRuleSettings(string? ServiceType = null, string? Department = null, [property: System.ComponentModel.DataAnnotations.Required] string? ToDepartment = null, string? Owner = null, string? Supervisor = null, string? Manager = null);

/// <summary>How the policy is stored on the tenant: the settings shape, with every field filled.</summary>
public static class EscalationPolicyJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    public static string Write(EscalationPolicy policy) => JsonSerializer.Serialize(EscalationPolicySettings.From(policy), Options);

    public static EscalationPolicy Read(string json) => JsonSerializer.Deserialize<EscalationPolicySettings>(json, Options)!.ToPolicy();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        HttpSetup.ConfigureJson(options);
        return options;
    }
}

public sealed class EscalationPolicySettingsValidator : AbstractValidator<EscalationPolicySettings>
{
    private static readonly TimeSpan MaxDuration = TimeSpan.FromDays(365);

    public EscalationPolicySettingsValidator()
    {
        RuleFor(x => x.Verdict!.SatisfiedFrom).InclusiveBetween(1, 5).OverridePropertyName("verdict.satisfiedFrom").When(x => x.Verdict?.SatisfiedFrom is not null);
        RuleFor(x => x.Verdict!.UnsatisfiedUpTo).InclusiveBetween(1, 5).OverridePropertyName("verdict.unsatisfiedUpTo").When(x => x.Verdict?.UnsatisfiedUpTo is not null);
        RuleFor(x => x.Verdict)
            .Must(v => v is null || new VerdictThresholds(v.SatisfiedFrom ?? VerdictThresholds.Default.SatisfiedFrom, v.UnsatisfiedUpTo ?? VerdictThresholds.Default.UnsatisfiedUpTo).IsValid)
            .WithMessage(_ => Messages.Get("policy.verdictBands"));
        RuleFor(x => x.Urgent).SetValidator(new SeveritySlaValidator(EscalationPolicy.Default.Urgent)!);
        RuleFor(x => x.General).SetValidator(new SeveritySlaValidator(EscalationPolicy.Default.General)!);
        RuleFor(x => x.WarningPercent).InclusiveBetween(1, 99);
        RuleFor(x => x.MaxCycles).InclusiveBetween(1, 10);
        Between(x => x.ReminderInterval, TimeSpan.FromMinutes(5), TimeSpan.FromDays(30));
        Between(x => x.RevisitWithin, TimeSpan.FromHours(1), TimeSpan.FromDays(30));
        Between(x => x.InquiryReplyWithin, TimeSpan.FromHours(1), TimeSpan.FromDays(30));
        Between(x => x.LateAfter, TimeSpan.FromMinutes(1), TimeSpan.FromDays(1));
        RuleFor(x => x.RevisitClosesFrom).Must(v => v is null or Verdict.Satisfied or Verdict.Neutral)
            .WithMessage(_ => Messages.Get("policy.revisitClosesFrom"));
        RuleFor(x => x.DefaultDepartment).NotEmpty().MaximumLength(FieldLimits.Code).When(x => x.DefaultDepartment is not null);
        RuleFor(x => x.Routes).Must(r => r is null || r.Count <= 200).WithMessage(_ => Messages.Get("validation.range", 0, 200));
        RuleForEach(x => x.Routes).ChildRules(route =>
        {
            route.RuleFor(r => r.ToDepartment).NotEmpty().MaximumLength(FieldLimits.Code);
            route.RuleFor(r => r.ServiceType!).MaximumLength(FieldLimits.Code).Code().When(r => r.ServiceType is not null);
            route.RuleFor(r => r.Department).MaximumLength(FieldLimits.Code);
            route.RuleFor(r => r.Owner).MaximumLength(FieldLimits.Name);
            route.RuleFor(r => r.Supervisor).MaximumLength(FieldLimits.Name);
            route.RuleFor(r => r.Manager).MaximumLength(FieldLimits.Name);
        });

        // Two rules for the same service type and department would make the route depend on their order.
        RuleFor(x => x.Routes).Custom((routes, context) =>
        {
            var seen = new Dictionary<(string, string), int>();
            for (var i = 0; i < (routes?.Count ?? 0); i++)
            {
                var key = ((routes![i].ServiceType ?? "*").ToUpperInvariant(), (routes[i].Department ?? "*").ToUpperInvariant());
                if (seen.TryGetValue(key, out var first))
                {
                    context.AddFailure($"routes[{i}]", Messages.Get("policy.routeOverlap", i, first, routes[i].ServiceType ?? "*", routes[i].Department ?? "*"));
                }
                else
                {
                    seen[key] = i;
                }
            }
        });
    }

    private void Between(System.Linq.Expressions.Expression<Func<EscalationPolicySettings, TimeSpan?>> field, TimeSpan min, TimeSpan max) =>
        RuleFor(field).Must(d => d is null || (d >= min && d <= max))
            .WithMessage(_ => Messages.Get("validation.range", min.ToString("c"), max.ToString("c")));

    /// <summary>The two targets of a severity, each judged with the clock it names or else the default's.</summary>
    private sealed class SeveritySlaValidator : AbstractValidator<SeveritySlaSettings>
    {
        public SeveritySlaValidator(SeveritySla defaults)
        {
            RuleFor(s => s.Response).SetValidator(new SlaTargetValidator(defaults.Response)!);
            RuleFor(s => s.Resolution).SetValidator(new SlaTargetValidator(defaults.Resolution)!);
        }
    }

    private sealed class SlaTargetValidator : AbstractValidator<SlaTargetSettings>
    {
        public SlaTargetValidator(SlaTarget fallback)
        {
            RuleFor(t => t.Duration).Must(d => d is null || (d > TimeSpan.Zero && d <= MaxDuration))
                .WithMessage(_ => Messages.Get("policy.duration", "00:00:00", MaxDuration.ToString("c")));

            // Business hours are searched in the calendar, which guarantees only so much working time.
            // A target that names no clock keeps the default's.
            RuleFor(t => t.Duration)
                .Must((t, d) => !(d is { } duration && (t.Clock ?? fallback.Clock) == SlaClockKind.BusinessHours
                    && duration > SlaClock.MaxBusinessHoursTarget && duration <= MaxDuration))
                .WithMessage(_ => Messages.Get("policy.businessHoursDuration", SlaClock.MaxBusinessHoursTarget.ToString("c")));
            RuleFor(t => t.Clock).IsInEnum();
        }
    }
}
