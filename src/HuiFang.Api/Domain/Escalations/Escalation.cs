using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Calendar;
using HuiFang.Api.Domain.Tenants;
using HuiFang.Api.Domain.VisitTasks;

namespace HuiFang.Api.Domain.Escalations;

/// <summary>
/// A complaint or an unsatisfied result handed to the responsible department under an SLA
/// (投诉处理 / 升级), and the loop around it: open → acknowledged → in progress → resolved → revisit →
/// closed when the customer is satisfied, or reopened at the next level when not. It guards every
/// transition and keeps the SLA arithmetic: deadlines per handling cycle, pauses that stop the clock,
/// warnings and breaches that happen once per target and cycle, reminders within working hours.
/// <see cref="NextCheckAt"/> is the next instant the SLA monitor has anything to do for it (indexed).
/// </summary>
public sealed class Escalation : AggregateRoot, ITenantOwned
{
    private readonly List<EscalationNote> _notes = [];
    private readonly List<EscalationCycle> _cycles = [];

    private Escalation()
    {
    }

    public Guid Id { get; private set; }

    public string TenantId { get; private set; } = "";

    public Guid TaskId { get; private set; }

    public Guid? FeedbackId { get; private set; }

    public string CustomerExternalId { get; private set; } = "";

    public string WorkOrderNo { get; private set; } = "";

    public string ServiceType { get; private set; } = "";

    public string Department { get; private set; } = "";

    public string? Owner { get; private set; }

    public string? Supervisor { get; private set; }

    public string? Manager { get; private set; }

    public EscalationSeverity Severity { get; private set; }

    public EscalationLevel Level { get; private set; }

    public EscalationTrigger Trigger { get; private set; }

    public EscalationStatus Status { get; private set; }

    /// <summary>The status a pause returns to, from what happened in the cycle before it.</summary>
    public EscalationStatus StatusAfterPause =>
        AcknowledgedAt is null ? EscalationStatus.Open
        : _notes.Any(n => n.Cycle == Cycle && n.Kind == EscalationNoteKind.Progress) ? EscalationStatus.InProgress
        : EscalationStatus.Acknowledged;

    public string? Reason { get; private set; }

    /// <summary>1 for the first handling; one more on each reopen.</summary>
    public int Cycle { get; private set; }

