using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Domain.Quality;
using HuiFang.Api.Domain.Tenants;

namespace HuiFang.Api.Domain.CorrectiveActions;

/// <summary>
/// A corrective and preventive action (不合格/纠正预防措施报告): a non-conformity, its root cause, the corrective and preventive
/// measures, an owner and a due date, the feedback and escalations it is about, and the quality department's verification of
/// its effectiveness — who checked, when, whether it was effective, and the evidence: the recurrence rule re-run over the
/// period after implementation. Lifecycle: Proposed → Open → Implemented → Closed; Proposed → Dismissed; Implemented and
/// found not effective → Open again. At most one action per <see cref="ProblemKey"/> is live (proposed, open or implemented).
/// </summary>
public sealed class CorrectiveAction : AggregateRoot, ITenantOwned
{
    /// <summary>How many feedback records and escalations one action may link (each kind).</summary>
    public const int MaxLinks = 200;

    /// <summary>The longest "who" (a caller's display name and id) kept on the record.</summary>
    public const int MaxByLength = 200;

    private readonly List<CorrectiveActionLink> _links = [];

    private CorrectiveAction()
    {
    }

    public Guid Id { get; private set; }

    public string TenantId { get; private set; } = "";

    public CorrectiveActionSource Source { get; private set; }

    public CorrectiveActionStatus Status { get; private set; }

    /// <summary>What went wrong (不合格事实).</summary>
    public string NonConformity { get; private set; } = "";

    public string? RootCause { get; private set; }

    /// <summary>What is done about this occurrence (纠正措施).</summary>
    public string? CorrectiveMeasure { get; private set; }

    /// <summary>What keeps it from happening again (预防措施).</summary>
    public string? PreventiveMeasure { get; private set; }

    public string? Owner { get; private set; }

    /// <summary>The day (tenant-local) by which the action is to be implemented.</summary>
    public DateOnly DueDate { get; private set; }

    /// <summary>The instant the due date ends in the tenant's time zone: past it, an action not implemented is overdue.</summary>
    public DateTimeOffset DueAt { get; private set; }

    /// <summary>The problem the action is about, when it has one (always for a proposal).</summary>
    public RecurrenceKind? ProblemKind { get; private set; }

    public string? ProblemServiceType { get; private set; }

    public string? ProblemDepartment { get; private set; }

    public FeedbackCategory? ProblemCategory { get; private set; }

    /// <summary><see cref="Problem"/> as text (<see cref="ProblemKey.ToString"/>); indexed: one live action per key.</summary>
    public string? ProblemKeyText { get; private set; }

    public ProblemKey? Problem => ProblemKind is { } kind ? new ProblemKey(kind, ProblemServiceType, ProblemDepartment, ProblemCategory) : null;

    /// <summary>The department the action belongs to: the problem's, else the one it was opened for.</summary>
    public string? Department { get; private set; }

    /// <summary>The weekly-review item whose decision opened it.</summary>
    public Guid? ReviewItemId { get; private set; }

    public IReadOnlyList<CorrectiveActionLink> Links => _links;

    public IEnumerable<Guid> FeedbackIds => _links.Where(l => l.Kind == CorrectiveActionLinkKind.Feedback).Select(l => l.TargetId);

    public IEnumerable<Guid> EscalationIds => _links.Where(l => l.Kind == CorrectiveActionLinkKind.Escalation).Select(l => l.TargetId);

    public DateTimeOffset OpenedAt { get; private set; }

    public string? OpenedBy { get; private set; }

    /// <summary>When a proposal was taken (null for an action opened as open).</summary>
    public DateTimeOffset? AcceptedAt { get; private set; }

    public DateTimeOffset? ImplementedAt { get; private set; }

    public string? ImplementedBy { get; private set; }

    public DateTimeOffset? VerifiedAt { get; private set; }

    public string? VerifiedBy { get; private set; }

    public bool? Effective { get; private set; }

    public string? VerificationNote { get; private set; }

    public DateTimeOffset? EvidenceFrom { get; private set; }

    public DateTimeOffset? EvidenceTo { get; private set; }

    public int? EvidenceOccurrences { get; private set; }

    public int? EvidenceMostInWindow { get; private set; }

    public int? EvidenceThreshold { get; private set; }

    public int? EvidenceWindowDays { get; private set; }

    public bool? EvidenceRecurred { get; private set; }

