using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Calendar;
using HuiFang.Api.Domain.Tenants;
using HuiFang.Api.Domain.VisitTasks;

namespace HuiFang.Api.Domain.Escalations;

/// <summary>Something the SLA clock caused on a check: a warning, a breach or an automatic reminder.</summary>
public sealed record SlaHappening(SlaHappeningKind Kind, SlaTargetKind Target, DateTimeOffset DueBy);

public enum SlaHappeningKind
{
    Warning,
    Breach,
    AutomaticReminder,
}

/// <summary>The SLA rules an escalation was opened with; kept on it so that a later policy change does not move its deadlines.</summary>
public sealed record EscalationSlaRules(SeveritySla Sla, int WarningPercent, TimeSpan ReminderInterval, int MaxCycles)
{
    public static EscalationSlaRules From(EscalationPolicy policy, EscalationSeverity severity) =>
        new(policy.SlaOf(severity), policy.WarningPercent, policy.ReminderInterval, policy.MaxCycles);
}

/// <summary>What the escalation is about: the original visit task and, when there is one, the feedback.</summary>
public sealed record EscalationSubject(Guid TaskId, Guid? FeedbackId, string CustomerExternalId, string WorkOrderNo, string ServiceType);

/// <summary>
/// A complaint or an unsatisfied result handed to the responsible department under an SLA
/// (投诉处理 / 升级), and the loop around it: open → acknowledged → in progress → resolved → revisit →
/// closed when the customer is satisfied, or reopened at the next level when not. It guards every
/// transition and keeps the SLA arithmetic: deadlines per handling cycle, pauses that stop the clock,
/// warnings and breaches that happen once per target and cycle, reminders within working hours.
/// <see cref="NextCheckAt"/> is the next instant the SLA monitor has anything to do for it (indexed).
/// </summary>
public sealed class Escalation : ITenantOwned
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

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public string? Resolution { get; private set; }

    public Guid? RevisitTaskId { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public TimeSpan ResponseTarget { get; private set; }

    public SlaClockKind ResponseClock { get; private set; }

    public TimeSpan ResolutionTarget { get; private set; }

    public SlaClockKind ResolutionClock { get; private set; }

    public int WarningPercent { get; private set; }

    public TimeSpan ReminderInterval { get; private set; }

    public int MaxCycles { get; private set; }

    /// <summary>Null while paused (the clock stands still) and once the target is met.</summary>
    public DateTimeOffset? ResponseDueBy { get; private set; }

    public DateTimeOffset? ResolutionDueBy { get; private set; }

    public DateTimeOffset? ResponseWarnAt { get; private set; }

    public DateTimeOffset? ResolutionWarnAt { get; private set; }

    public DateTimeOffset? ResponseWarnedAt { get; private set; }

    public DateTimeOffset? ResponseBreachedAt { get; private set; }

    public DateTimeOffset? ResolutionWarnedAt { get; private set; }

    public DateTimeOffset? ResolutionBreachedAt { get; private set; }

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

    public bool IsBreached => ResponseBreachedAt is not null || ResolutionBreachedAt is not null;

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
            ResponseTarget = rules.Sla.Response.Duration,
            ResponseClock = rules.Sla.Response.Clock,
            ResolutionTarget = rules.Sla.Resolution.Duration,
            ResolutionClock = rules.Sla.Resolution.Clock,
            WarningPercent = rules.WarningPercent,
            ReminderInterval = rules.ReminderInterval,
            MaxCycles = rules.MaxCycles,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        escalation.Plan(calendar);
        escalation.RecordCycle();
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

        if (AcknowledgedAt is null && ResponseDueBy is { } responseDue)
        {
            CheckTarget(SlaTargetKind.Response, responseDue, ResponseWarnAt, now, calendar, happened);
        }

        if (ResolutionDueBy is { } resolutionDue)
        {
            CheckTarget(SlaTargetKind.Resolution, resolutionDue, ResolutionWarnAt, now, calendar, happened);
        }

        var moved = false;
        if (OwesBreachedTarget && NextReminderAt is { } reminderAt && reminderAt <= now)
        {
            moved = true;
            if (calendar.NextWorkingInstant(now) == now)
            {
                ReminderCount++;
                LastReminderAt = now;
                _notes.Add(new EscalationNote(NewNoteId(now), Cycle, now, EscalationNoteKind.AutomaticReminder, null, "sla-monitor"));
                happened.Add(ResponseOwed
                    ? new SlaHappening(SlaHappeningKind.AutomaticReminder, SlaTargetKind.Response, ResponseDueBy ?? now)
                    : new SlaHappening(SlaHappeningKind.AutomaticReminder, SlaTargetKind.Resolution, ResolutionDueBy ?? now));
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

        return happened;
    }

    public Outcome Acknowledge(string? note, string? by, DateTimeOffset now, BusinessCalendar calendar)
    {
        if (Status != EscalationStatus.Open)
        {
            return EscalationErrors.InvalidTransition(this, "acknowledge");
        }

        Status = EscalationStatus.Acknowledged;
        AcknowledgedAt = now.ToUniversalTime();
        AddNote(EscalationNoteKind.Acknowledgement, note, by, now);
        return Changed(now, calendar);
    }

    public Outcome AddProgress(string note, string? by, DateTimeOffset now, BusinessCalendar calendar)
    {
        if (Status is not (EscalationStatus.Acknowledged or EscalationStatus.InProgress))
        {
            return EscalationErrors.InvalidTransition(this, "progress");
        }

        Status = EscalationStatus.InProgress;
        AddNote(EscalationNoteKind.Progress, note, by, now);
        return Changed(now, calendar);
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
        return Changed(now, calendar);
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
        return Changed(now, calendar);
    }

    /// <summary>Reported fixed: the resolution target is met and the customer is revisited by <paramref name="revisitTaskId"/>.</summary>
    public Outcome Resolve(string resolution, string? by, Guid revisitTaskId, DateTimeOffset now, BusinessCalendar calendar)
    {
        if (Status is not (EscalationStatus.Acknowledged or EscalationStatus.InProgress))
        {
            return Status == EscalationStatus.Open
                ? EscalationErrors.NotAcknowledged(this)
                : EscalationErrors.InvalidTransition(this, "resolve");
        }

        Status = EscalationStatus.Resolved;
        ResolvedAt = now.ToUniversalTime();
        Resolution = resolution;
        RevisitTaskId = revisitTaskId;
        AddNote(EscalationNoteKind.Resolution, resolution, by, now);
        return Changed(now, calendar);
    }

    public Outcome Reassign(string department, string? owner, string? reason, string? by, DateTimeOffset now, BusinessCalendar calendar)
    {
        if (!IsActive)
        {
            return EscalationErrors.InvalidTransition(this, "reassign");
        }

        Department = department;
        Owner = owner;
        AddNote(EscalationNoteKind.Reassignment, reason, by, now);
        return Changed(now, calendar);
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
        return Changed(now, calendar);
    }

    /// <summary>The revisit found the customer satisfied.</summary>
    public Outcome CloseLoop(DateTimeOffset now, BusinessCalendar calendar)
    {
        if (Status != EscalationStatus.Resolved)
        {
            return EscalationErrors.InvalidTransition(this, "close");
        }

        Status = EscalationStatus.Closed;
        ClosedAt = now.ToUniversalTime();
        return Changed(now, calendar);
    }

    /// <summary>
    /// The revisit found the customer still unsatisfied: a new cycle starts at the next level with fresh
    /// deadlines; past the last cycle a manager owns it.
    /// </summary>
    public Outcome Reopen(string? note, DateTimeOffset now, BusinessCalendar calendar)
    {
        if (Status != EscalationStatus.Resolved)
        {
            return EscalationErrors.InvalidTransition(this, "reopen");
        }

        now = now.ToUniversalTime();
        Cycle++;
        HandedToManager = HandedToManager || Cycle > MaxCycles;
        MoveUp(HandedToManager ? EscalationLevel.Manager : Next(Level));
        Status = EscalationStatus.Open;
        CycleStartedAt = now;
        AcknowledgedAt = null;
        ResolvedAt = null;
        RevisitTaskId = null;
        ResponseWarnedAt = ResponseBreachedAt = ResolutionWarnedAt = ResolutionBreachedAt = null;
        NextReminderAt = null;
        AddNote(EscalationNoteKind.Reopen, note, "system", now);
        return Changed(now, calendar);
    }

    /// <summary>
    /// The deadline arithmetic of one target in the current cycle: when it falls due, or — with
    /// <paramref name="warning"/> — when its warning share (<see cref="WarningPercent"/>) is used up.
    /// </summary>
    public SlaReckoning Reckon(SlaTargetKind target, BusinessCalendar calendar, bool warning = false)
    {
        var (duration, clock) = target == SlaTargetKind.Response ? (ResponseTarget, ResponseClock) : (ResolutionTarget, ResolutionClock);
        var counted = warning ? TimeSpan.FromTicks(duration.Ticks / 100 * WarningPercent) : duration;
        return SlaClock.Reckon(CycleStartedAt, counted, clock, calendar, CyclePauses);
    }

    public IEnumerable<SlaPauseSpan> CyclePauses => PausesOf(Cycle).Select(p => new SlaPauseSpan(p.From, p.To));

    /// <summary>
    /// The pauses of a cycle, read from the progress column: each Pause note opens one, the next Resume
    /// note of the cycle ends it (none yet: it lasts). The notes are the record; nothing else stores pauses.
    /// </summary>
    public IReadOnlyList<EscalationPauseSpan> PausesOf(int cycle)
    {
        var pauses = new List<EscalationPauseSpan>();
        EscalationNote? open = null;
        foreach (var note in _notes.Where(n => n.Cycle == cycle && n.Kind is EscalationNoteKind.Pause or EscalationNoteKind.Resume)
                     .OrderBy(n => n.At).ThenBy(n => n.Kind == EscalationNoteKind.Resume))
        {
            if (note.Kind == EscalationNoteKind.Pause)
            {
                open ??= note;
            }
            else if (open is not null)
            {
                pauses.Add(new EscalationPauseSpan(open.At, note.At, open.Text));
                open = null;
            }
        }

        if (open is not null)
        {
            pauses.Add(new EscalationPauseSpan(open.At, null, open.Text));
        }

        return pauses;
    }

    /// <summary>Wall-clock time paused in the current cycle up to <paramref name="now"/>.</summary>
    public TimeSpan PausedIn(DateTimeOffset now) =>
        PausesOf(Cycle).Aggregate(TimeSpan.Zero, (sum, p) => sum + ((p.To ?? now) - p.From));

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

    private bool ResponseOwed => AcknowledgedAt is null && ResponseBreachedAt is not null;

    private bool OwesBreachedTarget => ResponseOwed || ResolutionBreachedAt is not null;

    private void CheckTarget(SlaTargetKind target, DateTimeOffset due, DateTimeOffset? warnAt, DateTimeOffset now, BusinessCalendar calendar, List<SlaHappening> happened)
    {
        var response = target == SlaTargetKind.Response;
        var breachedAt = response ? ResponseBreachedAt : ResolutionBreachedAt;
        var warnedAt = response ? ResponseWarnedAt : ResolutionWarnedAt;
        if (breachedAt is null && now > due)
        {
            // A breach found at once needs no warning before it.
            SetMarks(response, warnedAt ?? now, now);
            BreachCount++;
            MoveUp(Next(Level));
            // The breach itself is the first chase; reminders follow at the interval, in working time.
            NextReminderAt = calendar.AddWorkingTime(now, ReminderInterval);
            happened.Add(new SlaHappening(SlaHappeningKind.Breach, target, due));
        }
        else if (breachedAt is null && warnedAt is null && warnAt is { } warn && now >= warn)
        {
            SetMarks(response, now, null);
            happened.Add(new SlaHappening(SlaHappeningKind.Warning, target, due));
        }
    }

    private void SetMarks(bool response, DateTimeOffset warned, DateTimeOffset? breached)
    {
        if (response)
        {
            ResponseWarnedAt = warned;
            ResponseBreachedAt = breached ?? ResponseBreachedAt;
        }
        else
        {
            ResolutionWarnedAt = warned;
            ResolutionBreachedAt = breached ?? ResolutionBreachedAt;
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

    private Outcome Changed(DateTimeOffset now, BusinessCalendar calendar)
    {
        Plan(calendar);
        Touch(now);
        return Outcome.Ok;
    }

    /// <summary>Deadlines, warning instants, the queue order and the monitor's next check, from the state.</summary>
    private void Plan(BusinessCalendar calendar)
    {
        var running = Status is EscalationStatus.Open or EscalationStatus.Acknowledged or EscalationStatus.InProgress;
        var paused = Status == EscalationStatus.Paused;
        if (running || paused)
        {
            var response = AcknowledgedAt is null ? Reckon(SlaTargetKind.Response, calendar).DueBy : null;
            var resolution = Reckon(SlaTargetKind.Resolution, calendar).DueBy;
            ResponseDueBy = AcknowledgedAt is null ? response : ResponseDueBy;
            ResolutionDueBy = resolution;
            ResponseWarnAt = AcknowledgedAt is null ? Reckon(SlaTargetKind.Response, calendar, warning: true).DueBy : null;
            ResolutionWarnAt = Reckon(SlaTargetKind.Resolution, calendar, warning: true).DueBy;
        }
        else
        {
            ResponseWarnAt = ResolutionWarnAt = null;
        }

        if (!running)
        {
            NextCheckAt = null;
            NextDueBy = null;
            return;
        }

        DateTimeOffset? next = null;
        if (AcknowledgedAt is null)
        {
            next = Min(next, ResponseWarnedAt is null ? ResponseWarnAt : ResponseBreachedAt is null ? ResponseDueBy : null);
        }

        next = Min(next, ResolutionWarnedAt is null ? ResolutionWarnAt : ResolutionBreachedAt is null ? ResolutionDueBy : null);
        if (OwesBreachedTarget)
        {
            next = Min(next, NextReminderAt);
        }

        NextCheckAt = next;
        NextDueBy = AcknowledgedAt is null ? ResponseDueBy : ResolutionDueBy;
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

        current.Record(AcknowledgedAt, ResponseBreachedAt, ResolvedAt, ResolutionBreachedAt);
    }
}

/// <summary>
/// One handling cycle of an escalation (1 for the first handling, one more on each reopen) and how it went:
/// when it started, when the department responded and reported it fixed, and whether either target was breached.
/// </summary>
public sealed class EscalationCycle
{
    private EscalationCycle()
    {
    }

    public EscalationCycle(int number, DateTimeOffset startedAt)
    {
        Number = number;
        StartedAt = startedAt.ToUniversalTime();
    }

    public int Number { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public DateTimeOffset? ResponseBreachedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public DateTimeOffset? ResolutionBreachedAt { get; private set; }

    internal void Record(DateTimeOffset? acknowledgedAt, DateTimeOffset? responseBreachedAt, DateTimeOffset? resolvedAt, DateTimeOffset? resolutionBreachedAt)
    {
        AcknowledgedAt = acknowledgedAt;
        ResponseBreachedAt = responseBreachedAt;
        ResolvedAt = resolvedAt;
        ResolutionBreachedAt = resolutionBreachedAt;
    }
}

/// <summary>A stretch of time the SLA clocks stood still, waiting on the customer; <see cref="To"/> is null while it lasts.</summary>
public sealed record EscalationPauseSpan(DateTimeOffset From, DateTimeOffset? To, string? Reason);

/// <summary>A line in the escalation's progress column: acknowledgement, progress, reminder, pause, resolution…</summary>
public sealed class EscalationNote
{
    private EscalationNote()
    {
    }

    public EscalationNote(Guid id, int cycle, DateTimeOffset at, EscalationNoteKind kind, string? text, string? by)
    {
        Id = id;
        Cycle = cycle;
        At = at;
        Kind = kind;
        Text = text;
        By = by;
    }

    public Guid Id { get; private set; }

    public int Cycle { get; private set; }

    public DateTimeOffset At { get; private set; }

    public EscalationNoteKind Kind { get; private set; }

    public string? Text { get; private set; }

    public string? By { get; private set; }

    internal void EraseText() => Text = Text is null ? null : VisitTask.ErasedText;
}
