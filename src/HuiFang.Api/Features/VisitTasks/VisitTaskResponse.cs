using HuiFang.Api.Domain.Common;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Services.Planning;

namespace HuiFang.Api.Features.VisitTasks;

/// <summary>A visit task (回访任务) as callers see it.</summary>
/// <param name="Id">Task id.</param>
/// <param name="Status">Where the task is: Pending, Assigned, Completed (feedback recorded), Unreachable or Cancelled.</param>
/// <param name="Customer">The customer to contact.</param>
/// <param name="ServiceRecord">The completed job the follow-up is about.</param>
/// <param name="Purpose">Why the customer is visited.</param>
/// <param name="Channel">How the customer is contacted.</param>
/// <param name="Assignee">Agent responsible for the visit, if assigned.</param>
/// <param name="DueWindow">When the visit is due, and which timing rule decided it.</param>
/// <param name="ScheduledFor">When the next contact is planned (UTC).</param>
/// <param name="IsOverdue">True when the task is still open after its due window closed.</param>
/// <param name="FailedAttempts">Contact attempts that did not reach the customer so far.</param>
/// <param name="Attempts">Every recorded contact attempt, oldest first.</param>
/// <param name="DoNotDisturbOverride">Present when the task was created despite the do-not-disturb rule.</param>
/// <param name="CancellationReason">Why the task was cancelled, when it was.</param>
/// <param name="ClosedAt">When the task became Completed, Unreachable or Cancelled.</param>
/// <param name="EscalationId">On a revisit task: the escalation whose fix the customer is asked about.</param>
/// <param name="QuestionnaireId">The tenant's questionnaire the task asks with, pinned when it was planned; null: the shipped default.</param>
/// <param name="QuestionnaireVersion">The version of that questionnaire pinned when the task was planned (answers are checked against it; 1 for the shipped default).</param>
/// <param name="CreatedAt">When the task was created.</param>
/// <param name="UpdatedAt">When the task last changed (as <c>version</c> counts changes).</param>
/// <param name="PersonalDataErasedAt">When the customer's personal data was erased, if it was.</param>
/// <param name="Version">Incremented on every change of what this shows (the SLA monitor raising the overdue notice is none: `isOverdue` follows from the clock); the ETag is this number in quotes.</param>
public sealed record VisitTaskResponse(
    Guid Id,
    VisitTaskStatus Status,
    CustomerResponse Customer,
    ServiceRecordResponse ServiceRecord,
    VisitPurpose Purpose,
    ContactChannel Channel,
    string? Assignee,
    DueWindowResponse DueWindow,
    DateTimeOffset ScheduledFor,
    bool IsOverdue,
    int FailedAttempts,
    IReadOnlyList<ContactAttemptResponse> Attempts,
    DoNotDisturbOverrideResponse? DoNotDisturbOverride,
    string? CancellationReason,
    DateTimeOffset? ClosedAt,
    Guid? EscalationId,
    Guid? QuestionnaireId,
    int QuestionnaireVersion,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PersonalDataErasedAt,
    int Version) : IVersioned
{
    /// <summary>The response for a caller; the phone number is masked unless <paramref name="revealPhone"/> (scope pii:read).</summary>
    public static VisitTaskResponse From(VisitTask t, DateTimeOffset now, bool revealPhone) => new(
        t.Id,
        t.Status,
        new CustomerResponse(t.CustomerExternalId, t.CustomerName, revealPhone ? t.CustomerPhone : PhoneMask.Mask(t.CustomerPhone), t.CustomerPreferredChannel),
        new ServiceRecordResponse(t.WorkOrderNo, t.ServiceType, t.ServiceDescription, t.ServiceCompletedAt, t.ServiceStaff, t.ServiceDepartment),
        t.Purpose,
        t.Channel,
        t.Assignee,
        new DueWindowResponse(t.DueFrom, t.DueBy, t.DueRule),
        t.ScheduledFor,
        t.IsOverdue(now),
        t.FailedAttempts,
        [.. t.Attempts.OrderBy(a => a.AttemptedAt).Select(a => new ContactAttemptResponse(a.Id, a.AttemptedAt, a.Outcome, a.Note, a.CallbackAt, a.RecordedBy))],
        t.DoNotDisturbOverrideReason is { } reason ? new DoNotDisturbOverrideResponse(reason) : null,
        t.CancellationReason,
        t.ClosedAt,
        t.EscalationId,
        t.QuestionnaireId,
        t.QuestionnaireVersion ?? 1,
        t.CreatedAt,
        t.UpdatedAt,
        t.PersonalDataErasedAt,
        t.Version);
}

/// <summary>When a visit is due.</summary>
/// <param name="From">Not before this instant.</param>
/// <param name="By">Overdue after this instant.</param>
/// <param name="Rule">The timing rule that planned the window, or CallerSpecified.</param>
public sealed record DueWindowResponse(DateTimeOffset From, DateTimeOffset By, DueRule Rule);

/// <summary>A contact attempt that did not reach the customer.</summary>
/// <param name="Id">Attempt id.</param>
/// <param name="AttemptedAt">When the attempt was recorded.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Note">Free text from the agent.</param>
/// <param name="CallbackAt">The time the customer asked to be called back.</param>
/// <param name="RecordedBy">Who recorded the attempt.</param>
public sealed record ContactAttemptResponse(Guid Id, DateTimeOffset AttemptedAt, AttemptOutcome Outcome, string? Note, DateTimeOffset? CallbackAt, string? RecordedBy);

/// <summary>Why a task was planned despite the do-not-disturb rule.</summary>
/// <param name="Reason">The reason given by the caller.</param>
public sealed record DoNotDisturbOverrideResponse(string Reason);
