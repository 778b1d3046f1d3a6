using HuiFang.Api.Domain.Common;
using HuiFang.Api.Common;

namespace HuiFang.Api.Features.Feedback;

/// <summary>The expected failures of feedback records, each with a stable code.</summary>
public static class FeedbackErrors
{
    public static Error NotFound(Guid id) =>
        new(ErrorKind.NotFound, "feedback-not-found", "feedback.notFound", [id]);

    public static Error Superseded(Guid id, Guid newer) =>
        new(ErrorKind.Conflict, "feedback-superseded", "feedback.superseded", [id, newer],
            new Dictionary<string, object?> { ["supersededBy"] = newer });

    public static Error NoOpenInquiry(Guid id) =>
        new(ErrorKind.Conflict, "no-open-inquiry", "feedback.noOpenInquiry", [id]);

    public static Error ConcurrentChange(Guid id) =>
        new(ErrorKind.Conflict, "concurrent-change", "feedback.concurrentChange", [id]);
}
