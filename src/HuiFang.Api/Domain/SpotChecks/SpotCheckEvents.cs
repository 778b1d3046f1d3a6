using HuiFang.Api.Domain.Common;

namespace HuiFang.Api.Domain.SpotChecks;

// What happens to a spot-check, raised by its transitions; each carries the check as it is after the change.

/// <summary>A spot-check was opened with its sample.</summary>
public sealed record SpotCheckOpened(SpotCheck SpotCheck, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A pick was judged; <paramref name="Changed"/>: it had been judged before and the reviewer changed it.</summary>
public sealed record SpotCheckPickJudged(SpotCheck SpotCheck, SpotCheckPick Pick, bool Changed, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The spot-check was completed: every pick judged.</summary>
public sealed record SpotCheckCompleted(SpotCheck SpotCheck, string? Note, DateTimeOffset OccurredAt) : IDomainEvent;
