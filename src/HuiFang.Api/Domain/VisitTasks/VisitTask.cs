using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Calendar;
using HuiFang.Api.Domain.Tenants;

namespace HuiFang.Api.Domain.VisitTasks;

/// <summary>The customer a task is about, as the calling system knows them.</summary>
public sealed record CustomerInfo(string ExternalId, string Name, string? Phone, ContactChannel? PreferredChannel);

/// <summary>The completed job a follow-up is about.</summary>
public sealed record ServiceRecordInfo(
    string WorkOrderNo,
    string ServiceType,
    string? Description,
    DateTimeOffset CompletedAt,
    string? Staff,
    string? Department);

/// <summary>How failed contact attempts are handled (options <c>HuiFang:VisitTasks</c>).</summary>
public sealed record AttemptRules(int MaxFailedAttempts, TimeSpan RetryAfter);

/// <summary>
/// A planned follow-up contact with one customer about one service record (回访任务).
/// It guards its own state: every change goes through a method that checks the transition first.
/// </summary>
public sealed class VisitTask : AggregateRoot, ITenantOwned
{
    private readonly List<ContactAttempt> _attempts = [];

    private VisitTask()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Set by the database context from the caller when the task is first saved.</summary>
    public string TenantId { get; private set; } = "";

    public string CustomerExternalId { get; private set; } = "";

    public string CustomerName { get; private set; } = "";

    public string? CustomerPhone { get; private set; }

    public ContactChannel? CustomerPreferredChannel { get; private set; }

    public string WorkOrderNo { get; private set; } = "";

    public string ServiceType { get; private set; } = "";

    public string? ServiceDescription { get; private set; }

    public DateTimeOffset ServiceCompletedAt { get; private set; }

    public string? ServiceStaff { get; private set; }

    public string? ServiceDepartment { get; private set; }

    public VisitPurpose Purpose { get; private set; }

    public ContactChannel Channel { get; private set; }

    public string? Assignee { get; private set; }

    public VisitTaskStatus Status { get; private set; }

    public DateTimeOffset DueFrom { get; private set; }

    public DateTimeOffset DueBy { get; private set; }

    public DueRule DueRule { get; private set; }

    /// <summary>When the next contact is planned; moves with failed attempts, callbacks and reschedules.</summary>
    public DateTimeOffset ScheduledFor { get; private set; }

    public int FailedAttempts { get; private set; }

    public string? DoNotDisturbOverrideReason { get; private set; }

