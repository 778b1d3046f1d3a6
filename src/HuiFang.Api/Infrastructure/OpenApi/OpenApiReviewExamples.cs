using HuiFang.Api.Domain.Quality;
using HuiFang.Api.Features.Policies;
using HuiFang.Api.Services.Policies;

namespace HuiFang.Api.Infrastructure.OpenApi;

/// <summary>Examples of the quality policy and the weekly reviews, built from the real types.</summary>
internal static class OpenApiReviewExamples
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 4, 0, 0, TimeSpan.Zero);

    public static IEnumerable<(string Name, (object? Request, object? Response) Example)> All()
    {
        var policy = QualityPolicySettings.From(QualityPolicy.Default);
        yield return ("GetQualityPolicy", (null, new QualityPolicyResponse(policy, true, null, 0)));
        var changed = new QualityPolicySettings(ReviewDueDay: DayOfWeek.Tuesday, ReviewDueTime: new TimeOnly(10, 0), RecurrenceThreshold: 4, RecurrenceBy: [RecurrenceKind.Category]);
        yield return ("UpdateQualityPolicy", (changed, new QualityPolicyResponse(QualityPolicySettings.From(changed.ToPolicy()), false, At, 1)));
    }

    /// <summary>The problem examples of the review and quality-policy operations; null for the shared ones.</summary>
    public static object? Problem(string operation, string status) => (operation, status) switch
    {
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
