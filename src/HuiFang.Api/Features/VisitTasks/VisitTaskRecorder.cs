using HuiFang.Api.Common;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Infrastructure.Outbox;
using Contracts = HuiFang.Contracts;

namespace HuiFang.Api.Features.VisitTasks;

/// <summary>
/// What each visit-task event owes: its entry in the task's history (the audit vocabulary of visit tasks)
/// and, where other systems care, its integration event on the task's stream — built from the task after
/// the change, never with the phone number.
/// </summary>
public sealed class VisitTaskRecorder : IDomainEventRecorder
{
    public bool TryRecord(IDomainEvent e, EventRecording into)
    {
        switch (e)
        {
            case VisitTaskPlanned(var t, var now) when t.EscalationId is { } escalationId:
                into.Audit(AuditSubjects.VisitTask, t.Id, "created", t.Version,
                    new { status = t.Status, purpose = t.Purpose, channel = t.Channel, assignee = t.Assignee, dueFrom = t.DueFrom, dueBy = t.DueBy, dueRule = t.DueRule, escalationId });
                into.Publish(Created(t, into.TenantId, now), EventStreams.VisitTask(t.Id));
                return true;
            case VisitTaskPlanned(var t, var now):
                into.Audit(AuditSubjects.VisitTask, t.Id, "created", t.Version,
                    new { status = t.Status, purpose = t.Purpose, channel = t.Channel, assignee = t.Assignee, dueFrom = t.DueFrom, dueBy = t.DueBy, dueRule = t.DueRule, doNotDisturbOverride = t.DoNotDisturbOverrideReason is not null },
                    t.DoNotDisturbOverrideReason);
                into.Publish(Created(t, into.TenantId, now), EventStreams.VisitTask(t.Id));
                return true;
            case VisitTaskAssigned(var t, var from, _):
                into.Audit(AuditSubjects.VisitTask, t.Id, "assigned", t.Version, new { from, to = t.Assignee });
                return true;
            case VisitTaskRescheduled(var t, var reason, _):
                into.Audit(AuditSubjects.VisitTask, t.Id, "rescheduled", t.Version, new { scheduledFor = t.ScheduledFor, dueBy = t.DueBy }, reason);
                return true;
            case VisitTaskCancelled(var t, var now):
                into.Audit(AuditSubjects.VisitTask, t.Id, "cancelled", t.Version, new { status = t.Status }, t.CancellationReason);
                into.Publish(Cancelled(t, now), EventStreams.VisitTask(t.Id));
                return true;
            case VisitTaskAttemptRecorded(var t, var attempt, _):
                into.Audit(AuditSubjects.VisitTask, t.Id, "attempt-recorded", t.Version,
                    new { outcome = attempt.Outcome, failedAttempts = t.FailedAttempts, status = t.Status, scheduledFor = t.ScheduledFor });
                return true;
            case VisitTaskBecameUnreachable(var t, var now):
                into.Publish(Unreachable(t, now), EventStreams.VisitTask(t.Id));
                return true;
            case VisitTaskCompleted:
                // The history entry and the events of a completed visit are the feedback's (FeedbackRecorded).
                return true;
            case VisitTaskFoundOverdue(var t, var now):
                into.Audit(AuditSubjects.VisitTask, t.Id, "overdue", t.Version, new { dueBy = t.DueBy, failedAttempts = t.FailedAttempts });
                into.Publish(Overdue(t, now), EventStreams.VisitTask(t.Id));
                return true;
            case VisitTaskPersonalDataErased(var t, _):
                into.Audit(AuditSubjects.VisitTask, t.Id, "personal-data-erased", t.Version);
                return true;
            default:
                return false;
        }
    }

    private static Contracts.VisitTaskCreated Created(VisitTask t, string tenantId, DateTimeOffset now) => new(
        Guid.CreateVersion7(now),
        now,
        tenantId,
        t.Id,
        t.CustomerExternalId,
        t.WorkOrderNo,
        t.ServiceType,
        t.ServiceDepartment,
        t.Purpose.ToString(),
        t.Channel.ToString(),
        t.Assignee,
        t.Status.ToString(),
        t.DueFrom,
        t.DueBy,
        t.ScheduledFor,
        t.EscalationId);

    private static Contracts.VisitTaskUnreachable Unreachable(VisitTask t, DateTimeOffset now) => new(
        Guid.CreateVersion7(now),
        now,
        t.TenantId,
        t.Id,
        t.CustomerExternalId,
        t.WorkOrderNo,
        t.Purpose.ToString(),
        t.Channel.ToString(),
        t.Assignee,
        t.FailedAttempts,
        t.Attempts[^1].Outcome.ToString(),
        t.DueBy,
        t.EscalationId);

    private static Contracts.VisitTaskOverdue Overdue(VisitTask t, DateTimeOffset now) => new(
        Guid.CreateVersion7(now),
        now,
        t.TenantId,
        t.Id,
        t.CustomerExternalId,
        t.WorkOrderNo,
        t.Purpose.ToString(),
        t.Channel.ToString(),
        t.Assignee,
        t.DueBy,
        t.FailedAttempts,
        t.EscalationId);

    private static Contracts.VisitTaskCancelled Cancelled(VisitTask t, DateTimeOffset now) => new(
        Guid.CreateVersion7(now),
        now,
        t.TenantId,
        t.Id,
        t.CustomerExternalId,
        t.WorkOrderNo,
        t.Purpose.ToString(),
        t.CancellationReason ?? "");
}
