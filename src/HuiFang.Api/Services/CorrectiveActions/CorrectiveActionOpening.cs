using HuiFang.Api.Domain.CorrectiveActions;
using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Services.CorrectiveActions;

/// <summary>
/// What a corrective action is opened from: by hand, from a weekly review's decision, or proposed by the recurrence rule.
/// <paramref name="DueDate"/> null: the quality policy's <c>CorrectiveActionDueDays</c> after today (tenant-local).
/// <c>Department</c>: the department the action belongs to when it has no <paramref name="Problem"/> (whose
/// department it takes otherwise).
/// </summary>
public sealed record CorrectiveActionDraft(
    CorrectiveActionSource Source,
    string NonConformity,
    string? Owner,
    DateOnly? DueDate,
    IReadOnlyList<Guid> FeedbackIds,
    IReadOnlyList<Guid> EscalationIds,
    Guid? ReviewItemId,
    ProblemKey? Problem)
{
    public string? Department { get; init; }
}

/// <summary>
/// Opens corrective actions for the caller's tenant; the one way every source opens one. The new action is added to the
/// context: the caller's save commits it (with its <c>CorrectiveActionOpened</c> event and audit entry). At most one action
/// per problem is live: a draft whose problem already has a live action joins it instead — its feedback and escalations are
/// linked to that action, which is returned (a weekly review stores that action's id).
/// </summary>
public sealed class CorrectiveActionOpening(HuiFangDbContext db, CorrectiveActionRules rules, DatabaseDialect dialect, ICurrentCaller caller, TimeProvider clock)
{
    public async Task<CorrectiveAction> OpenAsync(CorrectiveActionDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var now = clock.GetUtcNow();
        var by = CorrectiveActionRules.Who(caller);
        if (draft.Problem is { } problem)
        {
            await dialect.LockCorrectiveActionProblemAsync(db, problem.ToString(), cancellationToken);
            var live = await FindLiveAsync(problem, cancellationToken);
            if (live is not null)
            {
                live.Link(draft.FeedbackIds.Take(CorrectiveAction.MaxLinks), draft.EscalationIds.Take(CorrectiveAction.MaxLinks), by, now);
                return live;
            }
        }

        var due = await rules.DueAsync(draft.DueDate, cancellationToken);
        var action = CorrectiveAction.Open(
            Guid.CreateVersion7(now),
            draft.Source,
            draft.NonConformity,
            draft.Owner,
            due.Date,
            due.EndsAt,
            draft.Problem,
            draft.Department,
            draft.ReviewItemId,
            draft.FeedbackIds.Distinct().Take(CorrectiveAction.MaxLinks),
            draft.EscalationIds.Distinct().Take(CorrectiveAction.MaxLinks),
            by,
            now);
        db.CorrectiveActions.Add(action);
        return action;
    }

    /// <summary>The live (proposed, open or implemented) action of <paramref name="problem"/>, also one added in this unit of work.</summary>
    public async Task<CorrectiveAction?> FindLiveAsync(ProblemKey problem, CancellationToken cancellationToken)
    {
        var key = problem.ToString();
        var tracked = db.ChangeTracker.Entries<CorrectiveAction>()
            .Select(e => e.Entity)
            .FirstOrDefault(a => a.ProblemKeyText == key && a.IsLive);
        if (tracked is not null)
        {
            return tracked;
        }

        return await db.CorrectiveActions
            .Where(a => a.ProblemKeyText == key
                && (a.Status == CorrectiveActionStatus.Proposed || a.Status == CorrectiveActionStatus.Open || a.Status == CorrectiveActionStatus.Implemented))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The ids among <paramref name="feedbackIds"/> the caller's tenant has no feedback record for.</summary>
    public async Task<Guid?> FirstUnknownFeedbackAsync(IReadOnlyCollection<Guid> feedbackIds, CancellationToken cancellationToken)
    {
        if (feedbackIds.Count == 0)
        {
            return null;
        }

        var ids = feedbackIds.Distinct().ToList();
        var known = await db.FeedbackRecords.Where(f => ids.Contains(f.Id)).Select(f => f.Id).ToListAsync(cancellationToken);
        return ids.Except(known).Cast<Guid?>().FirstOrDefault();
    }

    /// <summary>The first of <paramref name="escalationIds"/> the caller's tenant has no escalation for.</summary>
    public async Task<Guid?> FirstUnknownEscalationAsync(IReadOnlyCollection<Guid> escalationIds, CancellationToken cancellationToken)
    {
        if (escalationIds.Count == 0)
        {
            return null;
        }

        var ids = escalationIds.Distinct().ToList();
        var known = await db.Escalations.Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(cancellationToken);
        return ids.Except(known).Cast<Guid?>().FirstOrDefault();
    }
}
