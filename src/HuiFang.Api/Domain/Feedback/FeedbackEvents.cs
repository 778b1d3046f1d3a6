using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.VisitTasks;

namespace HuiFang.Api.Domain.Feedback;

// What happens to feedback records, raised by the record. Each carries what the history entry and the
// events need that the record itself does not keep.

/// <summary>
/// What the customer said on <paramref name="Task"/> was recorded, with what the loop made of it: the
/// escalation it opened, joined, reopened or closed (<paramref name="Escalation"/> names which), if any.
/// </summary>
public sealed record FeedbackRecorded(FeedbackRecord Feedback, VisitTask Task, Guid? EscalationId, string? Escalation, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>
/// <paramref name="Original"/> was corrected by <paramref name="Correction"/>; <paramref name="EscalationId"/> is the
/// escalation the correction opened or joined, if any.
/// </summary>
public sealed record FeedbackCorrected(FeedbackRecord Original, FeedbackRecord Correction, Guid? EscalationId, DateTimeOffset OccurredAt) : IDomainEvent
{
    /// <summary>
    /// The correction makes first-visit feedback with no escalation yet unsatisfied: the customer is newly
    /// known to be unsatisfied (revisit verdicts are not re-judged; an escalation already open stays).
    /// </summary>
    public bool NewlyUnsatisfied => !Original.IsRevisit && Original.EscalationId is null && Correction.IsUnsatisfied && !Original.IsUnsatisfied;
}

/// <summary>The promised reply to the customer's inquiry was given, by <paramref name="By"/>.</summary>
public sealed record FeedbackInquiryReplied(FeedbackRecord Feedback, string? By, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The SLA monitor found the promised reply late (once).</summary>
public sealed record FeedbackInquiryFoundOverdue(FeedbackRecord Feedback, DateTimeOffset OccurredAt) : IDomainEvent;
