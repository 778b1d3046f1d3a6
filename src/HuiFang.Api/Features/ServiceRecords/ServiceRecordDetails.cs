using HuiFang.Api.Domain.Common;
using System.Globalization;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.FollowUp;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Services.Planning;

namespace HuiFang.Api.Features.ServiceRecords;

/// <summary>A service record HuiFang received, with the follow-up policy's decision about it.</summary>
/// <param name="WorkOrderNo">Work-order number in the reporting system; the record's key.</param>
/// <param name="Customer">The customer (phone masked without scope pii:read).</param>
/// <param name="ServiceRecord">The completed job.</param>
/// <param name="Source">Api or Broker.</param>
/// <param name="ReceivedAt">When HuiFang received it (UTC).</param>
/// <param name="Decision">Whether the job gets a follow-up, and why.</param>
/// <param name="PersonalDataErasedAt">When the customer's personal data was erased, if it was.</param>
public sealed record ServiceRecordDetails(
    string WorkOrderNo,
    CustomerResponse Customer,
    ServiceRecordResponse ServiceRecord,
    IntakeSource Source,
    DateTimeOffset ReceivedAt,
    FollowUpDecision Decision,
    DateTimeOffset? PersonalDataErasedAt)
{
    public static ServiceRecordDetails From(ServiceRecord r, bool revealPhone) => new(
        r.WorkOrderNo,
        new CustomerResponse(r.CustomerExternalId, r.CustomerName, revealPhone ? r.CustomerPhone : PhoneMask.Mask(r.CustomerPhone), r.CustomerPreferredChannel),
        new ServiceRecordResponse(r.WorkOrderNo, r.ServiceType, r.Description, r.CompletedAt, r.Staff, r.Department),
        r.Source,
        r.ReceivedAt,
        FollowUpDecision.From(r),
        r.PersonalDataErasedAt);
}

