using HuiFang.Api.Domain.Common;

namespace HuiFang.Api.Domain.CorrectiveActions;

// What happens to a corrective action, raised by its transitions; each carries the action as it is after the change.

/// <summary>The action was opened by hand, from a review, or proposed by the recurrence rule (its source and status say which).</summary>
public sealed record CorrectiveActionOpened(CorrectiveAction Action, string? By, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>Fields changed; <paramref name="Fields"/> names them (camelCase).</summary>
public sealed record CorrectiveActionUpdated(CorrectiveAction Action, IReadOnlyList<string> Fields, string? By, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A proposal was taken: the action is open.</summary>
public sealed record CorrectiveActionAccepted(CorrectiveAction Action, string? By, string? Note, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The owner reports the corrective and preventive measures carried out.</summary>
public sealed record CorrectiveActionImplemented(CorrectiveAction Action, string? By, string? Note, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>Effectiveness was checked (who, when, effective or not, the evidence).</summary>
public sealed record CorrectiveActionVerified(CorrectiveAction Action, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The action was closed, effective or not (<see cref="CorrectiveAction.ClosedEffective"/>).</summary>
public sealed record CorrectiveActionClosed(CorrectiveAction Action, string? By, string? Note, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>Found not effective: the action is open again (<see cref="CorrectiveAction.Reopened"/> times so far).</summary>
public sealed record CorrectiveActionReopened(CorrectiveAction Action, string? By, string? Reason, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A proposal was not taken.</summary>
public sealed record CorrectiveActionDismissed(CorrectiveAction Action, string? By, string? Reason, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>Feedback records or escalations were linked to the action.</summary>
public sealed record CorrectiveActionLinked(CorrectiveAction Action, IReadOnlyList<CorrectiveActionLink> Links, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The due date passed before the action was implemented (raised once per due date).</summary>
public sealed record CorrectiveActionFoundOverdue(CorrectiveAction Action, DateTimeOffset OccurredAt) : IDomainEvent;
