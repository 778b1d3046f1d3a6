using HuiFang.Api.Domain.Common;

namespace HuiFang.Api.Domain.VisitTasks;

// What happens to a visit task, raised by its transitions. Each carries the task (as it is after the
// change) and what the change replaced, which the task no longer knows.

/// <summary>The task was given to an agent; <paramref name="From"/> is who had it before, if anyone.</summary>
public sealed record VisitTaskAssigned(VisitTask Task, string? From, DateTimeOffset OccurredAt) : IDomainEvent;
