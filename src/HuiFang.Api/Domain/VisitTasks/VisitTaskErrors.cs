using HuiFang.Api.Domain.Common;

namespace HuiFang.Api.Domain.VisitTasks;

/// <summary>The expected failures of visit tasks, each with a stable code.</summary>
public static class VisitTaskErrors
{
    public static Error NotFound(Guid id) =>
        new(ErrorKind.NotFound, "visit-task-not-found", "visitTask.notFound", [id]);

    public static Error InvalidTransition(VisitTask task, string action) =>
        new(ErrorKind.InvalidTransition, "invalid-transition", "visitTask.invalidTransition", [action, task.Status],
            new Dictionary<string, object?> { ["taskId"] = task.Id, ["taskStatus"] = task.Status.ToString(), ["action"] = action });

    public static Error Duplicate(Guid existingId, string workOrderNo, VisitPurpose purpose) =>
        new(ErrorKind.Conflict, "duplicate-visit-task", "visitTask.duplicate", [workOrderNo, purpose],
            new Dictionary<string, object?> { ["existingTaskId"] = existingId });

    public static Error DoNotDisturb(Guid earlierId, DateTimeOffset earlierScheduledFor, int days) =>
        new(ErrorKind.Conflict, "do-not-disturb", "visitTask.doNotDisturb", [days, earlierId],
            new Dictionary<string, object?> { ["conflictingTaskId"] = earlierId, ["conflictingScheduledFor"] = earlierScheduledFor, ["windowDays"] = days });

    public static Error ConcurrentChange(Guid id) =>
        new(ErrorKind.Conflict, "concurrent-change", "visitTask.concurrentChange", [id]);
}
