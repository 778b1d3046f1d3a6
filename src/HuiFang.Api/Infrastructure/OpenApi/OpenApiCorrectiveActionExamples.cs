using HuiFang.Api.Domain.CorrectiveActions;
using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Domain.Quality;
using HuiFang.Api.Features.CorrectiveActions;
using HuiFang.Api.Features.CorrectiveActions.AcceptCorrectiveAction;
using HuiFang.Api.Features.CorrectiveActions.CloseCorrectiveAction;
using HuiFang.Api.Features.CorrectiveActions.DismissCorrectiveAction;
using HuiFang.Api.Features.CorrectiveActions.GetCorrectiveActionHistory;
using HuiFang.Api.Features.CorrectiveActions.ImplementCorrectiveAction;
using HuiFang.Api.Features.CorrectiveActions.LinkCorrectiveAction;
using HuiFang.Api.Features.CorrectiveActions.ListCorrectiveActions;
using HuiFang.Api.Features.CorrectiveActions.OpenCorrectiveAction;
using HuiFang.Api.Features.CorrectiveActions.ReopenCorrectiveAction;
using HuiFang.Api.Features.CorrectiveActions.UpdateCorrectiveAction;
using HuiFang.Api.Features.CorrectiveActions.VerifyCorrectiveAction;
using HuiFang.Api.Features.Reports;
using HuiFang.Api.Features.Reports.GetCorrectiveActionReport;
using HuiFang.Api.Services.Audit;

namespace HuiFang.Api.Infrastructure.OpenApi;

