using HuiFang.Api.Domain.Feedback;
using HuiFang.Contracts;

namespace HuiFang.Api.Features.Feedback;

/// <summary>The integration events of feedback records.</summary>
public static class FeedbackEvents
{
    public static FeedbackRecorded Recorded(FeedbackRecord f, DateTimeOffset now) => new(
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

    public static CustomerUnsatisfied Unsatisfied(FeedbackRecord f, DateTimeOffset now) => new(
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

    public static InquiryReplyOverdue InquiryOverdue(FeedbackRecord f, DateTimeOffset now) => new(
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
