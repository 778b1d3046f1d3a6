using HuiFang.Api.Common;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Escalations;
using HuiFang.Api.Infrastructure.Outbox;

namespace HuiFang.Api.Features.Escalations;

/// <summary>
/// What each escalation event owes: its entry in the escalation's history (the audit vocabulary of
/// escalations: opened, acknowledged, progress, paused, resumed, reassigned, reminder-sent, sla-warning,
/// sla-breached, resolved, closed, reopened) and the integration events other systems follow, on the
/// escalation's stream.
/// </summary>
public sealed class EscalationRecorder : IDomainEventRecorder
{
    public bool TryRecord(IDomainEvent e, EventRecording into)
    {
        switch (e)
        {
            case EscalationOpened(var x, var at):
                Audit(into, x, "opened",
                    new { taskId = x.TaskId, feedbackId = x.FeedbackId, severity = x.Severity, trigger = x.Trigger, department = x.Department, owner = x.Owner, responseDueBy = x.ResponseSla.DueBy, resolutionDueBy = x.ResolutionSla.DueBy },
                    x.Reason);
                Publish(into, x, EscalationEvents.Escalated(x, x.Trigger.ToString(), at));
                return true;
            case EscalationAcknowledged(var x, var note, _):
                Audit(into, x, "acknowledged", new { status = x.Status, acknowledgedAt = x.AcknowledgedAt, responseDueBy = x.ResponseSla.DueBy, responseBreached = x.ResponseSla.BreachedAt is not null }, note);
                return true;
            case EscalationProgressAdded(var x, var note, _):
                Audit(into, x, "progress", new { status = x.Status }, note);
                return true;
            case EscalationPaused(var x, var reason, _):
                Audit(into, x, "paused", new { status = x.Status, resumesTo = x.StatusAfterPause }, reason);
                return true;
            case EscalationResumed(var x, var note, var at):
                Audit(into, x, "resumed", new { status = x.Status, pausedFor = x.PausedIn(at), responseDueBy = x.ResponseSla.DueBy, resolutionDueBy = x.ResolutionSla.DueBy }, note);
                return true;
            case EscalationReassigned(var x, _, _, var reason, _):
                Audit(into, x, "reassigned", new { department = x.Department, owner = x.Owner }, reason);
                return true;
            case EscalationReminded(var x, var note, var at):
                Audit(into, x, "reminder-sent", new { reminderCount = x.ReminderCount, automatic = false }, note);
                Publish(into, x, EscalationEvents.Reminder(x, automatic: false, note, at));
                return true;
            case EscalationResolved(var x, var revisit, var at):
                Audit(into, x, "resolved", new { status = x.Status, revisitTaskId = x.RevisitTaskId, resolutionBreached = x.ResolutionSla.BreachedAt is not null }, x.Resolution);
                Publish(into, x, EscalationEvents.Resolved(x, revisit.DueBy, at));
                return true;
            case EscalationLoopClosed(var x, var answer, var at):
                Audit(into, x, "closed", new { revisitTaskId = answer.RevisitTaskId, feedbackId = answer.FeedbackId, score = answer.Score, cycles = x.Cycle });
                Publish(into, x, EscalationEvents.LoopClosed(x, answer, at));
                return true;
            case EscalationReopened(var x, var answer, var at):
                Audit(into, x, "reopened",
                    new { revisitTaskId = answer.RevisitTaskId, feedbackId = answer.FeedbackId, score = answer.Score, cycle = x.Cycle, level = x.Level, handedToManager = x.HandedToManager, responseDueBy = x.ResponseSla.DueBy, resolutionDueBy = x.ResolutionSla.DueBy });
                Publish(into, x, EscalationEvents.StillUnsatisfied(x, answer, at));
                Publish(into, x, EscalationEvents.Escalated(x, "Reopened", at));
                return true;
            case EscalationSlaHappened(var x, var h, var asChecked, var at):
                into.Audit(AuditSubjects.Escalation, x.Id, Action(h.Kind), asChecked.Version,
                    new { target = h.Target, dueBy = h.DueBy, level = asChecked.Level, owner = asChecked.Owner, automatic = true });
                Publish(into, x, EscalationEvents.ForHappening(x, h, asChecked, at));
                return true;
            default:
                return false;
        }
    }

    private static string Action(SlaHappeningKind kind) => kind switch
    {
        SlaHappeningKind.Warning => "sla-warning",
        SlaHappeningKind.Breach => "sla-breached",
        _ => "reminder-sent",
    };

    private static void Audit(EventRecording into, Escalation x, string action, object details, string? note = null) =>
        into.Audit(AuditSubjects.Escalation, x.Id, action, x.Version, details, note);

    private static void Publish(EventRecording into, Escalation x, HuiFang.Contracts.IIntegrationEvent integrationEvent) =>
        into.Publish(integrationEvent, EventStreams.Escalation(x.Id));
}
