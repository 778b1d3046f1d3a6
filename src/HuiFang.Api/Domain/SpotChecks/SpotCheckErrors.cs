using HuiFang.Api.Domain.Common;

namespace HuiFang.Api.Domain.SpotChecks;

/// <summary>The expected failures of spot-checks, each with a stable code.</summary>
public static class SpotCheckErrors
{
    /// <summary>A month that has not begun yet (tenant time zone): there are no visits to check.</summary>
    public static Error FutureMonth() => Error.InvalidField("month", "spotCheck.futureMonth");

    public static Error NotFound(Guid id) =>
        new(ErrorKind.NotFound, "spot-check-not-found", "spotCheck.notFound", [id]);

    public static Error PickNotFound(Guid spotCheckId, Guid pickId) =>
        new(ErrorKind.NotFound, "spot-check-pick-not-found", "spotCheck.pickNotFound", [pickId, spotCheckId],
            new Dictionary<string, object?> { ["spotCheckId"] = spotCheckId, ["pickId"] = pickId });

    public static Error NotOpen(SpotCheck check, string action) =>
        new(ErrorKind.InvalidTransition, "invalid-transition", "spotCheck.notOpen", [action, check.Status],
            new Dictionary<string, object?> { ["spotCheckId"] = check.Id, ["spotCheckStatus"] = check.Status.ToString(), ["action"] = action });

    /// <summary>Completing needs every pick judged.</summary>
    public static Error PicksNotJudged(Guid id, int waiting) =>
        new(ErrorKind.Conflict, "spot-check-picks-not-judged", "spotCheck.picksNotJudged", [id, waiting],
            new Dictionary<string, object?> { ["spotCheckId"] = id, ["notJudged"] = waiting });

    public static Error ConcurrentChange(Guid id) =>
        new(ErrorKind.Conflict, "concurrent-change", "spotCheck.concurrentChange", [id]);
}
