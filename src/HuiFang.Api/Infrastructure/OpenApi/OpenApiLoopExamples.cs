using HuiFang.Api.Domain.Escalations;
using HuiFang.Api.Services.Policies;
using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Features.Escalations;
using HuiFang.Api.Features.Escalations.AcknowledgeEscalation;
using HuiFang.Api.Features.Escalations.AddEscalationProgress;
using HuiFang.Api.Features.Escalations.GetEscalationHistory;
using HuiFang.Api.Features.Escalations.GetEscalationSla;
using HuiFang.Api.Features.Escalations.ListEscalations;
using HuiFang.Api.Features.Escalations.OpenEscalation;
using HuiFang.Api.Features.Escalations.PauseEscalation;
using HuiFang.Api.Features.Escalations.ReassignEscalation;
using HuiFang.Api.Features.Escalations.ResolveEscalation;
using HuiFang.Api.Features.Feedback;
using HuiFang.Api.Features.Feedback.CorrectFeedback;
using HuiFang.Api.Features.Feedback.ListFeedback;
using HuiFang.Api.Features.Feedback.RecordFeedback;
using HuiFang.Api.Features.Feedback.ReplyToInquiry;
using HuiFang.Api.Features.Policies;
using HuiFang.Api.Features.VisitTasks.GetVisitTaskHistory;
using HuiFang.Api.Services.Audit;
using HuiFang.Api.Services.Loop;

namespace HuiFang.Api.Infrastructure.OpenApi;

/// <summary>Examples of the feedback, escalation and policy operations, built from the real contract types.</summary>
internal static class OpenApiLoopExamples
{
    private static readonly Guid TaskId = Guid.Parse("019ab7a0-3c00-7000-8000-000000000001");
    private static readonly Guid FeedbackId = Guid.Parse("019ab7a0-3c00-7000-8000-0000000000f1");
    private static readonly Guid EscalationId = Guid.Parse("019ab7a0-3c00-7000-8000-0000000000e5");
    private static readonly DateTimeOffset At = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    private static readonly FeedbackInput FeedbackExample = new(
        2,
        [FeedbackCategory.Complaint],
        ComplaintLevel.Urgent,
        "维修后空调仍然漏水",
        "希望维修后当场试机",
        "空调漏水未解决",
        new DimensionScoresInput(4, 2, 1, 3),
        3,
        "agent-07",
        At.AddMinutes(-4),
        312,
        false,
        null,
        null);

    private static readonly FeedbackResponse FeedbackResponseExample = new(
        FeedbackId, TaskId, 2, Verdict.Unsatisfied, [FeedbackCategory.Complaint], ComplaintLevel.Urgent,
        FeedbackExample.Comment, FeedbackExample.Suggestions, FeedbackExample.UnresolvedProblems, FeedbackExample.Dimensions, 3,
        "agent-07", At.AddMinutes(-4), 312, false, At, false, null, EscalationId, false, null, null, null, null, null, 1);

    private static readonly EscalationResponse EscalationExample = new(
        EscalationId, EscalationStatus.Acknowledged, EscalationSeverity.Urgent, EscalationLevel.Department, EscalationTrigger.Complaint,
        1, 3, false, TaskId, FeedbackId, null, "C-1001", "WO-2026-0001", "Repair", "Engineering", "eng-wang", null,
        new SlaTargetStatus(TimeSpan.FromHours(2), SlaClockKind.WallClock, At.AddHours(2), At.AddMinutes(40), null, null),
        new SlaTargetStatus(TimeSpan.FromHours(24), SlaClockKind.WallClock, At.AddHours(24), null, null, null),
        At.AddHours(24), false, TimeSpan.Zero, 0, null, null, At, At, At.AddMinutes(40), null, null,
        [new EscalationNoteResponse(At.AddMinutes(40), 1, EscalationNoteKind.Acknowledgement, "已联系客户，明早上门", "eng-wang")],
        At.AddMinutes(40), 2);

    private static readonly EscalationPolicySettings PolicyExample = EscalationPolicySettings.From(EscalationPolicy.Default) with
    {
        Routes = [new RoutingRuleSettings("Repair", null, "Engineering", "eng-wang", "sup-li", "mgr-zhao"), new RoutingRuleSettings(null, "AfterSales", "AfterSales", null, "sup-chen", "mgr-zhao")],
    };