    /// <summary>The recurrence rule re-run after implementation, as the verification stored it; null without a problem or before verification.</summary>
    public RecurrenceEvidence? Evidence =>
        EvidenceFrom is { } from && EvidenceTo is { } to
            ? new RecurrenceEvidence(from, to, EvidenceOccurrences ?? 0, EvidenceMostInWindow ?? 0, EvidenceThreshold ?? 0, EvidenceWindowDays ?? 0, EvidenceRecurred ?? false)
            : null;

    public DateTimeOffset? ClosedAt { get; private set; }

    public string? ClosedBy { get; private set; }

    /// <summary>Whether it was closed as effective (the verification's finding).</summary>
    public bool? ClosedEffective { get; private set; }

    public DateTimeOffset? DismissedAt { get; private set; }

    public string? DismissedBy { get; private set; }

    public string? DismissReason { get; private set; }

    /// <summary>How many times verification found it not effective and it was opened again.</summary>
    public int Reopened { get; private set; }

    /// <summary>When <c>CorrectiveActionOverdue</c> was raised, for <see cref="OverdueRaisedFor"/>.</summary>
    public DateTimeOffset? OverdueRaisedAt { get; private set; }

    /// <summary>The due date the overdue event was raised for: a new due date can fall overdue again, the same one never twice.</summary>
    public DateOnly? OverdueRaisedFor { get; private set; }

    /// <summary>Incremented on every change; the optimistic-concurrency token.</summary>
    public int Version { get; private set; }

    /// <summary>Proposed, open or implemented: it holds its problem key.</summary>
    public bool IsLive => Status is CorrectiveActionStatus.Proposed or CorrectiveActionStatus.Open or CorrectiveActionStatus.Implemented;

    /// <summary>Not implemented yet and past its due date at <paramref name="now"/>.</summary>
    public bool IsOverdueAt(DateTimeOffset now) => Status is CorrectiveActionStatus.Proposed or CorrectiveActionStatus.Open && now >= DueAt;

    /// <summary>
    /// A new action: <see cref="CorrectiveActionStatus.Proposed"/> when the recurrence rule proposes it, else
    /// <see cref="CorrectiveActionStatus.Open"/>. <paramref name="dueAt"/> is the end of <paramref name="dueDate"/> in the tenant's time zone.
    /// </summary>
    public static CorrectiveAction Open(
        Guid id,
        CorrectiveActionSource source,
        string nonConformity,
        string? owner,
        DateOnly dueDate,
        DateTimeOffset dueAt,
        ProblemKey? problem,
        string? department,
        Guid? reviewItemId,
        IEnumerable<Guid> feedbackIds,
        IEnumerable<Guid> escalationIds,
        string? by,
        DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nonConformity);
        if (problem is not null && !problem.IsWellFormed)
        {
            throw new ArgumentException("The problem key does not name what its kind needs.", nameof(problem));
        }

