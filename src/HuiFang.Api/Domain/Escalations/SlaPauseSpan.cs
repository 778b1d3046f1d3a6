namespace HuiFang.Api.Domain.Escalations;

/// <summary>A stretch of time in which an SLA clock stood still; <see cref="To"/> is null while it lasts.</summary>
public readonly record struct SlaPauseSpan(DateTimeOffset From, DateTimeOffset? To)
{
    /// <summary>Its wall-clock length, up to <paramref name="now"/> while it lasts.</summary>
    public TimeSpan LengthAt(DateTimeOffset now) => (To ?? now) - From;
}
