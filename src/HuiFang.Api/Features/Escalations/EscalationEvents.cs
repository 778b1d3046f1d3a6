using HuiFang.Api.Domain.Escalations;
using HuiFang.Contracts;

namespace HuiFang.Api.Features.Escalations;

/// <summary>The integration events of an escalation, built from it after the change.</summary>
public static class EscalationEvents
{
    public static ComplaintEscalated Escalated(Escalation e, string trigger, DateTimeOffset now) => new(
        Guid.CreateVersion7(now),
        now,
        e.TenantId,
        e.Id,
        e.TaskId,
        e.FeedbackId,
        e.CustomerExternalId,
        e.WorkOrderNo,
        e.Department,
        e.Owner,
        e.Severity.ToString(),
        e.Level.ToString(),
        e.Cycle,
        trigger,
        e.ResponseSla.DueBy ?? now,
        e.ResolutionSla.DueBy ?? now);

    /// <summary>What the SLA clock caused, built from the escalation as the check left it.</summary>
    public static IIntegrationEvent ForHappening(Escalation e, SlaHappening h, EscalationAsChecked c, DateTimeOffset now) => h.Kind switch
    {
        SlaHappeningKind.Warning => new EscalationSlaWarning(
            Guid.CreateVersion7(now), now, e.TenantId, e.Id, e.TaskId, e.CustomerExternalId, e.WorkOrderNo, c.Department, c.Owner,
            e.Severity.ToString(), h.Target.ToString(), h.DueBy, e.WarningPercent),
        SlaHappeningKind.Breach => new EscalationSlaBreached(
            Guid.CreateVersion7(now), now, e.TenantId, e.Id, e.TaskId, e.CustomerExternalId, e.WorkOrderNo, c.Department, c.Owner,
            e.Severity.ToString(), h.Target.ToString(), h.DueBy, c.Level.ToString()),
        _ => new EscalationReminderSent(
            Guid.CreateVersion7(now), now, e.TenantId, e.Id, e.TaskId, e.CustomerExternalId, e.WorkOrderNo, c.Department, c.Owner,
            e.Severity.ToString(), c.Level.ToString(), true, c.ReminderCount, c.NextDueBy, null),
    };

    public static EscalationReminderSent Reminder(Escalation e, bool automatic, string? note, DateTimeOffset now) => new(
        Guid.CreateVersion7(now),
        now,
        e.TenantId,
        e.Id,
        e.TaskId,
        e.CustomerExternalId,
        e.WorkOrderNo,
        e.Department,
        e.Owner,
        e.Severity.ToString(),
        e.Level.ToString(),
        automatic,
        e.ReminderCount,
        e.AcknowledgedAt is null ? e.ResponseSla.DueBy : e.ResolutionSla.DueBy,
        note);

    public static HuiFang.Contracts.EscalationResolved Resolved(Escalation e, DateTimeOffset revisitDueBy, DateTimeOffset now) => new(
        Guid.CreateVersion7(now),
        now,
        e.TenantId,
        e.Id,
        e.TaskId,
        e.CustomerExternalId,
        e.WorkOrderNo,
        e.Department,
        e.Owner,
        e.Severity.ToString(),
        e.Cycle,
        e.ResponseSla.BreachedAt is not null,
        e.ResolutionSla.BreachedAt is not null,
        e.RevisitTaskId!.Value,
        revisitDueBy,
        e.Resolution);

    public static CustomerStillUnsatisfied StillUnsatisfied(Escalation e, RevisitAnswer f, DateTimeOffset now) => new(
        Guid.CreateVersion7(now),
        now,
        e.TenantId,
        e.Id,
        e.TaskId,
        f.RevisitTaskId,
        f.FeedbackId,
        e.CustomerExternalId,
        e.WorkOrderNo,
        f.Score,
        e.Department,
        e.Cycle,
        e.MaxCycles,
        e.Level.ToString(),
        e.HandedToManager,
        f.UnresolvedProblems);

    public static FollowUpLoopClosed LoopClosed(Escalation e, RevisitAnswer f, DateTimeOffset now) => new(
        Guid.CreateVersion7(now),
        now,
        e.TenantId,
        e.Id,
        e.TaskId,
        f.RevisitTaskId,
        f.FeedbackId,
        e.CustomerExternalId,
        e.WorkOrderNo,
        f.Score,
        e.Cycle,
        e.OpenedAt);
}
