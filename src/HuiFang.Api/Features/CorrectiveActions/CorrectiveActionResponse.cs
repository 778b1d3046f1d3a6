using HuiFang.Api.Common;
using HuiFang.Api.Domain.CorrectiveActions;
using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Domain.Quality;

namespace HuiFang.Api.Features.CorrectiveActions;

/// <summary>A corrective and preventive action (纠正预防措施) as callers see it.</summary>
/// <param name="Id">Corrective action id.</param>
/// <param name="Source">How it was opened: Manual, Review (a weekly review's decision) or Recurrence (proposed by the recurrence rule).</param>
/// <param name="Status">Proposed, Open, Implemented, Closed or Dismissed.</param>
/// <param name="NonConformity">What went wrong (不合格事实).</param>
/// <param name="RootCause">Why it happened, once known.</param>
/// <param name="CorrectiveAction">What is done about it (纠正措施).</param>
/// <param name="PreventiveAction">What keeps it from happening again (预防措施).</param>
/// <param name="Owner">Who carries it out.</param>
/// <param name="DueDate">The tenant-local day by which it is to be implemented.</param>
/// <param name="DueAt">When that day ends in the tenant's time zone (UTC).</param>
/// <param name="Overdue">True when it is past its due date and not implemented yet (Proposed or Open).</param>
/// <param name="Department">The department it belongs to (the problem's), if any.</param>
/// <param name="Problem">The recurring problem it is about, if any; at most one live action per problem.</param>
/// <param name="ReviewItemId">The weekly-review item whose decision opened it, if any.</param>
/// <param name="FeedbackIds">The feedback records it is about.</param>
/// <param name="EscalationIds">The escalations it is about.</param>
/// <param name="OpenedAt">When it was opened (proposed).</param>
/// <param name="OpenedBy">Who opened it; null for a proposal of the recurrence rule.</param>
/// <param name="AcceptedAt">When a proposal was taken.</param>
/// <param name="ImplementedAt">When it was reported implemented (cleared when reopened).</param>
/// <param name="ImplementedBy">Who reported it.</param>
/// <param name="Verification">The verification of effectiveness of the current implementation, once done.</param>
/// <param name="ClosedAt">When it was closed.</param>
/// <param name="ClosedBy">Who closed it.</param>
/// <param name="ClosedEffective">Whether it was closed as effective.</param>
/// <param name="DismissedAt">When a proposal was dismissed.</param>
/// <param name="DismissedBy">Who dismissed it.</param>
/// <param name="DismissReason">Why.</param>
/// <param name="Reopened">How many times verification found it not effective and it was opened again.</param>
/// <param name="OverdueRaisedAt">When <c>CorrectiveActionOverdue</c> was raised for the due date it had then.</param>
/// <param name="Version">Incremented on every change; the ETag is this number in quotes.</param>
public sealed record CorrectiveActionResponse(
    Guid Id,
    CorrectiveActionSource Source,
    CorrectiveActionStatus Status,
    string NonConformity,
    string? RootCause,
    string? CorrectiveAction,
    string? PreventiveAction,
    string? Owner,
    DateOnly DueDate,
    DateTimeOffset DueAt,
    bool Overdue,
    string? Department,
    ProblemResponse? Problem,
    Guid? ReviewItemId,
    IReadOnlyList<Guid> FeedbackIds,
    IReadOnlyList<Guid> EscalationIds,
    DateTimeOffset OpenedAt,
    string? OpenedBy,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? ImplementedAt,
    string? ImplementedBy,
    VerificationResponse? Verification,
    DateTimeOffset? ClosedAt,
    string? ClosedBy,
    bool? ClosedEffective,
    DateTimeOffset? DismissedAt,
    string? DismissedBy,
    string? DismissReason,
    int Reopened,
    DateTimeOffset? OverdueRaisedAt,
    int Version) : IVersioned
{
    public static CorrectiveActionResponse From(Domain.CorrectiveActions.CorrectiveAction a, DateTimeOffset now) => new(
        a.Id,
        a.Source,
        a.Status,
        a.NonConformity,
        a.RootCause,
        a.CorrectiveMeasure,
        a.PreventiveMeasure,
        a.Owner,
        a.DueDate,
        a.DueAt,
        a.IsOverdueAt(now),
        a.Department,
        a.Problem is { } p ? new ProblemResponse(p.Kind, p.ServiceType, p.Department, p.Category, p.ToString()) : null,
        a.ReviewItemId,
        [.. a.FeedbackIds],
        [.. a.EscalationIds],
        a.OpenedAt,
        a.OpenedBy,
        a.AcceptedAt,
        a.ImplementedAt,
        a.ImplementedBy,
        a.VerifiedAt is { } at
            ? new VerificationResponse(at, a.VerifiedBy, a.Effective == true, a.VerificationNote, a.Evidence is { } e ? EvidenceResponse.Of(e) : null)
            : null,
        a.ClosedAt,
        a.ClosedBy,
        a.ClosedEffective,
        a.DismissedAt,
        a.DismissedBy,
        a.DismissReason,
        a.Reopened,
        a.OverdueRaisedAt,
        a.Version);
}

/// <summary>What "the same problem" is for the recurrence rule.</summary>
/// <param name="Kind">ServiceTypeAndDepartment (unsatisfied feedback of one service type in one department) or Category (feedback of one category — Complaint or Suggestion — in one department).</param>
/// <param name="ServiceType">The service type (ServiceTypeAndDepartment).</param>
/// <param name="Department">The department; null for feedback without one.</param>
/// <param name="Category">The category (Category).</param>
/// <param name="Key">The problem as one stable string, e.g. <c>ServiceTypeAndDepartment:repair|engineering</c>.</param>
public sealed record ProblemResponse(RecurrenceKind Kind, string? ServiceType, string? Department, FeedbackCategory? Category, string Key);

/// <summary>The quality department's check of whether the action worked.</summary>
/// <param name="VerifiedAt">When it was checked.</param>
/// <param name="VerifiedBy">Who checked.</param>
/// <param name="Effective">Whether it was found effective.</param>
/// <param name="Note">What the verifier wrote.</param>
/// <param name="Evidence">The recurrence rule re-run over the period after implementation; null when the action has no problem.</param>
public sealed record VerificationResponse(DateTimeOffset VerifiedAt, string? VerifiedBy, bool Effective, string? Note, EvidenceResponse? Evidence);

/// <summary>The recurrence rule re-run over a period.</summary>
/// <param name="From">Start of the period: when the action was implemented.</param>
/// <param name="To">End: when it was verified.</param>
/// <param name="Occurrences">Occurrences of the problem in the period.</param>
/// <param name="MostInWindow">The most of them within any one window of windowDays days.</param>
/// <param name="Threshold">The policy's threshold N.</param>
/// <param name="WindowDays">The policy's window.</param>
/// <param name="Recurred">True when mostInWindow reached the threshold: the problem still recurs.</param>
public sealed record EvidenceResponse(DateTimeOffset From, DateTimeOffset To, int Occurrences, int MostInWindow, int Threshold, int WindowDays, bool Recurred)
{
    public static EvidenceResponse Of(RecurrenceEvidence e) => new(e.From, e.To, e.Occurrences, e.MostInWindow, e.Threshold, e.WindowDays, e.Recurred);
}
