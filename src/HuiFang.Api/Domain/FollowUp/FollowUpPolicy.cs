using HuiFang.Api.Domain.VisitTasks;

namespace HuiFang.Api.Domain.FollowUp;

/// <summary>How a selection rule chooses the service records that get a follow-up (回访率).</summary>
public enum SelectionMode
{
    /// <summary>Every record (complaints, emergency repairs, paid services, contractor work: 100 %).</summary>
    Always,

    /// <summary>A share that depends on the month's volume so far (routine repairs: ≤100 → 100 %, 101–300 → 30 %, >300 → 10 %).</summary>
    Tiered,

    /// <summary>A fixed share (community activities: 30 %).</summary>
    Percentage,

    /// <summary>No record.</summary>
    Never,
}

/// <summary>
/// One band of a tiered rule: the month's orders number <c>from</c> (the previous tier's <see cref="UpTo"/> + 1)
/// to <see cref="UpTo"/> (null: no upper end). Of the orders in the band, <see cref="Percent"/> % are visited,
/// or a fixed <see cref="Count"/> of them (spread evenly over a bounded band; the first ones of an open band).
/// </summary>
public sealed record SamplingTier(int? UpTo, int? Percent, int? Count);

/// <summary>A selection rule for a set of service types; records of those types are counted together per month.</summary>
/// <param name="Name">Unique name; decisions and reports refer to it, and it keys the sampling hash.</param>
/// <param name="ServiceTypes">Service type codes the rule covers (case-insensitive).</param>
/// <param name="Mode">How records are chosen.</param>
/// <param name="Percent">The share for <see cref="SelectionMode.Percentage"/>.</param>
/// <param name="Tiers">The bands for <see cref="SelectionMode.Tiered"/>, ascending.</param>
/// <param name="Purpose">Purpose of the visit tasks the rule plans.</param>
/// <param name="Channel">Channel of those tasks; null: the customer's preferred channel, else phone.</param>
public sealed record SelectionRule(
    string Name,
    IReadOnlyList<string> ServiceTypes,
    SelectionMode Mode,
    int? Percent,
    IReadOnlyList<SamplingTier> Tiers,
    VisitPurpose Purpose,
    ContactChannel? Channel)
{
    public bool Covers(string serviceType) => ServiceTypes.Any(t => string.Equals(t, serviceType, StringComparison.OrdinalIgnoreCase));
}

/// <summary>When visits of some service types are due.</summary>
public sealed record TimingRule(IReadOnlyList<string> ServiceTypes, FollowUpTiming Timing)
{
    public bool Covers(string serviceType) => ServiceTypes.Any(t => string.Equals(t, serviceType, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// A tenant's follow-up policy: which completed jobs get a visit, and when. The defaults reproduce the
/// property-management work instructions (document 003 in docs/follow-up-rules.md): complaints, emergency repairs, paid
/// special services and outside contractors' work 100 %; routine repairs, special services and help
/// services sampled by the month's volume; community activities 30 %; routine repairs visited in the
/// monthly batch from the 26th.
/// </summary>
/// <param name="SamplingKey">Key of the sampling hash; null: the tenant id. Changing it changes which orders a share picks.</param>
/// <param name="Rules">Selection rules; a service type belongs to at most one.</param>
/// <param name="DefaultRule">Applies to service types no rule names; the decision says so.</param>
/// <param name="Timings">Timing rules; a service type belongs to at most one.</param>
/// <param name="DefaultTiming">Timing of service types no timing rule names.</param>
public sealed record FollowUpPolicy(
    string? SamplingKey,
    IReadOnlyList<SelectionRule> Rules,
    SelectionRule DefaultRule,
    IReadOnlyList<TimingRule> Timings,
    FollowUpTiming DefaultTiming)
{
    public const string DefaultRuleName = "default";

    /// <summary>The documented timing numbers, kept in one place (also the defaults of <c>HuiFang:VisitTasks:Timing</c>).</summary>
    private static readonly TimingRules Documented = new();

    public static FollowUpPolicy Default { get; } = new(
        SamplingKey: null,
        Rules:
        [
            new("complaints", ["Complaint"], SelectionMode.Always, null, [], VisitPurpose.ComplaintFollowUp, null),
            new("emergency-repairs", ["EmergencyRepair", "UrgentPlumbing"], SelectionMode.Always, null, [], VisitPurpose.AfterSales, null),
            new("paid-and-contractor-work", ["PaidService", "ContractorWork"], SelectionMode.Always, null, [], VisitPurpose.AfterSales, null),
            new(
                "routine-by-volume",
                ["RoutineRepair", "Repair", "SpecialService", "HelpService"],
                SelectionMode.Tiered,
                null,
                [new(100, 100, null), new(300, 30, null), new(null, 10, null)],
                VisitPurpose.AfterSales,
                null),
            new("activities", ["Activity"], SelectionMode.Percentage, 30, [], VisitPurpose.Activity, null),
        ],
        DefaultRule: new(DefaultRuleName, [], SelectionMode.Always, null, [], VisitPurpose.AfterSales, null),
        Timings:
        [
            new(["Complaint"], new FollowUpTiming(TimingKind.WithinHours, Documented.ComplaintFollowUpHours)),
            new(["EmergencyRepair", "UrgentPlumbing"], new FollowUpTiming(TimingKind.Immediately, Documented.EmergencyRepairWorkingHours)),
            new(["RoutineRepair"], new FollowUpTiming(TimingKind.MonthlyBatch, Documented.RoutineRepairBatchDay)),
            new(["HelpService"], new FollowUpTiming(TimingKind.WithinDays, Documented.HelpServiceDays)),
            new(["Activity"], new FollowUpTiming(TimingKind.WithinDays, Documented.ActivityDays)),
        ],
        DefaultTiming: new FollowUpTiming(TimingKind.WorkingDays, Documented.AfterSalesFirstWorkingDay, Documented.AfterSalesLastWorkingDay));

    /// <summary>The rule for a service type, and whether it is the default rule because no rule names the type.</summary>
    public (SelectionRule Rule, bool IsDefault) RuleFor(string serviceType) =>
        Rules.FirstOrDefault(r => r.Covers(serviceType)) is { } rule ? (rule, false) : (DefaultRule, true);

    public FollowUpTiming TimingFor(string serviceType) =>
        Timings.FirstOrDefault(t => t.Covers(serviceType))?.Timing ?? DefaultTiming;

    /// <summary>The rule with this name, the default rule included.</summary>
    public SelectionRule? FindRule(string name) =>
        string.Equals(name, DefaultRule.Name, StringComparison.OrdinalIgnoreCase) ? DefaultRule : Rules.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
}
