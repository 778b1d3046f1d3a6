using HuiFang.Api.Domain.Common;

namespace HuiFang.Api.Domain.VisitTasks;

// What happens to a visit task, raised by its transitions. Each carries the task (as it is after the
// change) and what the change replaced or was told, which the task itself does not keep.

/// <summary>A task was planned: by a caller or the intake (<see cref="VisitTask.Create"/>), or as the revisit of an escalation.</summary>
public sealed record VisitTaskPlanned(VisitTask Task, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The task was given to an agent; <paramref name="From"/> is who had it before, if anyone.</summary>
public sealed record VisitTaskAssigned(VisitTask Task, string? From, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The next contact (and perhaps the deadline) moved, for the caller's <paramref name="Reason"/>.</summary>
public sealed record VisitTaskRescheduled(VisitTask Task, string? Reason, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The task was cancelled (its reason is on the task).</summary>
public sealed record VisitTaskCancelled(VisitTask Task, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A contact attempt that did not reach the customer was recorded.</summary>
public sealed record VisitTaskAttemptRecorded(VisitTask Task, ContactAttempt Attempt, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The last allowed failed attempt made the task unreachable (raised once, after its <see cref="VisitTaskAttemptRecorded"/>).</summary>
public sealed record VisitTaskBecameUnreachable(VisitTask Task, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The customer was reached and gave feedback: the task is completed (what they said is the feedback record's event).</summary>
public sealed record VisitTaskCompleted(VisitTask Task, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The SLA monitor found the task open past its deadline (once per deadline).</summary>
public sealed record VisitTaskFoundOverdue(VisitTask Task, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The customer's personal data in the task was erased.</summary>
public sealed record VisitTaskPersonalDataErased(VisitTask Task, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>
/// The customer did not answer the survey sent for the task: it became a phone visit (<paramref name="From"/> is the
/// channel it had), planned at the next working moment.
/// </summary>
public sealed record VisitTaskFellBackToPhoneVisit(VisitTask Task, ContactChannel From, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The customer did not answer the survey sent for the task, and the tenant closes such tasks as unreachable.</summary>
public sealed record VisitTaskSurveyUnanswered(VisitTask Task, DateTimeOffset OccurredAt) : IDomainEvent;
