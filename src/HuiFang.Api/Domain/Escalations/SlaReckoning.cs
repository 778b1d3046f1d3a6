using HuiFang.Api.Domain.Calendar;

namespace HuiFang.Api.Domain.Escalations;

/// <summary>When a target falls due, and the intervals that were counted to get there.</summary>
/// <param name="DueBy">The deadline; null while the clock is paused before the target is used up.</param>
/// <param name="Counted">The intervals counted towards the target, in order; their lengths add up to the target when <paramref name="DueBy"/> is known.</param>
public sealed record SlaReckoning(DateTimeOffset? DueBy, IReadOnlyList<WorkingPeriod> Counted)
{
    /// <summary>Counted time used up at <paramref name="now"/>.</summary>
    public TimeSpan ElapsedAt(DateTimeOffset now) =>
        Counted.Aggregate(TimeSpan.Zero, (sum, p) => sum + (now <= p.Start ? TimeSpan.Zero : (now < p.End ? now : p.End) - p.Start));
}
