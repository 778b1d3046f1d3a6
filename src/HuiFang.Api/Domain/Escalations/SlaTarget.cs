namespace HuiFang.Api.Domain.Escalations;

/// <summary>A time limit and how it is counted.</summary>
/// <param name="Duration">The time allowed, e.g. 02:00:00 or 1.00:00:00.</param>
/// <param name="Clock">WallClock or BusinessHours.</param>
public sealed record SlaTarget(TimeSpan Duration, SlaClockKind Clock);