/// <summary>
/// The follow-up policy's decision about one service record, with every number behind it: an auditor can
/// recompute it from the policy version, the sampling key and the month's earlier records.
/// </summary>
/// <param name="Outcome">Selected (a task was planned), AlreadyPlanned (a task for the work order existed), DoNotDisturb (chosen, but the customer had a follow-up too recently), NotSelected, DoNotContact (chosen, but the customer asked not to be contacted).</param>
/// <param name="Selected">True for Selected and AlreadyPlanned: the record counts as a visit in the month's quota.</param>
/// <param name="Rule">The selection rule that decided.</param>
/// <param name="DefaultRuleApplied">True when no rule names the service type and the default rule decided.</param>
/// <param name="Mode">The rule's mode.</param>
/// <param name="Reason">Always, Never, TierQuotaReached, HashBelowRate, HashAboveRate, BehindTarget, AheadOfTarget.</param>
/// <param name="Month">The tenant-local month of completion: the sampling period.</param>
/// <param name="MonthVolume">The month's volume of the rule so far, this record included (its position).</param>
/// <param name="SelectedBefore">Records of the rule and month chosen before this one.</param>
/// <param name="Rate">The share the rule asks for at this position (0–1).</param>
/// <param name="Target">Visits the rule asks for over the month's records so far.</param>
/// <param name="HashScore">The record's keyed hash score in [0, 1), when the rate was a share.</param>
/// <param name="Tier">The tier the position falls in, for a tiered rule.</param>
/// <param name="Purpose">Purpose of the (planned) visit.</param>
/// <param name="Channel">Channel of the (planned) visit.</param>
/// <param name="Timing">The timing rule of the service type.</param>
/// <param name="DueFrom">Start of the planned due window, when the record was chosen.</param>
/// <param name="DueBy">End of the planned due window.</param>
/// <param name="VisitTaskId">The visit task, for Selected and AlreadyPlanned.</param>
/// <param name="ConflictingTaskId">For DoNotDisturb: the customer's visit that was too close.</param>
/// <param name="PolicyVersion">The version of the follow-up policy that decided (the ETag of GET /api/v1/policies/follow-up then; 0: the defaults).</param>
/// <param name="Explanation">The decision in one paragraph (English or Chinese by Accept-Language).</param>
public sealed record FollowUpDecision(
    IntakeOutcome Outcome,
    bool Selected,
    string Rule,
    bool DefaultRuleApplied,
    SelectionMode Mode,
    SelectionReason Reason,
    string Month,
    int MonthVolume,
    int SelectedBefore,
    double Rate,
    double Target,
    double? HashScore,
    TierResponse? Tier,
    VisitPurpose Purpose,
    ContactChannel Channel,
    TimingKind Timing,
    DateTimeOffset? DueFrom,
    DateTimeOffset? DueBy,
    Guid? VisitTaskId,
    Guid? ConflictingTaskId,
    int PolicyVersion,
    string Explanation)
{
    public static FollowUpDecision From(ServiceRecord r) => new(
        r.Outcome,
        r.Selected,
        r.RuleName,
        r.DefaultRuleApplied,
        r.Mode,
        r.Reason,
        r.Month,
        r.Position,
        r.SelectedBefore,
        r.Rate,
        r.Target,
        r.HashScore is { } h ? Math.Round(h, 6) : null,
        r.TierFrom is { } from ? new TierResponse(from, r.TierUpTo, r.TierPercent, r.TierCount) : null,
        r.Purpose,
        r.Channel,
        r.Timing,
        r.DueFrom,
        r.DueBy,
        r.VisitTaskId,
        r.ConflictingTaskId,
        r.PolicyVersion,
        Explain(r));

    /// <summary>The decision in words: which rule, which share at which position, what the hash or the count said, and what came of it.</summary>
    public static string Explain(ServiceRecord r)
    {
        static string N(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
        var parts = new List<string>();
        if (r.DefaultRuleApplied)
        {
            parts.Add(Messages.Get("decision.defaultRule", r.ServiceType));
        }

        var share = r.Mode switch
        {
            SelectionMode.Tiered when r.TierFrom is { } from => Messages.Get(
                "decision.tier",
                r.RuleName,
                r.Position,
                r.Month,
                r.TierUpTo is { } upTo ? $"{from}–{upTo}" : $"{from}+",
                r.TierPercent is { } p ? $"{p} %" : Messages.Get("decision.tierCount", r.TierCount)),
            SelectionMode.Percentage => Messages.Get("decision.percentage", r.RuleName, N(r.Rate * 100), r.Position, r.Month),
            _ => Messages.Get("decision.mode", r.RuleName, r.Mode, r.Position, r.Month),
        };
        parts.Add(share);
        parts.Add(r.Reason switch
        {
            SelectionReason.HashBelowRate => Messages.Get("decision.hashBelow", N(r.HashScore ?? 0), N(r.Rate), r.SelectedBefore, N(r.Target)),
            SelectionReason.HashAboveRate => Messages.Get("decision.hashAbove", N(r.HashScore ?? 0), N(r.Rate), r.SelectedBefore, N(r.Target)),
            SelectionReason.BehindTarget => Messages.Get("decision.behind", r.SelectedBefore, N(r.Target)),
            SelectionReason.AheadOfTarget => Messages.Get("decision.ahead", r.SelectedBefore, N(r.Target)),
            SelectionReason.TierQuotaReached => Messages.Get("decision.quotaReached"),
            SelectionReason.Never => Messages.Get("decision.never"),
            _ => Messages.Get("decision.always"),
        });
        parts.Add(r.Outcome switch
        {
            IntakeOutcome.Selected => Messages.Get("decision.planned", r.Timing, r.DueFrom?.ToString("u", CultureInfo.InvariantCulture), r.DueBy?.ToString("u", CultureInfo.InvariantCulture)),
            IntakeOutcome.AlreadyPlanned => Messages.Get("decision.alreadyPlanned", r.VisitTaskId),
            IntakeOutcome.DoNotDisturb => Messages.Get("decision.doNotDisturb", r.ConflictingTaskId),
            IntakeOutcome.DoNotContact => Messages.Get("decision.doNotContact"),
            _ => Messages.Get("decision.notPlanned"),
        });
        return string.Join(" ", parts);
    }
}

/// <summary>The tier a record's position fell in.</summary>
/// <param name="From">First order number of the band.</param>
/// <param name="UpTo">Last order number of the band; null for the open last band.</param>
/// <param name="Percent">Share of the band visited.</param>
/// <param name="Count">Or a fixed number of the band's orders.</param>
public sealed record TierResponse(int From, int? UpTo, int? Percent, int? Count);

/// <summary>The expected failures of service records.</summary>
public static class ServiceRecordErrors
{
    public static Error NotFound(string workOrderNo) =>
        new(ErrorKind.NotFound, "service-record-not-found", "serviceRecord.notFound", [workOrderNo]);

    public static Error Conflict(string workOrderNo) =>
        new(ErrorKind.Conflict, "service-record-conflict", "serviceRecord.conflict", [workOrderNo],
            new Dictionary<string, object?> { ["workOrderNo"] = workOrderNo });
}