/// <summary>Examples of corrective actions and their report, built from the real types.</summary>
internal static class OpenApiCorrectiveActionExamples
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid ActionId = Guid.Parse("019ab7a0-3c00-7000-8000-0000000000c1");
    private static readonly Guid FeedbackId = Guid.Parse("019ab7a0-3c00-7000-8000-0000000000f1");
    private static readonly Guid EscalationId = Guid.Parse("019ab7a0-3c00-7000-8000-0000000000e5");

    private static readonly ProblemResponse RepairProblem = new(RecurrenceKind.ServiceTypeAndDepartment, "Repair", "AfterSales", null, "ServiceTypeAndDepartment:Repair|AfterSales");

    private static readonly CorrectiveActionResponse Proposed = new(
        ActionId, CorrectiveActionSource.Recurrence, CorrectiveActionStatus.Proposed,
        "同一问题 90 天内出现 3 次 / The same problem occurred 3 times within 90 days — 不满意回访 / unsatisfied feedback: Repair @ AfterSales",
        null, null, null, null, new DateOnly(2026, 12, 25), new DateTimeOffset(2026, 12, 25, 16, 0, 0, TimeSpan.Zero), false, "AfterSales", RepairProblem, null,
        [FeedbackId], [EscalationId], At, null, null, null, null, null, null, null, null, null, null, null, 0, null, 1);

    private static readonly CorrectiveActionResponse Open = Proposed with
    {
        Status = CorrectiveActionStatus.Open, RootCause = "配件批次质量问题", CorrectiveAction = "更换该批次配件并回访客户", PreventiveAction = "入库抽检该供应商配件",
        Owner = "张主管", OpenedBy = "张主管 (key-7f3a)", AcceptedAt = At.AddHours(2), Version = 3,
    };

    private static readonly CorrectiveActionResponse Implemented = Open with { Status = CorrectiveActionStatus.Implemented, ImplementedAt = At.AddDays(7), ImplementedBy = "张主管 (key-7f3a)", Version = 4 };

    private static readonly CorrectiveActionResponse Verified = Implemented with
    {
        Verification = new VerificationResponse(At.AddDays(37), "品质部 李工 (key-2b91)", true, "一个月内未再出现",
            new EvidenceResponse(At.AddDays(7), At.AddDays(37), 1, 1, 3, 90, false)),
        Version = 5,
    };

    public static IEnumerable<(string Name, (object? Request, object? Response) Example)> All()
    {
        yield return ("OpenCorrectiveAction", (
            new OpenCorrectiveAction("回访记录多次超过 10 分钟才录入", null, null, null, "张主管", new DateOnly(2026, 12, 31), "CustomerService", null, [FeedbackId], []),
            Open with { Source = CorrectiveActionSource.Manual, NonConformity = "回访记录多次超过 10 分钟才录入", RootCause = null, CorrectiveAction = null, PreventiveAction = null, Problem = null, Department = "CustomerService", AcceptedAt = null, EscalationIds = [], DueDate = new DateOnly(2026, 12, 31), DueAt = new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero), Version = 1 }));
        yield return ("ListCorrectiveActions", (null, new CorrectiveActionPage([Proposed], null)));
        yield return ("GetCorrectiveAction", (null, Verified));
        yield return ("GetCorrectiveActionHistory", (null, new CorrectiveActionHistory(ActionId, [
            new AuditEntryResponse(Guid.Parse("019ab7a0-3c00-7000-8000-0000000000d1"), At, "opened", new ActorResponse("System", "recurrence", "system"), 1, null, Proposed.NonConformity),
            new AuditEntryResponse(Guid.Parse("019ab7a0-3c00-7000-8000-0000000000d2"), At.AddHours(2), "accepted", new ActorResponse("ApiKey", "key-7f3a", "张主管"), 2, null, null),
        ])));
        yield return ("UpdateCorrectiveAction", (new UpdateCorrectiveActionRequest(null, "配件批次质量问题", "更换该批次配件并回访客户", "入库抽检该供应商配件", "张主管", null), Open));
        yield return ("AcceptCorrectiveAction", (new AcceptCorrectiveActionRequest("由售后部处理"), Open with { RootCause = null, CorrectiveAction = null, PreventiveAction = null, Owner = null, Version = 2 }));
        yield return ("DismissCorrectiveAction", (new DismissCorrectiveActionRequest("个案，非系统性问题"), Proposed with { Status = CorrectiveActionStatus.Dismissed, DismissedAt = At.AddHours(2), DismissedBy = "张主管 (key-7f3a)", DismissReason = "个案，非系统性问题", Version = 2 }));
        yield return ("ImplementCorrectiveAction", (new ImplementCorrectiveActionRequest("已更换配件，供应商已整改"), Implemented));
        yield return ("VerifyCorrectiveAction", (new VerifyCorrectiveActionRequest(null, "一个月内未再出现"), Verified));
        yield return ("CloseCorrectiveAction", (new CloseCorrectiveActionRequest("验证有效，关闭"), Verified with { Status = CorrectiveActionStatus.Closed, ClosedAt = At.AddDays(37), ClosedBy = "品质部 李工 (key-2b91)", ClosedEffective = true, Version = 6 }));
        yield return ("ReopenCorrectiveAction", (new ReopenCorrectiveActionRequest("一个月内又出现 3 次", new DateOnly(2027, 1, 31)),
            Open with { Reopened = 1, DueDate = new DateOnly(2027, 1, 31), DueAt = new DateTimeOffset(2027, 1, 31, 16, 0, 0, TimeSpan.Zero), Version = 6 }));
        yield return ("LinkCorrectiveAction", (new LinkCorrectiveActionRequest([FeedbackId], [EscalationId]), Open));
        var row = new CorrectiveActionRow("2026-11", 4, 2, 2, 1, 1, 1, 1, 0, 12.5);
        yield return ("GetCorrectiveActionReport", (null, new Report<CorrectiveActionRow>(
            "corrective-actions", new PeriodResponse(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), "Asia/Shanghai", new DateTimeOffset(2026, 10, 31, 16, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero)),
            ReportGroupBy.Month, [row], row with { Group = "total" }, false, At)));
    }

    /// <summary>The problem examples of the corrective-action operations; null for the shared ones.</summary>
    public static object? Problem(string operation, string status) => (operation, status) switch
    {
        ("OpenCorrectiveAction", "400") => Validation("problem", "A problem names its kind (ServiceTypeAndDepartment with a serviceType, or Category with a category: Complaint or Suggestion) and a department if any."),
        ("OpenCorrectiveAction", "409") => OpenApiExamples.Problem(409, "corrective-action-already-open", "Conflict", $"The problem ServiceTypeAndDepartment:Repair|AfterSales has a corrective action that is not closed yet: {ActionId}.",
            ("existingCorrectiveActionId", ActionId), ("problemKey", "ServiceTypeAndDepartment:Repair|AfterSales")),
        ("OpenCorrectiveAction" or "LinkCorrectiveAction", "422") => OpenApiExamples.Problem(422, "corrective-action-unknown-link", "Request cannot be processed", $"feedbackIds: {FeedbackId} is not one of this tenant's records.",
            ("field", "feedbackIds"), ("id", FeedbackId)),
        (_, "422") when IsAction(operation) => OpenApiExamples.Problem(422, "idempotency-key-reused", "Request cannot be processed", "Idempotency-Key '6f1c2b0e-93d4-4f5e-8a1b-2c3d4e5f6a7b' was already used for a different request; use a new key for a new request."),
        ("ListCorrectiveActions", "400") => Validation("status", "Use exactly one of: Proposed, Open, Implemented, Closed, Dismissed."),
        ("GetCorrectiveActionReport", "400") => Validation("groupBy", "This report does not offer grouping by 'assignee'; it offers: week, month, department."),
        ("VerifyCorrectiveAction", "400") => Validation("effective", "The action has no problem to re-run the recurrence rule for: say whether it was effective."),
        ("ImplementCorrectiveAction", "409") => OpenApiExamples.Problem(409, "corrective-action-incomplete", "Conflict", "Write down rootCause, correctiveAction before reporting the action implemented.",
            ("correctiveActionId", ActionId), ("missing", new[] { "rootCause", "correctiveAction" })),
        ("CloseCorrectiveAction", "409") => OpenApiExamples.Problem(409, "corrective-action-not-verified", "Conflict", "Verify the action's effectiveness before you close it.", ("correctiveActionId", ActionId), ("action", "close")),
        ("ReopenCorrectiveAction", "409") => OpenApiExamples.Problem(409, "corrective-action-effective", "Conflict", $"Corrective action {ActionId} was found effective: close it instead of reopening it.", ("correctiveActionId", ActionId)),
        (_, "400") when IsAction(operation) => Validation("dueDate", "A due date is a day (yyyy-MM-dd) from today to 10 years ahead."),
        (_, "404") when IsAction(operation) => OpenApiExamples.Problem(404, "corrective-action-not-found", "Not found", $"Corrective action {ActionId} does not exist."),
        (_, "409") when IsAction(operation) => OpenApiExamples.Problem(409, "invalid-transition", "Conflict", "Cannot accept a corrective action that is Closed.",
            ("correctiveActionId", ActionId), ("correctiveActionStatus", "Closed"), ("action", "accept")),
        (_, "412") when IsAction(operation) => OpenApiExamples.Problem(412, "precondition-failed", "Precondition failed", $"Corrective action {ActionId} has changed: its ETag is now \"3\". Read it again and retry.", ("currentETag", "\"3\"")),
        _ => null,
    };

    private static bool IsAction(string operation) => operation.EndsWith("CorrectiveAction", StringComparison.Ordinal) || operation == "GetCorrectiveActionHistory";

    private static Dictionary<string, object?> Validation(string field, string message) => new()
    {
        ["type"] = "urn:huifang:problem:validation",
        ["title"] = "One or more fields are invalid.",
        ["status"] = 400,
        ["detail"] = "See 'errors' for what is wrong with each field.",
        ["errors"] = new Dictionary<string, string[]> { [field] = [message] },
        ["code"] = "validation",
        ["traceId"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00",
    };
}
