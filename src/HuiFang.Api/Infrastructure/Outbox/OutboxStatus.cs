using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace HuiFang.Api.Infrastructure.Outbox;

/// <summary>
/// What the dispatcher last saw, for health and metrics without a query per scrape: the backlog
/// (pending count, age of the oldest pending event) and how publishing goes. Meter <c>HuiFang.Outbox</c>.
/// </summary>
public sealed class OutboxStatus
{
    public const string MeterName = "HuiFang.Outbox";

    private readonly Counter<long> _published;
    private readonly Counter<long> _failures;
    private readonly Histogram<double> _delay;
    private readonly Lock _gate = new();
    private long _pending;
    private DateTimeOffset? _oldestPendingAt;
    private DateTimeOffset? _checkedAt;
    private DateTimeOffset? _lastPublishedAt;
    private int _consecutiveFailures;
    private string? _lastError;

    public OutboxStatus(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _published = meter.CreateCounter<long>("huifang.outbox.published", "{event}", "Events published to the broker and confirmed.");
        _failures = meter.CreateCounter<long>("huifang.outbox.publish_failures", "{failure}", "Dispatch rounds that failed (broker or database unavailable).");
        _delay = meter.CreateHistogram<double>("huifang.outbox.publish_delay", "ms", "From the change that raised an event to the broker's confirmation.");
        meter.CreateObservableGauge("huifang.outbox.pending", () => Snapshot().Pending, "{event}", "Events written but not yet published.");
        meter.CreateObservableGauge("huifang.outbox.lag", () => Snapshot().OldestPendingAge?.TotalSeconds ?? 0, "s", "Age of the oldest unpublished event.");
    }

    public sealed record View(
        bool DispatcherRunning,
        long Pending,
        TimeSpan? OldestPendingAge,
        DateTimeOffset? CheckedAt,
        DateTimeOffset? LastPublishedAt,
        int ConsecutiveFailures,
        string? LastError);

    public bool DispatcherRunning { get; set; }

    public View Snapshot()
    {
        lock (_gate)
        {
            var age = _oldestPendingAt is { } oldest && _checkedAt is { } at ? at - oldest : (TimeSpan?)null;
            return new View(DispatcherRunning, _pending, age < TimeSpan.Zero ? TimeSpan.Zero : age, _checkedAt, _lastPublishedAt, _consecutiveFailures, _lastError);
        }
    }

    public void Backlog(long pending, DateTimeOffset? oldestPendingAt, DateTimeOffset now)
    {
        lock (_gate)
        {
            _pending = pending;
            _oldestPendingAt = oldestPendingAt;
            _checkedAt = now;
        }
    }

    public void Published(DateTimeOffset occurredAt, DateTimeOffset now)
    {
        _published.Add(1);
        _delay.Record(Math.Max(0, (now - occurredAt).TotalMilliseconds));
        lock (_gate)
        {
            _lastPublishedAt = now;
        }
    }

    public void RoundSucceeded()
    {
        lock (_gate)
        {
            _consecutiveFailures = 0;
            _lastError = null;
        }
    }

    public void RoundFailed(string error)
    {
        _failures.Add(1);
        lock (_gate)
        {
            _consecutiveFailures++;
            _lastError = error;
        }
    }
}

/// <summary>
/// Part of readiness, but never Unhealthy: a broker outage only delays events (they wait in the
/// outbox), so the service stays in rotation and keeps accepting writes. Degraded says so, with the backlog.
/// </summary>
public sealed class OutboxHealthCheck(OutboxStatus status, IOptions<OutboxOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var view = status.Snapshot();
        var data = new Dictionary<string, object>
        {
            ["dispatcherRunning"] = view.DispatcherRunning,
            ["pending"] = view.Pending,
            ["oldestPendingAgeSeconds"] = Math.Round(view.OldestPendingAge?.TotalSeconds ?? 0, 1),
            ["consecutiveFailures"] = view.ConsecutiveFailures,
        };
        if (view.CheckedAt is { } checkedAt)
        {
            data["checkedAt"] = checkedAt;
        }

        if (view.LastPublishedAt is { } last)
        {
            data["lastPublishedAt"] = last;
        }

        if (view.LastError is { } error)
        {
            data["lastError"] = error;
        }

        if (view.ConsecutiveFailures > 0)
        {
            return Task.FromResult(HealthCheckResult.Degraded($"Publishing fails ({view.ConsecutiveFailures} round(s) in a row); {view.Pending} event(s) wait in the outbox and will be published when it recovers.", data: data));
        }

        if (view.OldestPendingAge > options.Value.LagWarning)
        {
            return Task.FromResult(HealthCheckResult.Degraded($"The oldest unpublished event is {view.OldestPendingAge.Value.TotalSeconds:0} s old ({view.Pending} pending).", data: data));
        }

        return Task.FromResult(HealthCheckResult.Healthy(
            view.DispatcherRunning ? $"{view.Pending} event(s) pending." : "The dispatcher does not run in this process (HuiFang:Outbox:DispatcherEnabled=false).",
            data));
    }
}
