using HuiFang.Api.Domain.SpotChecks;
using HuiFang.Api.Features.Reports;
using HuiFang.Api.Features.Reports.GetSpotCheckReport;
using HuiFang.Api.Features.SpotChecks;
using HuiFang.Api.Features.SpotChecks.CompleteSpotCheck;
using HuiFang.Api.Features.SpotChecks.GetSpotCheckHistory;
using HuiFang.Api.Features.SpotChecks.JudgeSpotCheckPick;
using HuiFang.Api.Features.SpotChecks.ListSpotChecks;
using HuiFang.Api.Features.SpotChecks.OpenSpotCheck;
using HuiFang.Api.Services.Audit;

namespace HuiFang.Api.Infrastructure.OpenApi;

/// <summary>Examples of spot-checks and their report, built from the real types.</summary>
internal static class OpenApiSpotCheckExamples
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid SpotCheckId = Guid.Parse("019ab7a0-3c00-7000-8000-0000000005c1");
    private static readonly Guid PickId = Guid.Parse("019ab7a0-3c00-7000-8000-0000000005d1");
    private static readonly Guid TaskId = Guid.Parse("019ab7a0-3c00-7000-8000-000000000001");
    private static readonly Guid FeedbackId = Guid.Parse("019ab7a0-3c00-7000-8000-0000000000f1");
    private const string Opener = "品质部 张主管 (019ab79f-0000-7000-8000-00000000c001)";

    private static readonly PickExplanation Explanation = new(
        "agent-07", 23, 3, "ceil(23 × 10 %) = 3", 1, 0.0131, 0.0874, $"spot-check:2026-11:Supervisor\n{TaskId:D}");

    private static readonly SpotCheckPickResponse Waiting = new(
        PickId, FeedbackId, TaskId, "WO-2026-0001", "AfterSales", new DateTimeOffset(2026, 11, 20, 3, 5, 0, TimeSpan.Zero), Explanation,
        new PickFactsResponse(false, ["callDurationSeconds"], ["我觉得"]), null);

    private static readonly SpotCheckPickResponse Judged = Waiting with
    {
        Judgment = new PickJudgmentResponse(true, false, false, false, false, ["通话时长未填", "记录含主观判断", "通话结束 25 分钟后才录入"], "已与坐席沟通", At.AddHours(1), Opener),
    };

    private static readonly SpotCheckResponse Open = new(
        SpotCheckId, "2026-11", SpotCheckLevel.Supervisor, null, new SampleRuleResponse(10, null, true), SpotCheckStatus.Open,
        new DateTimeOffset(2026, 10, 31, 16, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero),
        412, 18, 1, 0, 0, 0, null, At, Opener, null, null, [Waiting], 1);

    public static IEnumerable<(string Name, (object? Request, object? Response) Example)> All()
    {
        yield return ("OpenSpotCheck", (new OpenSpotCheck("2026-11", SpotCheckLevel.Supervisor), Open));
        yield return ("PreviewSpotCheck", (null, new SpotCheckPreview(
            "2026-11", SpotCheckLevel.Supervisor, null, new SampleRuleResponse(10, null, true), "Asia/Shanghai", Open.MonthStart, Open.MonthEnd, 412, 18,
            [new SpotCheckPreviewPick(FeedbackId, TaskId, "WO-2026-0001", "AfterSales", Waiting.RecordedAt, Explanation, Waiting.Facts)])));
        yield return ("GetSpotCheck", (null, Open));
        yield return ("ListSpotChecks", (null, new SpotCheckPage(
            [new SpotCheckSummary(SpotCheckId, "2026-11", SpotCheckLevel.Supervisor, null, new SampleRuleResponse(10, null, true), SpotCheckStatus.Open, 412, 1, 0, 0, 0, At, Opener, null, 1)],
            null)));
        var judged = Open with { Picks = [Judged], Judged = 1, Failed = 1, PassRate = 0, Version = 2 };
        yield return ("JudgeSpotCheckPick", (new JudgeSpotCheckPickRequest(true, false, false, false, ["通话时长未填", "记录含主观判断", "通话结束 25 分钟后才录入"], "已与坐席沟通"), judged));
        yield return ("CompleteSpotCheck", (new CompleteSpotCheckRequest("11 月抽查完成"), judged with { Status = SpotCheckStatus.Completed, CompletedAt = At.AddHours(2), CompletedBy = Opener, Version = 3 }));
        yield return ("GetSpotCheckHistory", (null, new SpotCheckHistory(SpotCheckId, [
            new AuditEntryResponse(Guid.Parse("019ab7a0-3c00-7000-8000-0000000005e1"), At, "opened", new ActorResponse("ApiKey", "019ab79f-0000-7000-8000-00000000c001", "品质部 张主管"), 1, null, null),
            new AuditEntryResponse(Guid.Parse("019ab7a0-3c00-7000-8000-0000000005e2"), At.AddHours(1), "pick-judged", new ActorResponse("ApiKey", "019ab79f-0000-7000-8000-00000000c001", "品质部 张主管"), 2, null, "已与坐席沟通"),
        ])));
        var period = new PeriodResponse(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), "Asia/Shanghai", Open.MonthStart, Open.MonthEnd);
        yield return ("GetSpotCheckReport", (null, new Report<SpotCheckRow>("spot-checks", period, ReportGroupBy.Assignee,
            [new SpotCheckRow("agent-07", 3, 2, 1, 0.6667, 0, 1, 1, 1), new SpotCheckRow("agent-09", 2, 2, 0, 1, 0, 0, 0, 0)],
            new SpotCheckRow("total", 5, 4, 1, 0.8, 0, 1, 1, 1), false, At)));
    }

    /// <summary>The problem examples of the spot-check operations; null for the shared ones.</summary>
    public static object? Problem(string operation, string status) => (operation, status) switch
    {
        ("OpenSpotCheck" or "PreviewSpotCheck", "400") => Validation("month", "A month is YYYY-MM, e.g. 2026-11 (month 01–12, year 1900–2999)."),
        ("ListSpotChecks", "400") => Validation("limit", "Must be between 1 and 200."),
        ("JudgeSpotCheckPick", "400") => Validation("reasons", "A pick that fails a criterion needs at least one reason."),
        ("CompleteSpotCheck", "400") => Validation("note", "The length of 'note' must be 500 characters or fewer."),
        ("GetSpotCheckReport", "400") => Validation("groupBy", "groupBy=week is not offered by this report; it offers: month, department, assignee, level."),
        ("JudgeSpotCheckPick", "404") => OpenApiExamples.Problem(404, "spot-check-pick-not-found", "Not found", $"Pick {PickId} is not part of spot-check {SpotCheckId}.",
            ("spotCheckId", SpotCheckId), ("pickId", PickId)),
        ("GetSpotCheck" or "GetSpotCheckHistory" or "CompleteSpotCheck", "404") => OpenApiExamples.Problem(404, "spot-check-not-found", "Not found", $"Spot-check {SpotCheckId} does not exist."),
        ("CompleteSpotCheck", "409") => OpenApiExamples.Problem(409, "spot-check-picks-not-judged", "Conflict",
            $"Spot-check {SpotCheckId} still has 2 pick(s) not judged: judge every pick before completing it.", ("spotCheckId", SpotCheckId), ("notJudged", 2)),
        ("JudgeSpotCheckPick", "409") => OpenApiExamples.Problem(409, "invalid-transition", "Invalid state transition", "Cannot judge a spot-check that is Completed.",
            ("spotCheckId", SpotCheckId), ("spotCheckStatus", "Completed"), ("action", "judge")),
        ("JudgeSpotCheckPick" or "CompleteSpotCheck", "412") => OpenApiExamples.Problem(412, "precondition-failed", "Precondition failed",
            $"Spot-check {SpotCheckId} has changed: its ETag is now \"3\". Read it again and retry.", ("currentETag", "\"3\"")),
        _ => null,
    };

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