        var action = new CorrectiveAction
        {
            Id = id,
            Source = source,
            Status = source == CorrectiveActionSource.Recurrence ? CorrectiveActionStatus.Proposed : CorrectiveActionStatus.Open,
            NonConformity = nonConformity,
            Owner = owner,
            DueDate = dueDate,
            DueAt = dueAt.ToUniversalTime(),
            ProblemKind = problem?.Kind,
            ProblemServiceType = problem?.ServiceType,
            ProblemDepartment = problem?.Department,
            ProblemCategory = problem?.Category,
            ProblemKeyText = problem?.ToString(),
            Department = problem is not null ? problem.Department : string.IsNullOrEmpty(department) ? null : department,
            ReviewItemId = reviewItemId,
            OpenedAt = now.ToUniversalTime(),
            OpenedBy = by,
            Version = 1,
        };
        action.AddLinks(CorrectiveActionLinkKind.Feedback, feedbackIds, by, now);
        action.AddLinks(CorrectiveActionLinkKind.Escalation, escalationIds, by, now);
        action.Raise(new CorrectiveActionOpened(action, by, now));
        return action;
    }

    /// <summary>
    /// Changes the fields given (null leaves a field as it is); a closed or dismissed action is not changed. The due date
    /// only until the action is implemented.
    /// </summary>
    public Outcome Update(CorrectiveActionFields fields, string? by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (!IsLive)
        {
            return CorrectiveActionErrors.InvalidTransition(this, "update");
        }

        if (fields.Due is not null && Status == CorrectiveActionStatus.Implemented)
        {
            return CorrectiveActionErrors.InvalidTransition(this, "update-due-date");
        }

        var changed = new List<string>();
        if (fields.NonConformity is { } n && n != NonConformity)
        {
            NonConformity = n;
            changed.Add("nonConformity");
        }

        if (fields.RootCause is { } r && r != RootCause)
        {
            RootCause = r;
            changed.Add("rootCause");
        }

        if (fields.CorrectiveMeasure is { } c && c != CorrectiveMeasure)
        {
            CorrectiveMeasure = c;
            changed.Add("correctiveAction");
        }

        if (fields.PreventiveMeasure is { } p && p != PreventiveMeasure)
        {
            PreventiveMeasure = p;
            changed.Add("preventiveAction");
        }

        if (fields.Owner is { } o && o != Owner)
        {
            Owner = o;
            changed.Add("owner");
        }

        if (fields.Due is { } due && due.Date != DueDate)
        {
            DueDate = due.Date;
            DueAt = due.EndsAt.ToUniversalTime();
            changed.Add("dueDate");
        }

        if (changed.Count > 0)
        {
            Touch();
            Raise(new CorrectiveActionUpdated(this, changed, by, now));
        }

        return Outcome.Ok;
    }

    /// <summary>A proposal is taken: it becomes an open action.</summary>
    public Outcome Accept(string? by, string? note, DateTimeOffset now)
    {
        if (Status != CorrectiveActionStatus.Proposed)
        {
            return CorrectiveActionErrors.InvalidTransition(this, "accept");
        }

        Status = CorrectiveActionStatus.Open;
        AcceptedAt = now.ToUniversalTime();
        Touch();
        Raise(new CorrectiveActionAccepted(this, by, note, now));
        return Outcome.Ok;
    }

    /// <summary>A proposal is not taken; it lets go of its problem key (the rule may propose again on the next recurrence).</summary>
    public Outcome Dismiss(string? by, string? reason, DateTimeOffset now)
    {
        if (Status != CorrectiveActionStatus.Proposed)
        {
            return CorrectiveActionErrors.InvalidTransition(this, "dismiss");
        }

        Status = CorrectiveActionStatus.Dismissed;
        DismissedAt = now.ToUniversalTime();
        DismissedBy = by;
        DismissReason = reason;
        Touch();
        Raise(new CorrectiveActionDismissed(this, by, reason, now));
        return Outcome.Ok;
    }

    /// <summary>The measures were carried out: an open action with its root cause and corrective measure written down.</summary>
    public Outcome Implement(string? by, string? note, DateTimeOffset now)
    {
        if (Status != CorrectiveActionStatus.Open)
        {
            return CorrectiveActionErrors.InvalidTransition(this, "implement");
        }

        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(RootCause))
        {
            missing.Add("rootCause");
        }

        if (string.IsNullOrWhiteSpace(CorrectiveMeasure))
        {
            missing.Add("correctiveAction");
        }

        if (missing.Count > 0)
        {
            return CorrectiveActionErrors.Incomplete(this, missing);
        }

        Status = CorrectiveActionStatus.Implemented;
        ImplementedAt = now.ToUniversalTime();
        ImplementedBy = by;
        Touch();
        Raise(new CorrectiveActionImplemented(this, by, note, now));
        return Outcome.Ok;
    }

    /// <summary>
    /// The effectiveness is checked, once per implementation: by whom, whether it was effective, and the
    /// <paramref name="evidence"/> (null when the action has no problem to re-run the rule for).
    /// </summary>
    public Outcome Verify(bool effective, RecurrenceEvidence? evidence, string? by, string? note, DateTimeOffset now)
    {
        if (Status != CorrectiveActionStatus.Implemented)
        {
            return CorrectiveActionErrors.InvalidTransition(this, "verify");
        }

        if (VerifiedAt is not null)
        {
            return CorrectiveActionErrors.AlreadyVerified(this);
        }

        VerifiedAt = now.ToUniversalTime();
        VerifiedBy = by;
        Effective = effective;
        VerificationNote = note;
        EvidenceFrom = evidence?.From.ToUniversalTime();
        EvidenceTo = evidence?.To.ToUniversalTime();
        EvidenceOccurrences = evidence?.Occurrences;
        EvidenceMostInWindow = evidence?.MostInWindow;
        EvidenceThreshold = evidence?.Threshold;
        EvidenceWindowDays = evidence?.WindowDays;
        EvidenceRecurred = evidence?.Recurred;
        Touch();
        Raise(new CorrectiveActionVerified(this, now));
        return Outcome.Ok;
    }

    /// <summary>A verified action is closed, as effective or not as the verification found.</summary>
    public Outcome Close(string? by, string? note, DateTimeOffset now)
    {
        if (Status != CorrectiveActionStatus.Implemented)
        {
            return CorrectiveActionErrors.InvalidTransition(this, "close");
        }

        if (VerifiedAt is null)
        {
            return CorrectiveActionErrors.NotVerified(this, "close");
        }

        Status = CorrectiveActionStatus.Closed;
        ClosedAt = now.ToUniversalTime();
        ClosedBy = by;
        ClosedEffective = Effective;
        Touch();
        Raise(new CorrectiveActionClosed(this, by, note, now));
        return Outcome.Ok;
    }

    /// <summary>
    /// Verification found the action not effective: it is open again for a new root cause and measures; the verification is
    /// cleared (it stays in the history) and a new due date may be given.
    /// </summary>
    public Outcome Reopen(CorrectiveActionDue? due, string? by, string? reason, DateTimeOffset now)
    {
        if (Status != CorrectiveActionStatus.Implemented)
        {
            return CorrectiveActionErrors.InvalidTransition(this, "reopen");
        }

        if (VerifiedAt is null)
        {
            return CorrectiveActionErrors.NotVerified(this, "reopen");
        }

        if (Effective == true)
        {
            return CorrectiveActionErrors.FoundEffective(this);
        }

        Status = CorrectiveActionStatus.Open;
        ImplementedAt = null;
        ImplementedBy = null;
        VerifiedAt = null;
        VerifiedBy = null;
        Effective = null;
        VerificationNote = null;
        EvidenceFrom = null;
        EvidenceTo = null;
        EvidenceOccurrences = null;
        EvidenceMostInWindow = null;
        EvidenceThreshold = null;
        EvidenceWindowDays = null;
        EvidenceRecurred = null;
        if (due is not null)
        {
            DueDate = due.Date;
            DueAt = due.EndsAt.ToUniversalTime();
        }

        Reopened++;
        Touch();
        Raise(new CorrectiveActionReopened(this, by, reason, now));
        return Outcome.Ok;
    }

    /// <summary>Links feedback records and escalations (those already linked are left as they are); not once closed or dismissed.</summary>
    public Outcome Link(IEnumerable<Guid> feedbackIds, IEnumerable<Guid> escalationIds, string? by, DateTimeOffset now)
    {
        if (!IsLive)
        {
            return CorrectiveActionErrors.InvalidTransition(this, "link");
        }

        var feedback = feedbackIds.Distinct().Where(id => !FeedbackIds.Contains(id)).ToList();
        var escalations = escalationIds.Distinct().Where(id => !EscalationIds.Contains(id)).ToList();
        if (FeedbackIds.Count() + feedback.Count > MaxLinks || EscalationIds.Count() + escalations.Count > MaxLinks)
        {
            return CorrectiveActionErrors.TooManyLinks(MaxLinks);
        }

        var added = AddLinks(CorrectiveActionLinkKind.Feedback, feedback, by, now).Concat(AddLinks(CorrectiveActionLinkKind.Escalation, escalations, by, now)).ToList();
        if (added.Count > 0)
        {
            Touch();
            Raise(new CorrectiveActionLinked(this, added, now));
        }

        return Outcome.Ok;
    }

    /// <summary>
    /// True the first time the action is found past its due date, not implemented, for that due date. The monitor's
    /// bookkeeping: the version (ETag) stays, as for a survey's reminder; the write still carries the version it read.
    /// </summary>
    public bool MarkOverdue(DateTimeOffset now)
    {
        if (!IsOverdueAt(now) || OverdueRaisedFor == DueDate)
        {
            return false;
        }

        OverdueRaisedAt = now.ToUniversalTime();
        OverdueRaisedFor = DueDate;
        Raise(new CorrectiveActionFoundOverdue(this, now));
        return true;
    }

    private List<CorrectiveActionLink> AddLinks(CorrectiveActionLinkKind kind, IEnumerable<Guid> ids, string? by, DateTimeOffset now)
    {
        var added = new List<CorrectiveActionLink>();
        foreach (var id in ids.Distinct())
        {
            if (!_links.Any(l => l.Kind == kind && l.TargetId == id))
            {
                var link = new CorrectiveActionLink(kind, id, by, now);
                _links.Add(link);
                added.Add(link);
            }
        }

        return added;
    }

    private void Touch() => Version++;
}

/// <summary>A due date and the instant it ends in the tenant's time zone.</summary>
public sealed record CorrectiveActionDue(DateOnly Date, DateTimeOffset EndsAt);

/// <summary>The fields of an action a caller may change; null leaves one as it is.</summary>
public sealed record CorrectiveActionFields(
    string? NonConformity = null,
    string? RootCause = null,
    string? CorrectiveMeasure = null,
    string? PreventiveMeasure = null,
    string? Owner = null,
    CorrectiveActionDue? Due = null);
