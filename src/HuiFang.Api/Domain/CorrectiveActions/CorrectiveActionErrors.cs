using HuiFang.Api.Domain.Common;

namespace HuiFang.Api.Domain.CorrectiveActions;

/// <summary>The expected failures of corrective actions, each with a stable code.</summary>
public static class CorrectiveActionErrors
{
    public static Error NotFound(Guid id) =>
        new(ErrorKind.NotFound, "corrective-action-not-found", "correctiveAction.notFound", [id]);

    public static Error InvalidTransition(CorrectiveAction a, string action) =>
        new(ErrorKind.InvalidTransition, "invalid-transition", "correctiveAction.invalidTransition", [action, a.Status],
            new Dictionary<string, object?> { ["correctiveActionId"] = a.Id, ["correctiveActionStatus"] = a.Status.ToString(), ["action"] = action });

    /// <summary>Implementing needs the root cause and the corrective measure written down.</summary>
    public static Error Incomplete(CorrectiveAction a, IReadOnlyList<string> missing) =>
        new(ErrorKind.Conflict, "corrective-action-incomplete", "correctiveAction.incomplete", [string.Join(", ", missing)],
            new Dictionary<string, object?> { ["correctiveActionId"] = a.Id, ["missing"] = missing });

    /// <summary>Closing needs a verification of effectiveness; reopening needs one that found the action not effective.</summary>
    public static Error NotVerified(CorrectiveAction a, string action) =>
        new(ErrorKind.Conflict, "corrective-action-not-verified", "correctiveAction.notVerified", [action],
            new Dictionary<string, object?> { ["correctiveActionId"] = a.Id, ["action"] = action });

    public static Error AlreadyVerified(CorrectiveAction a) =>
        new(ErrorKind.Conflict, "corrective-action-already-verified", "correctiveAction.alreadyVerified", [a.Id],
            new Dictionary<string, object?> { ["correctiveActionId"] = a.Id });

    public static Error FoundEffective(CorrectiveAction a) =>
        new(ErrorKind.Conflict, "corrective-action-effective", "correctiveAction.effective", [a.Id],
            new Dictionary<string, object?> { ["correctiveActionId"] = a.Id });

    /// <summary>Another action for the same problem is still live (proposed, open or implemented).</summary>
    public static Error AlreadyLive(string problemKey, Guid existingId) =>
        new(ErrorKind.Conflict, "corrective-action-already-open", "correctiveAction.alreadyOpen", [problemKey, existingId],
            new Dictionary<string, object?> { ["existingCorrectiveActionId"] = existingId, ["problemKey"] = problemKey });

    /// <summary>A link names a feedback record or an escalation the caller's tenant does not have.</summary>
    public static Error UnknownLink(string field, Guid id) =>
        new(ErrorKind.Unprocessable, "corrective-action-unknown-link", "correctiveAction.unknownLink", [field, id],
            new Dictionary<string, object?> { ["field"] = field, ["id"] = id });

    public static Error TooManyLinks(int max) =>
        new(ErrorKind.Conflict, "corrective-action-too-many-links", "correctiveAction.tooManyLinks", [max],
            new Dictionary<string, object?> { ["max"] = max });

    public static Error ConcurrentChange(Guid id) =>
        new(ErrorKind.Conflict, "concurrent-change", "correctiveAction.concurrentChange", [id]);
}
