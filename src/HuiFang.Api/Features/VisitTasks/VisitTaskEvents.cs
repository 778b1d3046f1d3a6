using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Contracts;

namespace HuiFang.Api.Features.VisitTasks;

/// <summary>The integration events of a visit task, built from the task after the change (never with the phone number).</summary>
public static class VisitTaskEvents
{
    public static VisitTaskCreated Created(VisitTask t, string tenantId, DateTimeOffset now) => new(
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

    /// <summary>The task became unreachable with this change; null when it did not.</summary>
    public static VisitTaskUnreachable? UnreachableIfNow(VisitTask t, VisitTaskStatus before, string tenantId, DateTimeOffset now) =>
        t.Status != VisitTaskStatus.Unreachable || before == VisitTaskStatus.Unreachable
            ? null
            : new VisitTaskUnreachable(
                Guid.CreateVersion7(now),
                now,
                tenantId,
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

    public static VisitTaskOverdue Overdue(VisitTask t, DateTimeOffset now) => new(
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

    public static VisitTaskCancelled Cancelled(VisitTask t, string tenantId, DateTimeOffset now) => new(
        Guid.CreateVersion7(now),
        now,
        tenantId,
        t.Id,
        t.CustomerExternalId,
        t.WorkOrderNo,
        t.Purpose.ToString(),
        t.CancellationReason ?? "");
}
