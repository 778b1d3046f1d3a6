using HuiFang.Api.Domain.Escalations;
using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Services.Tenants;
using HuiFang.Api.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Services.Loop;

/// <summary>What a feedback record did to the loop.</summary>
/// <param name="Id">The escalation.</param>
/// <param name="Outcome">Opened (a new escalation), Joined (an escalation already open for the task), Reopened (a revisit found the customer still unsatisfied) or Closed (a revisit found them satisfied: the loop is closed).</param>
/// <param name="Status">The escalation's status now.</param>
/// <param name="Cycle">Its handling cycle now.</param>
/// <param name="Level">Who handles it now.</param>
/// <param name="Department">The responsible department.</param>
/// <param name="Owner">The person responsible, if any.</param>
/// <param name="ResponseDueBy">First response due by, while open.</param>
/// <param name="ResolutionDueBy">Resolution due by, while open.</param>
public sealed record EscalationOutcome(
    Guid Id,
    string Outcome,
    EscalationStatus Status,
    int Cycle,
    EscalationLevel Level,
    string Department,
    string? Owner,
    DateTimeOffset? ResponseDueBy,
    DateTimeOffset? ResolutionDueBy)
{
    public static EscalationOutcome Of(Escalation e, string outcome) =>
        new(e.Id, outcome, e.Status, e.Cycle, e.Level, e.Department, e.Owner, e.ResponseSla.DueBy, e.ResolutionSla.DueBy);
}

/// <summary>
/// The loop rules a feedback record triggers, in the caller's unit of work: on a first visit, the
/// tenant's rules may open an escalation (or the feedback joins one opened by hand); on a revisit, the
/// verdict closes the loop or reopens the escalation at the next level. What each step owes (history entries,
/// events) the escalation raises and the escalations' recorder writes at the save.
/// </summary>
public sealed class FeedbackLoop(HuiFangDbContext db, EscalationOpening opening, TenantSettings tenant)
{
    public async Task<EscalationOutcome?> ApplyAsync(VisitTask task, FeedbackRecord feedback, EscalationPolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (task.EscalationId is { } escalationId)
        {
            return await AnswerRevisitAsync(escalationId, task, feedback, policy, now, cancellationToken);
        }

        var trigger = policy.TriggerFor(feedback.Verdict, feedback.IsComplaint);
        if (trigger is null)
        {
            return null;
        }

        var existing = await db.Escalations.FirstOrDefaultAsync(e => e.TaskId == task.Id && e.Status != EscalationStatus.Closed, cancellationToken);
        if (existing is not null)
        {
            feedback.LinkEscalation(existing.Id);
            return EscalationOutcome.Of(existing, "Joined");
        }

        var severity = feedback.ComplaintLevel == ComplaintLevel.Urgent ? EscalationSeverity.Urgent : EscalationSeverity.General;
        var escalation = await opening.OpenAsync(task, feedback, severity, trigger.Value, null, null, policy, now, cancellationToken);
        return EscalationOutcome.Of(escalation, "Opened");
    }

    private async Task<EscalationOutcome?> AnswerRevisitAsync(Guid escalationId, VisitTask revisit, FeedbackRecord feedback, EscalationPolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var escalation = await db.Escalations.FirstOrDefaultAsync(e => e.Id == escalationId, cancellationToken);
        if (escalation is null || escalation.Status != EscalationStatus.Resolved || escalation.RevisitTaskId != revisit.Id)
        {
            // A revisit of an earlier cycle: recorded, but the loop has moved on.
            return null;
        }

        var calendar = await tenant.GetCalendarAsync(cancellationToken);
        var answer = new RevisitAnswer(revisit.Id, feedback.Id, feedback.Score, feedback.UnresolvedProblems);
        if (policy.RevisitCloses(feedback.Verdict, feedback.IsComplaint))
        {
            escalation.CloseLoop(answer, now, calendar);
            return EscalationOutcome.Of(escalation, "Closed");
        }

        escalation.Reopen(answer, now, calendar);
        return EscalationOutcome.Of(escalation, "Reopened");
    }
}