    public bool HandedToManager { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public DateTimeOffset CycleStartedAt { get; private set; }

    /// <summary>First response in the current cycle: when the response target was met.</summary>
    public DateTimeOffset? AcknowledgedAt => ResponseSla.MetAt;

    /// <summary>Reported fixed in the current cycle: when the resolution target was met.</summary>
    public DateTimeOffset? ResolvedAt => ResolutionSla.MetAt;

    public string? Resolution { get; private set; }

    public Guid? RevisitTaskId { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>The response target of the current cycle: first response (acknowledgement) by the department.</summary>
    public SlaTargetState ResponseSla { get; private set; } = null!;

    /// <summary>The resolution target of the current cycle: reported fixed.</summary>
    public SlaTargetState ResolutionSla { get; private set; } = null!;

    public int WarningPercent { get; private set; }

    public TimeSpan ReminderInterval { get; private set; }

    public int MaxCycles { get; private set; }

    /// <summary>Breaches over all cycles.</summary>
    public int BreachCount { get; private set; }

    public DateTimeOffset? NextReminderAt { get; private set; }

    public int ReminderCount { get; private set; }

    public DateTimeOffset? LastReminderAt { get; private set; }

    /// <summary>The next instant the SLA monitor has something to do; null when nothing can happen until a person acts.</summary>
    public DateTimeOffset? NextCheckAt { get; private set; }

    /// <summary>The nearest unmet deadline: the work queue's order.</summary>
    public DateTimeOffset? NextDueBy { get; private set; }

    public DateTimeOffset? PersonalDataErasedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<EscalationNote> Notes => _notes;

    /// <summary>
    /// Each handling cycle's outcome against its targets, the current one included: what the SLA report counts,
    /// since a reopen clears the marks of the cycle before it from the columns above.
    /// </summary>
    public IReadOnlyList<EscalationCycle> Cycles => _cycles;

    /// <summary>Open, acknowledged, in progress or paused: the department still owes something.</summary>
    public bool IsActive => Status is EscalationStatus.Open or EscalationStatus.Acknowledged or EscalationStatus.InProgress or EscalationStatus.Paused;

    public bool IsBreached => ResponseSla.IsBreached || ResolutionSla.IsBreached;

    public static Escalation Open(
        Guid id,
        string tenantId,
        EscalationSubject subject,
        EscalationSeverity severity,
        EscalationTrigger trigger,
        Route route,
        EscalationSlaRules rules,
        string? reason,
        DateTimeOffset now,
        BusinessCalendar calendar)
    {
        var at = now;
        now = now.ToUniversalTime();
        var escalation = new Escalation
        {
            Id = id,
            TenantId = tenantId,
            TaskId = subject.TaskId,
            FeedbackId = subject.FeedbackId,
            CustomerExternalId = subject.CustomerExternalId,
            WorkOrderNo = subject.WorkOrderNo,
            ServiceType = subject.ServiceType,
            Department = route.Department,
            Owner = route.Owner,
            Supervisor = route.Supervisor,
            Manager = route.Manager,
            Severity = severity,
            Level = EscalationLevel.Department,
            Trigger = trigger,
            Status = EscalationStatus.Open,
            Reason = reason,
            Cycle = 1,
            OpenedAt = now,
            CycleStartedAt = now,
            ResponseSla = SlaTargetState.Start(rules.Sla.Response),
            ResolutionSla = SlaTargetState.Start(rules.Sla.Resolution),
            WarningPercent = rules.WarningPercent,
            ReminderInterval = rules.ReminderInterval,
            MaxCycles = rules.MaxCycles,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        escalation.Plan(calendar);
        escalation.RecordCycle();
        escalation.Raise(new EscalationOpened(escalation, at));
        return escalation;
    }

    /// <summary>
    /// Catches the SLA clock up to <paramref name="now"/>: a warning or a breach whose instant has passed
    /// happens now (once per target and cycle), and a reminder falls due while a target is breached and
    /// unmet. A breach moves the escalation up a level. Called by the monitor and before every change, so
    /// that a late acknowledgement still records its breach exactly once.
    /// </summary>
    public IReadOnlyList<SlaHappening> Check(DateTimeOffset now, BusinessCalendar calendar)
    {
        var happened = new List<SlaHappening>();
        if (!IsActive || Status == EscalationStatus.Paused)
        {
            return happened;
        }

        CheckTarget(SlaTargetKind.Response, now, calendar, happened);
        CheckTarget(SlaTargetKind.Resolution, now, calendar, happened);

        var moved = false;
        if (OwesBreachedTarget && NextReminderAt is { } reminderAt && reminderAt <= now)
        {
            moved = true;
            if (calendar.NextWorkingInstant(now) == now)
            {
                ReminderCount++;
                LastReminderAt = now;
                _notes.Add(new EscalationNote(NewNoteId(now), Cycle, now, EscalationNoteKind.AutomaticReminder, null, "sla-monitor"));
                var chased = ResponseSla.IsOwedAfterBreach ? SlaTargetKind.Response : SlaTargetKind.Resolution;
                happened.Add(new SlaHappening(SlaHappeningKind.AutomaticReminder, chased, TargetOf(chased).DueBy ?? now));
                NextReminderAt = calendar.AddWorkingTime(now, ReminderInterval);
            }
            else
            {
                // Never at midnight: the reminder waits for the department's next working moment.
                NextReminderAt = calendar.NextWorkingInstant(now);
            }
        }

        if (happened.Count > 0 || moved)
        {
            Plan(calendar);
            Touch(now);
        }

        if (happened.Count > 0)
        {
            var asChecked = new EscalationAsChecked(Version, Level, Department, Owner, ReminderCount, NextDueBy);
            foreach (var happening in happened)
            {
                Raise(new EscalationSlaHappened(this, happening, asChecked, now));
            }
        }

        return happened;
    }

    public Outcome Acknowledge(string? note, string? by, DateTimeOffset now, BusinessCalendar calendar)
    {
        if (Status != EscalationStatus.Open)
        {
            return EscalationErrors.InvalidTransition(this, "acknowledge");
        }

        Status = EscalationStatus.Acknowledged;
        ResponseSla = ResponseSla.Met(now.ToUniversalTime());
        AddNote(EscalationNoteKind.Acknowledgement, note, by, now);
        return Changed(now, calendar, new EscalationAcknowledged(this, note, now));
    }

    public Outcome AddProgress(string note, string? by, DateTimeOffset now, BusinessCalendar calendar)
    {
        if (Status is not (EscalationStatus.Acknowledged or EscalationStatus.InProgress))
        {
            return EscalationErrors.InvalidTransition(this, "progress");
        }

        Status = EscalationStatus.InProgress;
        AddNote(EscalationNoteKind.Progress, note, by, now);
        return Changed(now, calendar, new EscalationProgressAdded(this, note, now));
    }

    /// <summary>Waiting on the customer: both clocks stop until <see cref="Resume"/>.</summary>
    public Outcome Pause(string reason, string? by, DateTimeOffset now, BusinessCalendar calendar)
    {
        if (Status is not (EscalationStatus.Open or EscalationStatus.Acknowledged or EscalationStatus.InProgress))
        {
            return EscalationErrors.InvalidTransition(this, "pause");
        }

        Status = EscalationStatus.Paused;
        AddNote(EscalationNoteKind.Pause, reason, by, now);
        return Changed(now, calendar, new EscalationPaused(this, reason, now));
    }

    public Outcome Resume(string? note, string? by, DateTimeOffset now, BusinessCalendar calendar)
    {
        if (Status != EscalationStatus.Paused)
        {
            return EscalationErrors.InvalidTransition(this, "resume");
        }

        Status = StatusAfterPause;

        // A reminder that fell due while paused waits for the clock to run again.
        if (NextReminderAt is { } reminder && reminder < now)
        {
            NextReminderAt = calendar.NextWorkingInstant(now);
        }

        AddNote(EscalationNoteKind.Resume, note, by, now);
        return Changed(now, calendar, new EscalationResumed(this, note, now));
    }

    /// <summary>Reported fixed: the resolution target is met and the customer is revisited by <paramref name="revisit"/>.</summary>
    public Outcome Resolve(string resolution, string? by, EscalationRevisit revisit, DateTimeOffset now, BusinessCalendar calendar)
    {
        if (Status is not (EscalationStatus.Acknowledged or EscalationStatus.InProgress))
        {
            return Status == EscalationStatus.Open
                ? EscalationErrors.NotAcknowledged(this)
                : EscalationErrors.InvalidTransition(this, "resolve");
        }

        Status = EscalationStatus.Resolved;
        ResolutionSla = ResolutionSla.Met(now.ToUniversalTime());
        Resolution = resolution;
        RevisitTaskId = revisit.TaskId;
        AddNote(EscalationNoteKind.Resolution, resolution, by, now);
        return Changed(now, calendar, new EscalationResolved(this, revisit, now));
    }

    public Outcome Reassign(string department, string? owner, string? reason, string? by, DateTimeOffset now, BusinessCalendar calendar)
    {
        if (!IsActive)
        {
            return EscalationErrors.InvalidTransition(this, "reassign");
        }

        var (fromDepartment, fromOwner) = (Department, Owner);
        Department = department;
        Owner = owner;
        AddNote(EscalationNoteKind.Reassignment, reason, by, now);
        return Changed(now, calendar, new EscalationReassigned(this, fromDepartment, fromOwner, reason, now));
    }

    /// <summary>A chase (催办) by a person; automatic ones come from <see cref="Check"/>.</summary>
    public Outcome Remind(string? note, string? by, DateTimeOffset now, BusinessCalendar calendar)
    {
        if (Status is not (EscalationStatus.Open or EscalationStatus.Acknowledged or EscalationStatus.InProgress))
        {
            return EscalationErrors.InvalidTransition(this, "remind");
        }

        ReminderCount++;
        LastReminderAt = now.ToUniversalTime();
        AddNote(EscalationNoteKind.Reminder, note, by, now);
        return Changed(now, calendar, new EscalationReminded(this, note, now));
    }

    /// <summary>The revisit found the customer satisfied.</summary>
    public Outcome CloseLoop(RevisitAnswer answer, DateTimeOffset now, BusinessCalendar calendar)
    {
        if (Status != EscalationStatus.Resolved)
        {
            return EscalationErrors.InvalidTransition(this, "close");
        }

        Status = EscalationStatus.Closed;
        ClosedAt = now.ToUniversalTime();
        return Changed(now, calendar, new EscalationLoopClosed(this, answer, now));
    }

    /// <summary>
    /// The revisit found the customer still unsatisfied: a new cycle starts at the next level with fresh
    /// deadlines; past the last cycle a manager owns it. The customer's unresolved problems are the reopen's note.
    /// </summary>
    public Outcome Reopen(RevisitAnswer answer, DateTimeOffset now, BusinessCalendar calendar)
    {
        if (Status != EscalationStatus.Resolved)
        {
            return EscalationErrors.InvalidTransition(this, "reopen");
        }

        var at = now;
        now = now.ToUniversalTime();
        Cycle++;
        HandedToManager = HandedToManager || Cycle > MaxCycles;
        MoveUp(HandedToManager ? EscalationLevel.Manager : Next(Level));
        Status = EscalationStatus.Open;
        CycleStartedAt = now;
        ResponseSla = ResponseSla.Restarted();
        ResolutionSla = ResolutionSla.Restarted();
        RevisitTaskId = null;
        NextReminderAt = null;
        AddNote(EscalationNoteKind.Reopen, answer.UnresolvedProblems, "system", now);
        return Changed(now, calendar, new EscalationReopened(this, answer, at));
    }

    /// <summary>
    /// The deadline arithmetic of one target in the current cycle: when it falls due, or — with
    /// <paramref name="warning"/> — when its warning share (<see cref="WarningPercent"/>) is used up.
    /// </summary>
    public SlaReckoning Reckon(SlaTargetKind target, BusinessCalendar calendar, bool warning = false) =>
        TargetOf(target).Reckon(CycleStartedAt, CyclePauses, calendar, warning ? WarningPercent : null);

    public SlaTargetState TargetOf(SlaTargetKind target) => target == SlaTargetKind.Response ? ResponseSla : ResolutionSla;

    public IReadOnlyList<SlaPauseSpan> CyclePauses => [.. PausesOf(Cycle).Select(p => p.Span)];

    /// <summary>The pauses of a cycle, read from the progress column (see <see cref="EscalationPauseSpan.FromNotes"/>).</summary>
    public IReadOnlyList<EscalationPauseSpan> PausesOf(int cycle) => EscalationPauseSpan.FromNotes(_notes, cycle);

    /// <summary>Wall-clock time paused in the current cycle up to <paramref name="now"/>.</summary>
    public TimeSpan PausedIn(DateTimeOffset now) => SlaClock.PausedFor(CyclePauses, now);

    public void ErasePersonalData(string pseudonym, DateTimeOffset now)
    {
        CustomerExternalId = pseudonym;
        Reason = Reason is null ? null : VisitTask.ErasedText;
        Resolution = Resolution is null ? null : VisitTask.ErasedText;
        foreach (var note in _notes)
        {
            note.EraseText();
        }

        PersonalDataErasedAt ??= now.ToUniversalTime();
        Touch(now);
    }

    private bool OwesBreachedTarget => ResponseSla.IsOwedAfterBreach || ResolutionSla.IsOwedAfterBreach;

    private void CheckTarget(SlaTargetKind target, DateTimeOffset now, BusinessCalendar calendar, List<SlaHappening> happened)
    {
        var state = TargetOf(target);
        switch (state.FallenDue(now))
        {
            case SlaHappeningKind.Breach:
                SetTarget(target, state.Breached(now));
                BreachCount++;
                MoveUp(Next(Level));
                // The breach itself is the first chase; reminders follow at the interval, in working time.
                NextReminderAt = calendar.AddWorkingTime(now, ReminderInterval);
                happened.Add(new SlaHappening(SlaHappeningKind.Breach, target, state.DueBy!.Value));
                break;
            case SlaHappeningKind.Warning:
                SetTarget(target, state.Warned(now));
                happened.Add(new SlaHappening(SlaHappeningKind.Warning, target, state.DueBy!.Value));
                break;
        }
    }

    private void SetTarget(SlaTargetKind target, SlaTargetState state)
    {
        if (target == SlaTargetKind.Response)
        {
            ResponseSla = state;
        }
        else
        {
            ResolutionSla = state;
        }
    }

    private void MoveUp(EscalationLevel level)
    {
        if (level <= Level)
        {
            return;
        }

        Level = level;
        Owner = level switch
        {
            EscalationLevel.Supervisor => Supervisor ?? Owner,
            EscalationLevel.Manager => Manager ?? Supervisor ?? Owner,
            _ => Owner,
        };
    }

    private static EscalationLevel Next(EscalationLevel level) => level == EscalationLevel.Manager ? level : level + 1;

    /// <summary>Every transition ends here: deadlines planned again, version moved on, and what happened raised.</summary>
    private Outcome Changed(DateTimeOffset now, BusinessCalendar calendar, IDomainEvent happened)
    {
        Plan(calendar);
        Touch(now);
        Raise(happened);
        return Outcome.Ok;
    }

    /// <summary>Deadlines, warning instants, the queue order and the monitor's next check, from the state.</summary>
    private void Plan(BusinessCalendar calendar)
    {
        var running = Status is EscalationStatus.Open or EscalationStatus.Acknowledged or EscalationStatus.InProgress;
        if (running || Status == EscalationStatus.Paused)
        {
            var pauses = CyclePauses;
            ResponseSla = ResponseSla.Planned(CycleStartedAt, pauses, calendar, WarningPercent);
            ResolutionSla = ResolutionSla.Planned(CycleStartedAt, pauses, calendar, WarningPercent);
        }
        else
        {
            ResponseSla = ResponseSla.Stopped();
            ResolutionSla = ResolutionSla.Stopped();
        }

        if (!running)
        {
            NextCheckAt = null;
            NextDueBy = null;
            return;
        }

        var next = Min(ResponseSla.NextCheckAt, ResolutionSla.NextCheckAt);
        if (OwesBreachedTarget)
        {
            next = Min(next, NextReminderAt);
        }

        NextCheckAt = next;
        NextDueBy = AcknowledgedAt is null ? ResponseSla.DueBy : ResolutionSla.DueBy;
    }

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private void AddNote(EscalationNoteKind kind, string? text, string? by, DateTimeOffset now) =>
        _notes.Add(new EscalationNote(NewNoteId(now), Cycle, now.ToUniversalTime(), kind, text, by));

    private static Guid NewNoteId(DateTimeOffset now) => Guid.CreateVersion7(now);

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now.ToUniversalTime();
        Version++;
        RecordCycle();
    }

    /// <summary>Copies the current cycle's marks into its <see cref="EscalationCycle"/> (every change passes here).</summary>
    private void RecordCycle()
    {
        var current = _cycles.FirstOrDefault(c => c.Number == Cycle);
        if (current is null)
        {
            current = new EscalationCycle(Cycle, CycleStartedAt);
            _cycles.Add(current);
        }

        current.Record(AcknowledgedAt, ResponseSla.BreachedAt, ResolvedAt, ResolutionSla.BreachedAt);
    }
}
