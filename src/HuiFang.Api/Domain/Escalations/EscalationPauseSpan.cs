namespace HuiFang.Api.Domain.Escalations;

/// <summary>A stretch of time the SLA clocks stood still, waiting on the customer; <see cref="To"/> is null while it lasts.</summary>
public sealed record EscalationPauseSpan(DateTimeOffset From, DateTimeOffset? To, string? Reason)
{
    /// <summary>The stretch as the SLA clock counts it.</summary>
    public SlaPauseSpan Span => new(From, To);
}
