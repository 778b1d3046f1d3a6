using HuiFang.Api.Common;
using HuiFang.Api.Domain.Escalations;

namespace HuiFang.Api.Features.Escalations;

/// <summary>An escalation (投诉处理 / 升级) as callers see it.</summary>
/// <param name="Id">Escalation id.</param>
/// <param name="Status">Open, Acknowledged, InProgress, Paused, Resolved (revisit pending) or Closed.</param>
/// <param name="Severity">Urgent or General.</param>
/// <param name="Level">Who handles it now: Department, Supervisor or Manager.</param>
/// <param name="Trigger">Why it was opened: Complaint, Unsatisfied or Manual.</param>
/// <param name="Cycle">1 for the first handling; one more after each reopen.</param>
/// <param name="MaxCycles">Cycles before a manager takes over.</param>
/// <param name="HandedToManager">True once the cycle limit was passed.</param>
/// <param name="TaskId">The visit task whose feedback opened it.</param>
/// <param name="FeedbackId">That feedback, when there is one.</param>
/// <param name="RevisitTaskId">The revisit task of the current cycle, once resolved.</param>
/// <param name="CustomerExternalId">The customer's id in the calling system.</param>
/// <param name="WorkOrderNo">The work order the complaint is about.</param>
/// <param name="ServiceType">Its service type.</param>
/// <param name="Department">The responsible department.</param>
/// <param name="Owner">The person responsible, if any.</param>
/// <param name="Reason">Why it was opened by hand, if it was.</param>
/// <param name="Response">The response target of the current cycle.</param>
/// <param name="ResolutionTarget">The resolution target of the current cycle.</param>
/// <param name="NextDueBy">The nearest unmet deadline (the queue's order); null while paused or once resolved.</param>
/// <param name="Breached">True when a target of the current cycle was missed.</param>
/// <param name="PausedFor">Wall-clock time paused in the current cycle.</param>
/// <param name="ReminderCount">Reminders (催办) sent so far, by people and by the monitor.</param>
/// <param name="LastReminderAt">When the last one was sent.</param>
/// <param name="Resolution">What the department did, as it reported.</param>
/// <param name="OpenedAt">When it was first opened.</param>
/// <param name="CycleStartedAt">When the current cycle started (the SLA clocks' start).</param>
/// <param name="AcknowledgedAt">First response in the current cycle.</param>
/// <param name="ResolvedAt">Reported fixed in the current cycle.</param>
/// <param name="ClosedAt">When the loop closed.</param>
/// <param name="Notes">The progress column: acknowledgements, progress, reminders, pauses, reassignments, resolutions, reopens; oldest first.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Version">Incremented on every change; the ETag is this number in quotes.</param>
public sealed record EscalationResponse(
    Guid Id,
    EscalationStatus Status,
    EscalationSeverity Severity,
    EscalationLevel Level,
    EscalationTrigger Trigger,
    int Cycle,
    int MaxCycles,
    bool HandedToManager,
    Guid TaskId,
    Guid? FeedbackId,
    Guid? RevisitTaskId,
    string CustomerExternalId,
    string WorkOrderNo,
    string ServiceType,
    string Department,
    string? Owner,
    string? Reason,
    SlaTargetStatus Response,
    SlaTargetStatus ResolutionTarget,
    DateTimeOffset? NextDueBy,
    bool Breached,
    TimeSpan PausedFor,
    int ReminderCount,
    DateTimeOffset? LastReminderAt,
    string? Resolution,
    DateTimeOffset OpenedAt,
    DateTimeOffset CycleStartedAt,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<EscalationNoteResponse> Notes,
    DateTimeOffset UpdatedAt,
    int Version) : IVersioned
{
    public static EscalationResponse From(Escalation e, DateTimeOffset now) => new(
        e.Id,
        e.Status,
        e.Severity,
        e.Level,
        e.Trigger,
        e.Cycle,
        e.MaxCycles,
        e.HandedToManager,
        e.TaskId,
        e.FeedbackId,
        e.RevisitTaskId,
        e.CustomerExternalId,
        e.WorkOrderNo,
        e.ServiceType,
        e.Department,
        e.Owner,
        e.Reason,
        SlaTargetStatus.From(e.ResponseSla),
        SlaTargetStatus.From(e.ResolutionSla),
        e.NextDueBy,
        e.IsBreached,
        e.PausedIn(now),
        e.ReminderCount,
        e.LastReminderAt,
        e.Resolution,
        e.OpenedAt,
        e.CycleStartedAt,
        e.AcknowledgedAt,
        e.ResolvedAt,
        e.ClosedAt,
        [.. e.Notes.OrderBy(n => n.At).ThenBy(n => n.Id).Select(n => new EscalationNoteResponse(n.At, n.Cycle, n.Kind, n.Text, n.By))],
        e.UpdatedAt,
        e.Version);
}

/// <summary>One SLA target of the current cycle.</summary>
/// <param name="Target">The time allowed.</param>
/// <param name="Clock">WallClock or BusinessHours.</param>
/// <param name="DueBy">The deadline; null while paused.</param>
/// <param name="MetAt">When it was met (acknowledged / resolved), if it was.</param>
/// <param name="WarnedAt">When the warning was raised, if it was.</param>
/// <param name="BreachedAt">When the breach was recorded, if it was.</param>
public sealed record SlaTargetStatus(TimeSpan Target, SlaClockKind Clock, DateTimeOffset? DueBy, DateTimeOffset? MetAt, DateTimeOffset? WarnedAt, DateTimeOffset? BreachedAt)
{
    public static SlaTargetStatus From(SlaTargetState s) => new(s.Target.Duration, s.Target.Clock, s.DueBy, s.MetAt, s.WarnedAt, s.BreachedAt);
}

/// <summary>A line of the progress column.</summary>
/// <param name="At">When.</param>
/// <param name="Cycle">The handling cycle it belongs to.</param>
/// <param name="Kind">Acknowledgement, Progress, Reminder, AutomaticReminder, Pause, Resume, Reassignment, Resolution or Reopen.</param>
/// <param name="Text">What was written, if anything.</param>
/// <param name="By">Who wrote it (the caller's name, or sla-monitor).</param>
public sealed record EscalationNoteResponse(DateTimeOffset At, int Cycle, EscalationNoteKind Kind, string? Text, string? By);
