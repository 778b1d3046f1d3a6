using System.Text.Json;
using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Domain.Quality;
using HuiFang.Api.Domain.Reviews;
using HuiFang.Api.Features.Policies;
using HuiFang.Api.Features.Reports;
using HuiFang.Api.Features.Reports.GetReviewReport;
using HuiFang.Api.Features.Reviews;
using HuiFang.Api.Features.Reviews.DecideReviewItem;
using HuiFang.Api.Features.Reviews.GetWeeklyReviewHistory;
using HuiFang.Api.Features.Reviews.ListWeeklyReviews;
using HuiFang.Api.Features.Reviews.OpenWeeklyReview;
using HuiFang.Api.Services.Audit;
using HuiFang.Api.Services.Policies;

namespace HuiFang.Api.Infrastructure.OpenApi;

/// <summary>Examples of the quality policy and the weekly reviews, built from the real types.</summary>
internal static class OpenApiReviewExamples
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 4, 0, 0, TimeSpan.Zero);
    private static readonly Guid ReviewId = Guid.Parse("019ad2c0-3c00-7000-8000-0000000000b1");
    private static readonly Guid ItemId = Guid.Parse("019ad2c0-3c00-7000-8000-0000000000b2");
    private static readonly Guid SecondItemId = Guid.Parse("019ad2c0-3c00-7000-8000-0000000000b3");
    private static readonly DateTimeOffset WeekStart = new(2026, 11, 22, 16, 0, 0, TimeSpan.Zero);

    private static readonly ReviewItemResponse Item = new(
        ItemId, Guid.Parse("019ab7a0-3c00-7000-8000-0000000000f1"), Guid.Parse("019ab7a0-3c00-7000-8000-000000000001"), Guid.Parse("019ab7a0-3c00-7000-8000-0000000000e9"),
        false, 1, [FeedbackCategory.Complaint], "WO-2026-0001", "Repair", "agent-07", new DateTimeOffset(2026, 11, 25, 3, 12, 0, TimeSpan.Zero), At.AddHours(-3),
        null, null, null, null, null, null);

    private static readonly WeeklyReviewResponse Open = new(
        ReviewId, "AfterSales", "2026-W48", WeekStart, At, ReviewStatus.Open, false, At.AddHours(-3), "review-monitor", true, null, null, null, 2, 2,
        [Item, Item with { Id = SecondItemId, Score = 2, Categories = [FeedbackCategory.Suggestion], IsRevisit = true, WorkOrderNo = "WO-2026-0007" }], 1);

    private static readonly ReviewItemResponse Decided = Item with
    {
        Decision = ReviewDecision.FollowUpAgain, Note = "客户仍不满意，再次回访", ReviewedAt = At.AddHours(-1), ReviewedBy = "主管 (019ab79f-aaaa-7000-8000-000000000001)",
        FollowUpTaskId = Guid.Parse("019ad2c0-3c00-7000-8000-0000000000c1"),
    };

    public static IEnumerable<(string Name, (object? Request, object? Response) Example)> All()
    {
        var policy = QualityPolicySettings.From(QualityPolicy.Default);
        yield return ("GetQualityPolicy", (null, new QualityPolicyResponse(policy, true, null, 0)));
        var changed = new QualityPolicySettings(ReviewDueDay: DayOfWeek.Tuesday, ReviewDueTime: "10:00", RecurrenceThreshold: 4, RecurrenceBy: [RecurrenceKind.Category]);
        yield return ("UpdateQualityPolicy", (changed, new QualityPolicyResponse(QualityPolicySettings.From(changed.ToPolicy()), false, At, 1)));

        yield return ("OpenWeeklyReview", (new OpenWeeklyReview("2026-W48", "AfterSales"), Open with { OpenedBy = "主管 (019ab79f-aaaa-7000-8000-000000000001)", OpenedAutomatically = false }));
        yield return ("GetWeeklyReview", (null, Open));
        yield return ("ListWeeklyReviews", (null, new WeeklyReviewPage([Open with { Items = [] }], null)));
        var decided = Open with { Items = [Decided, Open.Items[1]], Undecided = 1, Version = 2 };
        yield return ("DecideReviewItem", (new DecideReviewItemRequest(ReviewDecision.FollowUpAgain, "客户仍不满意，再次回访"), decided));
        var noAction = Open.Items[1] with { Decision = ReviewDecision.NoAction, ReviewedAt = At.AddMinutes(-30), ReviewedBy = Decided.ReviewedBy };
        yield return ("CompleteWeeklyReview", (null, decided with
        {
            Items = [Decided, noAction], Undecided = 0, Status = ReviewStatus.Completed, CompletedAt = At.AddMinutes(-20), CompletedBy = Decided.ReviewedBy, Version = 4,
        }));
        yield return ("GetWeeklyReviewHistory", (null, new WeeklyReviewHistory(ReviewId, [
            new AuditEntryResponse(Guid.Parse("019ad2c0-3c00-7000-8000-0000000000d1"), At.AddHours(-3), "opened", new ActorResponse("System", "system", "review-monitor"), 1,
                JsonSerializer.SerializeToElement(new { department = "AfterSales", week = "2026-W48", dueAt = At, items = 2, automatic = true }), null),
        ])));
        var row = new ReviewRow("2026-W48", 3, 2, 1, 2, 1, 9, 7, 2, 4, 1, 0.3333);
        yield return ("GetReviewReport", (null, new Report<ReviewRow>(
            "reviews", new PeriodResponse(new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 29), "Asia/Shanghai", WeekStart, WeekStart.AddDays(7)),
            ReportGroupBy.Week, [row], row with { Group = "total" }, false, At)));
    }

    /// <summary>The problem examples of the review and quality-policy operations; null for the shared ones.</summary>
    public static object? Problem(string operation, string status) => (operation, status) switch
    {
        ("OpenWeeklyReview", "400") => Validation("week", "Must be an ISO week YYYY-Www that exists, e.g. 2026-W48 (W53 only in years that have one)."),
        ("OpenWeeklyReview", "409") => OpenApiExamples.Problem(409, "weekly-review-exists", "Conflict",
            $"Department 'AfterSales' already has weekly review {ReviewId} for 2026-W48.", ("reviewId", ReviewId), ("department", "AfterSales"), ("week", "2026-W48")),
        ("CompleteWeeklyReview", "400") => Validation("If-Match", "If-Match must be * or a list of entity tags in quotes, e.g. \"3\"."),
        ("DecideReviewItem", "400") => Validation("decision", "Use exactly one of: FollowUpAgain, NoAction, CorrectiveAction."),
        ("DecideReviewItem", "409") => OpenApiExamples.Problem(409, "review-item-decided", "Conflict",
            $"Item {ItemId} is already decided (NoAction); an item is decided once.", ("reviewId", ReviewId), ("itemId", ItemId), ("decision", "NoAction")),
        ("CompleteWeeklyReview", "409") => OpenApiExamples.Problem(409, "review-items-undecided", "Conflict",
            "1 item(s) are not decided yet: decide every item before completing the review.", ("reviewId", ReviewId), ("undecided", 1)),
        ("DecideReviewItem" or "CompleteWeeklyReview", "412") => OpenApiExamples.Problem(412, "precondition-failed", "Precondition failed",
            $"Weekly review {ReviewId} has changed: its ETag is now \"2\". Read it again and retry.", ("currentETag", "\"2\"")),
        ("GetWeeklyReview" or "GetWeeklyReviewHistory" or "DecideReviewItem" or "CompleteWeeklyReview", "404") =>
            OpenApiExamples.Problem(404, "weekly-review-not-found", "Not found", $"Weekly review {ReviewId} does not exist."),
        ("UpdateQualityPolicy", "400") => Validation("recurrenceThreshold", "'recurrence Threshold' must be between 2 and 100. You entered 1."),
        ("UpdateQualityPolicy", "409") => OpenApiExamples.Problem(409, "concurrent-change", "Conflict", "The tenant's settings were changed by another request at the same time; read them again and retry."),
        ("UpdateQualityPolicy", "412") => OpenApiExamples.Problem(412, "precondition-failed", "Precondition failed", "The tenant's settings have changed: their ETag is now \"3\".", ("currentETag", "\"3\"")),
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