    public string? CancellationReason { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>On a revisit task: the escalation whose fix the customer is asked about.</summary>
    public Guid? EscalationId { get; private set; }

    /// <summary>When the SLA monitor found the task open past its deadline (once per deadline).</summary>
    public DateTimeOffset? OverdueRaisedAt { get; private set; }

    /// <summary>When the customer's personal data in this task was erased (anonymised), if it was.</summary>
    public DateTimeOffset? PersonalDataErasedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Incremented on every change; the optimistic-concurrency token.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<ContactAttempt> Attempts => _attempts;

    public bool IsOpen => Status is VisitTaskStatus.Pending or VisitTaskStatus.Assigned;

    public bool IsOverdue(DateTimeOffset now) => IsOpen && now > DueBy;

    /// <summary>
    /// A new task. The first contact is planned at the start of the due window, or at the next working
    /// moment when the window has already opened.
    /// </summary>
    public static VisitTask Create(
        Guid id,
        CustomerInfo customer,
        ServiceRecordInfo service,
        VisitPurpose purpose,
        ContactChannel channel,
        string? assignee,
        DueWindow window,
        string? doNotDisturbOverrideReason,
        DateTimeOffset now,
        BusinessCalendar calendar)
    {
        var earliest = calendar.NextWorkingInstant(now);
        var task = new VisitTask
        {
            Id = id,
            CustomerExternalId = customer.ExternalId,
            CustomerName = customer.Name,
            CustomerPhone = customer.Phone,
            CustomerPreferredChannel = customer.PreferredChannel,
            WorkOrderNo = service.WorkOrderNo,
            ServiceType = service.ServiceType,
            ServiceDescription = service.Description,
            ServiceCompletedAt = service.CompletedAt.ToUniversalTime(),
            ServiceStaff = service.Staff,
            ServiceDepartment = service.Department,
            Purpose = purpose,
            Channel = channel,
            Assignee = assignee,
            Status = assignee is null ? VisitTaskStatus.Pending : VisitTaskStatus.Assigned,
            DueFrom = window.From.ToUniversalTime(),
            DueBy = window.By.ToUniversalTime(),
            DueRule = window.Rule,
            ScheduledFor = (window.From > earliest ? window.From : earliest).ToUniversalTime(),
            DoNotDisturbOverrideReason = doNotDisturbOverrideReason,
            CreatedAt = now.ToUniversalTime(),
            UpdatedAt = now.ToUniversalTime(),
            Version = 1,
        };
        task.Raise(new VisitTaskPlanned(task, now));
        return task;
    }

    /// <summary>
    /// The revisit (二次回访) after an escalation was resolved: a complaint follow-up of the same customer
    /// and work order, due within <paramref name="within"/>, with the original agent and channel.
    /// </summary>
    public static VisitTask CreateRevisit(Guid id, VisitTask original, Guid escalationId, TimeSpan within, DateTimeOffset now, BusinessCalendar calendar)
    {
        var revisit = Create(
            id,
            new CustomerInfo(original.CustomerExternalId, original.CustomerName, original.CustomerPhone, original.CustomerPreferredChannel),
            new ServiceRecordInfo(original.WorkOrderNo, original.ServiceType, original.ServiceDescription, original.ServiceCompletedAt, original.ServiceStaff, original.ServiceDepartment),
            VisitPurpose.ComplaintFollowUp,
            original.Channel,
            original.Assignee,
            DueDatePolicy.WithinWallClock(now, within, calendar, DueRule.ComplaintWithinHours),
            null,
            now,
            calendar);
        revisit.EscalationId = escalationId;
        return revisit;
    }

    /// <summary>The customer was reached and gave feedback: the task is done.</summary>
    public Outcome Complete(DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return VisitTaskErrors.InvalidTransition(this, "record-feedback");
        }

        Status = VisitTaskStatus.Completed;
        ClosedAt = now.ToUniversalTime();
        Touch(now);
        Raise(new VisitTaskCompleted(this, now));
        return Outcome.Ok;
    }

    /// <summary>
    /// True the first time the task is found open past its deadline. This is the SLA monitor's bookkeeping (it
    /// raises the overdue notice once): nothing a caller reads changes — <c>isOverdue</c> follows from the clock —
    /// so neither <see cref="Version"/> (the ETag) nor <see cref="UpdatedAt"/> moves, and a caller's change made
    /// from the version it read is not refused because the monitor passed by in between. The write still carries
    /// the version it read, so a caller's change that lands first makes the monitor's tick retry.
    /// </summary>
    public bool MarkOverdue(DateTimeOffset now)
    {
        if (!IsOverdue(now) || OverdueRaisedAt is not null)
        {
            return false;
        }

        OverdueRaisedAt = now.ToUniversalTime();
        Raise(new VisitTaskFoundOverdue(this, now));
        return true;
    }

    public Outcome Assign(string assignee, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return VisitTaskErrors.InvalidTransition(this, "assign");
        }