    public static IEnumerable<KeyValuePair<string, (object? Request, object? Response)>> All()
    {
        yield return new("RecordFeedback", (FeedbackExample, new FeedbackResult(FeedbackResponseExample,
            new EscalationOutcome(EscalationId, "Opened", EscalationStatus.Open, 1, EscalationLevel.Department, "Engineering", "eng-wang", At.AddHours(2), At.AddHours(24)))));
        yield return new("ListFeedback", (null, new FeedbackPage([FeedbackResponseExample], null)));
        yield return new("GetFeedback", (null, FeedbackResponseExample));
        yield return new("CorrectFeedback", (new CorrectFeedbackRequest("评分录入错误，客户实际评 2 分", FeedbackExample),
            new FeedbackResult(FeedbackResponseExample with { Id = Guid.Parse("019ab7a0-3c00-7000-8000-0000000000f2"), CorrectionOf = FeedbackId, CorrectionReason = "评分录入错误，客户实际评 2 分" }, null)));
        yield return new("ReplyToInquiry", (new ReplyToInquiryRequest("整机保修一年，压缩机保修三年", "agent-07"),
            FeedbackResponseExample with
            {
                Verdict = Verdict.Satisfied, Score = 4, Categories = [FeedbackCategory.Inquiry], ComplaintLevel = null, EscalationId = null,
                Inquiry = new InquiryResponse("保修期多长？", At.AddHours(24), At.AddHours(3), "整机保修一年，压缩机保修三年", false, null), Version = 2,
            }));
        yield return new("OpenEscalation", (new OpenEscalation(TaskId, EscalationSeverity.General, "客户反映维修人员未按约定时间上门", "AfterSales", "sup-chen"),
            EscalationExample with { Status = EscalationStatus.Open, Trigger = EscalationTrigger.Manual, Severity = EscalationSeverity.General, AcknowledgedAt = null, Notes = [], Version = 1 }));
        yield return new("ListEscalations", (null, new EscalationPage([EscalationExample], null)));
        yield return new("GetEscalation", (null, EscalationExample));
        yield return new("GetEscalationHistory", (null, new EscalationHistory(EscalationId, [
            new AuditEntryResponse(Guid.Parse("019ab7a0-3c00-7000-8000-0000000000a1"), At, "opened", new ActorResponse("ApiKey", "019ab79f-0000-7000-8000-00000000c001", "CRM production"), 1, null, null),
            new AuditEntryResponse(Guid.Parse("019ab7a0-3c00-7000-8000-0000000000a2"), At.AddMinutes(40), "acknowledged", new ActorResponse("ApiKey", "019ab79f-0000-7000-8000-00000000c002", "Engineering desk"), 2, null, "已联系客户，明早上门"),
        ])));
        yield return new("GetEscalationSla", (null, SlaExample()));
        yield return new("AcknowledgeEscalation", (new EscalationStepRequest("已联系客户，明早上门", "eng-wang"), EscalationExample));
        yield return new("AddEscalationProgress", (new EscalationProgressRequest("已联系工程部，预计 3 个工作日内修复", "eng-wang"), EscalationExample with { Status = EscalationStatus.InProgress, Version = 3 }));
        yield return new("PauseEscalation", (new PauseEscalationRequest("客户出差，下周一回来", "eng-wang"), EscalationExample with { Status = EscalationStatus.Paused, NextDueBy = null, Version = 3 }));
        yield return new("ResumeEscalation", (new EscalationStepRequest("客户已返回", "eng-wang"), EscalationExample with { PausedFor = TimeSpan.FromHours(5), Version = 4 }));
        yield return new("ResolveEscalation", (new ResolveEscalationRequest("已更换排水管并试机正常", "eng-wang"),
            EscalationExample with { Status = EscalationStatus.Resolved, ResolvedAt = At.AddHours(20), Resolution = "已更换排水管并试机正常", RevisitTaskId = Guid.Parse("019ab7a0-3c00-7000-8000-000000000002"), NextDueBy = null, Version = 3 }));
        yield return new("ReassignEscalation", (new ReassignEscalationRequest("AfterSales", "sup-chen", "属于安装质量问题", "sup-li"), EscalationExample with { Department = "AfterSales", Owner = "sup-chen", Version = 3 }));
        yield return new("RemindEscalation", (new EscalationStepRequest("客户再次来电，请今天内回复", "agent-07"), EscalationExample with { ReminderCount = 1, LastReminderAt = At.AddHours(4), Version = 3 }));
        yield return new("GetEscalationPolicy", (null, new EscalationPolicyResponse(PolicyExample, false, At, 3)));
        yield return new("UpdateEscalationPolicy", (new EscalationPolicySettings(Routes: PolicyExample.Routes, WarningPercent: 80), new EscalationPolicyResponse(PolicyExample with { WarningPercent = 80 }, false, At, 4)));
    }

    private static EscalationSlaExplanation SlaExample()
    {
        var start = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero); // 17:00 Beijing
        var counted = new[]
        {
            new CountedInterval(start, start.AddHours(1), TimeSpan.FromHours(1)),
            new CountedInterval(start.AddHours(16), start.AddHours(19), TimeSpan.FromHours(3)),
        };
        return new EscalationSlaExplanation(
            EscalationId, EscalationStatus.Open, 1, start.AddHours(2), start,
            new CalendarUsed("Asia/Shanghai", [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], ["09:00-12:00", "13:30-18:00"], [], []),
            [],
            TimeSpan.Zero,
            new SlaTargetExplanation(SlaTargetKind.Response, TimeSpan.FromHours(4), SlaClockKind.BusinessHours, "Running", start.AddHours(19), start.AddHours(18),
                75, null, null, null, TimeSpan.FromHours(1), TimeSpan.FromHours(3), counted,
                "Response: 04:00:00 of working time counted from 2026-11-25 09:00:00Z, 00:00:00 paused; due 2026-11-26 04:00:00Z; Running."),
            new SlaTargetExplanation(SlaTargetKind.Resolution, TimeSpan.FromHours(24), SlaClockKind.WallClock, "Running", start.AddHours(24), start.AddHours(18),
                75, null, null, null, TimeSpan.FromHours(2), TimeSpan.FromHours(22), [new CountedInterval(start, start.AddHours(24), TimeSpan.FromHours(24))],
                "Resolution: 1.00:00:00 of wall-clock time counted from 2026-11-25 09:00:00Z, 00:00:00 paused; due 2026-11-26 09:00:00Z; Running."));
    }
}
