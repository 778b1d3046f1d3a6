using HuiFang.Api.Domain.Common;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Escalations;
using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Features.Escalations;
using HuiFang.Api.Services.Tenants;
using HuiFang.Api.Infrastructure.Outbox;
using HuiFang.Api.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Feedback;

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
        new(e.Id, outcome, e.Status, e.Cycle, e.Level, e.Department, e.Owner, e.ResponseDueBy, e.ResolutionDueBy);
}

/// <summary>
/// The loop rules a feedback record triggers, in the caller's unit of work: on a first visit, the
/// tenant's rules may open an escalation (or the feedback joins one opened by hand); on a revisit, the
/// verdict closes the loop or reopens the escalation at the next level.
/// </summary>
public sealed class FeedbackLoop(HuiFangDbContext db, EscalationOpening opening, AuditTrail audit, EventOutbox outbox, TenantSettings tenant)
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
        var stream = EventStreams.Escalation(escalation.Id);
        if (policy.RevisitCloses(feedback.Verdict, feedback.IsComplaint))
        {
            escalation.CloseLoop(now, calendar);
            audit.Record(AuditSubjects.Escalation, escalation.Id, "closed", escalation.Version, new { revisitTaskId = revisit.Id, feedbackId = feedback.Id, score = feedback.Score, cycles = escalation.Cycle });
            outbox.Add(EscalationEvents.LoopClosed(escalation, feedback, now), stream);
            return EscalationOutcome.Of(escalation, "Closed");
        }

        escalation.Reopen(feedback.UnresolvedProblems, now, calendar);
        audit.Record(AuditSubjects.Escalation, escalation.Id, "reopened", escalation.Version,
            new { revisitTaskId = revisit.Id, feedbackId = feedback.Id, score = feedback.Score, cycle = escalation.Cycle, level = escalation.Level, handedToManager = escalation.HandedToManager, responseDueBy = escalation.ResponseDueBy, resolutionDueBy = escalation.ResolutionDueBy });
        outbox.Add(EscalationEvents.StillUnsatisfied(escalation, feedback, now), stream);
        outbox.Add(EscalationEvents.Escalated(escalation, "Reopened", now), stream);
        return EscalationOutcome.Of(escalation, "Reopened");
    }
}