        var from = Assignee;
        Assignee = assignee;
        Status = VisitTaskStatus.Assigned;
        Touch(now);
        Raise(new VisitTaskAssigned(this, from, now));
        return Outcome.Ok;
    }

    /// <summary>Moves the next contact; a new deadline is optional, an earlier window start follows the new time.</summary>
    public Outcome Reschedule(DateTimeOffset scheduledFor, DateTimeOffset? dueBy, DateTimeOffset now) => Reschedule(scheduledFor, dueBy, null, now);

    /// <inheritdoc cref="Reschedule(DateTimeOffset, DateTimeOffset?, DateTimeOffset)"/>
    /// <param name="reason">Why the visit moves, kept in the task's history.</param>
    public Outcome Reschedule(DateTimeOffset scheduledFor, DateTimeOffset? dueBy, string? reason, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return VisitTaskErrors.InvalidTransition(this, "reschedule");
        }

        if (scheduledFor <= now)
        {
            return Error.InvalidField("scheduledFor", "validation.future");
        }

        var newDueBy = (dueBy ?? DueBy).ToUniversalTime();
        if (newDueBy < scheduledFor)
        {
            return Error.InvalidField("dueBy", "validation.dueByBeforeScheduled");
        }

        ScheduledFor = scheduledFor.ToUniversalTime();
        if (newDueBy != DueBy && newDueBy > now)
        {
            // A new deadline can be missed again, and is reported again.
            OverdueRaisedAt = null;
        }

        DueBy = newDueBy;
        if (dueBy is not null)
        {
            DueRule = DueRule.CallerSpecified;
        }

        if (ScheduledFor < DueFrom)
        {
            DueFrom = ScheduledFor;
        }

        Touch(now);
        Raise(new VisitTaskRescheduled(this, reason, now));
        return Outcome.Ok;
    }

    public Outcome Cancel(string reason, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return VisitTaskErrors.InvalidTransition(this, "cancel");
        }

        Status = VisitTaskStatus.Cancelled;
        CancellationReason = reason;
        ClosedAt = now.ToUniversalTime();
        Touch(now);
        Raise(new VisitTaskCancelled(this, now));
        return Outcome.Ok;
    }

    /// <summary>
    /// Records a contact attempt that did not reach the customer. A requested callback moves the next
    /// contact to the customer's time (and the deadline with it, when later); any other outcome counts
    /// as failed and retries after <see cref="AttemptRules.RetryAfter"/> of working time, until the
    /// limit of failed attempts makes the task <see cref="VisitTaskStatus.Unreachable"/>.
    /// </summary>
    public Outcome RecordAttempt(
        Guid attemptId,
        AttemptOutcome outcome,
        string? note,
        DateTimeOffset? callbackAt,
        string? recordedBy,
        DateTimeOffset now,
        BusinessCalendar calendar,
        AttemptRules rules)
    {
        if (!IsOpen)
        {
            return VisitTaskErrors.InvalidTransition(this, "record-attempt");
        }

        if (outcome == AttemptOutcome.CallbackRequested)
        {
            if (callbackAt is null)
            {
                return Error.InvalidField("callbackAt", "validation.callbackRequired");
            }

            if (callbackAt <= now)
            {
                return Error.InvalidField("callbackAt", "validation.future");
            }

            ScheduledFor = callbackAt.Value.ToUniversalTime();
            if (ScheduledFor > DueBy)
            {
                DueBy = ScheduledFor;
                OverdueRaisedAt = null;
            }
        }
        else
        {
            FailedAttempts++;
            if (FailedAttempts >= rules.MaxFailedAttempts)
            {
                Status = VisitTaskStatus.Unreachable;
                ClosedAt = now.ToUniversalTime();
            }
            else
            {
                // A retry that lands on the close of an interval is planned when work resumes.
                ScheduledFor = calendar.NextWorkingInstant(calendar.AddWorkingTime(now, rules.RetryAfter)).ToUniversalTime();
            }
        }

        var attempt = new ContactAttempt(attemptId, now.ToUniversalTime(), outcome, note, callbackAt?.ToUniversalTime(), recordedBy);
        _attempts.Add(attempt);
        Touch(now);
        Raise(new VisitTaskAttemptRecorded(this, attempt, now));
        if (Status == VisitTaskStatus.Unreachable)
        {
            Raise(new VisitTaskBecameUnreachable(this, now));
        }

        return Outcome.Ok;
    }

    /// <summary>
    /// The survey sent for the task expired unanswered and the tenant wants a call instead: the task becomes a phone
    /// visit planned at the next working moment; when that leaves less than a working day of time (the calendar's daily
    /// working time) before the deadline, the deadline moves to that much working time after the planned call — the end
    /// of its working day when it is planned at the start of one — and can be reported overdue again.
    /// </summary>
    public Outcome FallBackToPhoneVisit(DateTimeOffset now, BusinessCalendar calendar)
    {
        if (!IsOpen)
        {
            return VisitTaskErrors.InvalidTransition(this, "fall-back-to-phone-visit");
        }

        var from = Channel;
        Channel = ContactChannel.Phone;
        ScheduledFor = calendar.NextWorkingInstant(now).ToUniversalTime();
        var latestDue = calendar.AddWorkingTime(ScheduledFor, calendar.DailyWorkingTime).ToUniversalTime();
        if (DueBy < latestDue)
        {
            DueBy = latestDue;
            OverdueRaisedAt = null;
        }

        if (ScheduledFor < DueFrom)
        {
            DueFrom = ScheduledFor;
        }

        Touch(now);
        Raise(new VisitTaskFellBackToPhoneVisit(this, from, now));
        return Outcome.Ok;
    }

    /// <summary>The survey sent for the task expired unanswered and the tenant closes such tasks: the task is unreachable.</summary>
    public Outcome CloseUnansweredSurvey(DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return VisitTaskErrors.InvalidTransition(this, "close-unanswered-survey");
        }

        Status = VisitTaskStatus.Unreachable;
        ClosedAt = now.ToUniversalTime();
        Touch(now);
        Raise(new VisitTaskSurveyUnanswered(this, now));
        return Outcome.Ok;
    }

    /// <summary>Text that replaces erased free text, so that readers see that something was there.</summary>
    public const string ErasedText = "[erased]";

    /// <summary>
    /// Anonymises the customer's personal data (name, phone, and every free text that may name them)
    /// while the facts that statistics need stay: purpose, dates, status, attempts and their outcomes.
    /// The external id becomes a pseudonym, so that the customer's tasks still count as one customer.
    /// Allowed in any status; erasing twice changes nothing more.
    /// </summary>
    public void ErasePersonalData(string pseudonym, DateTimeOffset now)
    {
        CustomerExternalId = pseudonym;
        CustomerName = ErasedText;
        CustomerPhone = null;
        ServiceDescription = ServiceDescription is null ? null : ErasedText;
        DoNotDisturbOverrideReason = DoNotDisturbOverrideReason is null ? null : ErasedText;
        CancellationReason = CancellationReason is null ? null : ErasedText;
        foreach (var attempt in _attempts)
        {
            attempt.EraseNote();
        }

        PersonalDataErasedAt ??= now.ToUniversalTime();
        Touch(now);
        Raise(new VisitTaskPersonalDataErased(this, now));
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now.ToUniversalTime();
        Version++;
    }
}

/// <summary>One contact attempt that did not reach the customer.</summary>
public sealed class ContactAttempt
{
    private ContactAttempt()
    {
    }

    public ContactAttempt(Guid id, DateTimeOffset attemptedAt, AttemptOutcome outcome, string? note, DateTimeOffset? callbackAt, string? recordedBy)
    {
        Id = id;
        AttemptedAt = attemptedAt;
        Outcome = outcome;
        Note = note;
        CallbackAt = callbackAt;
        RecordedBy = recordedBy;
    }

    public Guid Id { get; private set; }

    public DateTimeOffset AttemptedAt { get; private set; }

    public AttemptOutcome Outcome { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset? CallbackAt { get; private set; }

    public string? RecordedBy { get; private set; }

    internal void EraseNote() => Note = Note is null ? null : VisitTask.ErasedText;
}
