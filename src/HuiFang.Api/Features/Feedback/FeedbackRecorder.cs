using HuiFang.Api.Common;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Infrastructure.Outbox;
using Contracts = HuiFang.Contracts;

namespace HuiFang.Api.Features.Feedback;

/// <summary>
/// What each feedback event owes: its history entry (recorded feedback is part of the task's history; a
/// correction and the inquiry's reply are the record's) and its integration events, on the task's stream.
/// </summary>
public sealed class FeedbackRecorder : IDomainEventRecorder
{
    public bool TryRecord(IDomainEvent e, EventRecording into)
    {
        switch (e)
        {
            case FeedbackRecorded(var f, var t, var escalationId, var escalation, var now):
                into.Audit(AuditSubjects.VisitTask, t.Id, "feedback-recorded", t.Version,
                    new { feedbackId = f.Id, score = f.Score, verdict = f.Verdict, categories = f.Categories, complaintLevel = f.ComplaintLevel, recordedLate = f.RecordedLate, escalationId, escalation });
                into.Publish(Recorded(f, now), EventStreams.VisitTask(t.Id));
                if (f.IsUnsatisfied && !f.IsRevisit)
                {
                    into.Publish(Unsatisfied(f, now), EventStreams.VisitTask(t.Id));
                }

                return true;
            case FeedbackCorrected corrected:
                var (original, correction) = (corrected.Original, corrected.Correction);
                if (corrected.NewlyUnsatisfied)
                {
                    into.Publish(Unsatisfied(correction, corrected.OccurredAt), EventStreams.VisitTask(correction.TaskId));
                }

                into.Audit(AuditSubjects.Feedback, original.Id, "corrected", original.Version,
                    new { correctionId = correction.Id, score = correction.Score, verdict = correction.Verdict, categories = correction.Categories, escalationId = corrected.EscalationId },
                    correction.CorrectionReason);
                return true;
            case FeedbackInquiryReplied(var f, var by, _):
                into.Audit(AuditSubjects.Feedback, f.Id, "inquiry-replied", f.Version,
                    new { replyDueBy = f.InquiryReplyDueBy, repliedAt = f.InquiryRepliedAt, late = f.InquiryRepliedAt > f.InquiryReplyDueBy, by });
                return true;
            case FeedbackInquiryFoundOverdue(var f, var now):
                into.Audit(AuditSubjects.Feedback, f.Id, "inquiry-overdue", f.Version, new { replyDueBy = f.InquiryReplyDueBy });
                into.Publish(InquiryOverdue(f, now), EventStreams.VisitTask(f.TaskId));
                return true;
            default:
                return false;
        }
    }

    private static Contracts.FeedbackRecorded Recorded(FeedbackRecord f, DateTimeOffset now) => new(
        Guid.CreateVersion7(now),
        now,
        f.TenantId,
        f.Id,
        f.TaskId,
        f.CustomerExternalId,
        f.WorkOrderNo,
        f.Score,
        f.Verdict.ToString(),
        [.. f.Categories.Select(c => c.ToString())],
        f.ComplaintLevel?.ToString(),
        f.Nps,
        f.RecordedLate,
        f.EscalationId);

    private static Contracts.CustomerUnsatisfied Unsatisfied(FeedbackRecord f, DateTimeOffset now) => new(
        Guid.CreateVersion7(now),
        now,
        f.TenantId,
        f.Id,
        f.TaskId,
        f.CustomerExternalId,
        f.WorkOrderNo,
        f.Score,
        f.Verdict.ToString(),
        [.. f.Categories.Select(c => c.ToString())],
        f.ComplaintLevel?.ToString(),
        f.Department,
        f.UnresolvedProblems,
        f.EscalationId);

    private static Contracts.InquiryReplyOverdue InquiryOverdue(FeedbackRecord f, DateTimeOffset now) => new(
        Guid.CreateVersion7(now),
        now,
        f.TenantId,
        f.Id,
        f.TaskId,
        f.CustomerExternalId,
        f.WorkOrderNo,
        f.Assignee,
        f.InquiryReplyDueBy!.Value);
}
