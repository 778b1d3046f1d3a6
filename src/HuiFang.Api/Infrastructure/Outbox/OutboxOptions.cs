using Microsoft.Extensions.Options;

namespace HuiFang.Api.Infrastructure.Outbox;

/// <summary>Settings under <c>HuiFang:Outbox</c>: how events leave the database for the broker, and how long the feed keeps them.</summary>
public sealed class OutboxOptions
{
    public const string Section = "HuiFang:Outbox";

    /// <summary>Run the dispatcher in this process. Events are written and the feed answers either way.</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>Events claimed and published per round trip.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How often the dispatcher looks for events when no commit woke it (events of other replicas, missed wake-ups).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long the dispatcher waits, once a commit woke it, for more commits to join the round. Under load a
    /// round per commit cost a transaction (claim, mark, commit) per event: 20 ms gathers a few dozen events
    /// at a few hundred a second for that price, and adds at most 20 ms to an event's way to the broker.
    /// </summary>
    public TimeSpan Linger { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>How long one publish may wait for the broker's confirmation before it counts as failed.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First wait after a failed round; doubles (with jitter) on every further failure.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between retries while the broker or the database stays down.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long published events stay readable in the event feed before they are purged.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How often published events older than the retention are purged.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Readiness reports Degraded (still 200) when the oldest unpublished event is older than this.</summary>
    public TimeSpan LagWarning { get; set; } = TimeSpan.FromMinutes(1);
}

public sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxOptions o)
    {
        const string s = OutboxOptions.Section;
        var failures = new List<string>();
        void Between(string setting, TimeSpan value, TimeSpan min, TimeSpan max)
        {
            if (value < min || value > max)
            {
                failures.Add($"{s}:{setting} must be between {min:c} and {max:c} (was {value:c}).");
            }
        }

        if (o.BatchSize is < 1 or > 1000)
        {
            failures.Add($"{s}:BatchSize must be between 1 and 1000 (was {o.BatchSize}).");
        }

        Between(nameof(o.PollInterval), o.PollInterval, TimeSpan.FromMilliseconds(50), TimeSpan.FromDays(1));
        Between(nameof(o.Linger), o.Linger, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Between(nameof(o.PublishTimeout), o.PublishTimeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5));
        Between(nameof(o.RetryBaseDelay), o.RetryBaseDelay, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(5));
        Between(nameof(o.RetryMaxDelay), o.RetryMaxDelay, o.RetryBaseDelay, TimeSpan.FromHours(1));
        Between(nameof(o.Retention), o.Retention, TimeSpan.FromHours(1), TimeSpan.FromDays(3650));
        Between(nameof(o.PurgeInterval), o.PurgeInterval, TimeSpan.FromSeconds(10), TimeSpan.FromDays(1));
        Between(nameof(o.LagWarning), o.LagWarning, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>Exponential backoff with full jitter: a random wait in [base·2^(n-1) / 2, base·2^(n-1)], capped.</summary>
public static class Backoff
{
    public static TimeSpan Delay(int failures, TimeSpan baseDelay, TimeSpan maxDelay, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        var exponent = Math.Min(failures - 1, 30);
        var ceiling = Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, exponent));

        // Half fixed, half random: replicas that failed together do not retry together, and no wait collapses to zero.
        return TimeSpan.FromMilliseconds((ceiling / 2) + (random.NextDouble() * ceiling / 2));
    }
}
