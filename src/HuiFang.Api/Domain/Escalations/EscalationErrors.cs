using HuiFang.Api.Domain.Common;

namespace HuiFang.Api.Domain.Escalations;

/// <summary>The expected failures of escalations, each with a stable code.</summary>
public static class EscalationErrors
{
    public static Error NotFound(Guid id) =>
        new(ErrorKind.NotFound, "escalation-not-found", "escalation.notFound", [id]);

    public static Error InvalidTransition(Escalation e, string action) =>
        new(ErrorKind.InvalidTransition, "invalid-transition", "escalation.invalidTransition", [action, e.Status],
            new Dictionary<string, object?> { ["escalationId"] = e.Id, ["escalationStatus"] = e.Status.ToString(), ["action"] = action });

    public static Error NotAcknowledged(Escalation e) =>
        new(ErrorKind.InvalidTransition, "escalation-not-acknowledged", "escalation.notAcknowledged", [e.Id],
            new Dictionary<string, object?> { ["escalationId"] = e.Id, ["escalationStatus"] = e.Status.ToString(), ["action"] = "resolve" });

    public static Error AlreadyActive(Guid taskId, Guid existingId) =>
        new(ErrorKind.Conflict, "escalation-already-open", "escalation.alreadyOpen", [taskId, existingId],
            new Dictionary<string, object?> { ["existingEscalationId"] = existingId });

    public static Error RevisitTask(Guid taskId) =>
        new(ErrorKind.Conflict, "revisit-task", "escalation.revisitTask", [taskId],
            new Dictionary<string, object?> { ["taskId"] = taskId });

    public static Error ConcurrentChange(Guid id) =>
        new(ErrorKind.Conflict, "concurrent-change", "escalation.concurrentChange", [id]);
}
