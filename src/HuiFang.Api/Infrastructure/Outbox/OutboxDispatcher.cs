using HuiFang.Api.Domain.Common;
using HuiFang.Api.Common;
using System.Text.Json;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HuiFang.Api.Infrastructure.Outbox;

/// <summary>
/// Publishes committed outbox rows through MassTransit, oldest first, and marks them published.
/// <list type="bullet">
/// <item>At least once: a row is marked only after the broker confirmed it (publisher confirms); a crash
/// between the two publishes it again, with the same MessageId (the event id), so subscribers de-duplicate.</item>
/// <item>Order per stream: only the oldest unpublished event of each stream (aggregate) is eligible, so a
/// later event of the same task never overtakes an earlier one, on one replica or several.</item>
/// <item>Replicas (PostgreSQL): a round claims its rows with <c>FOR UPDATE SKIP LOCKED</c> inside a
/// transaction held while it publishes them; a second replica skips them, and a crashed replica's
/// claim ends with its connection. SQLite has one process, hence one dispatcher.</item>
/// <item>Failures: a round that cannot reach the broker or the database waits with exponential
/// backoff and jitter (up to <see cref="OutboxOptions.RetryMaxDelay"/>), forever, never in a hot loop.</item>
/// <item>Latency: a commit that wrote events wakes the dispatcher (<see cref="OutboxSignal"/>); the poll
/// is only the safety net.</item>
/// </list>
/// Waiting uses real time, not the service's <see cref="TimeProvider"/>: it paces I/O; business time only stamps rows.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    OutboxStatus status,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger,
    IEnumerable<IOutboxDispatchHook> hooks) : BackgroundService
{
    /// <summary>AMQP/MassTransit headers every event carries, for subscribers that route or filter without parsing the body.</summary>
    public const string EventTypeHeader = "huifang-event-type";
    public const string EventVersionHeader = "huifang-event-version";
    public const string TenantHeader = "huifang-tenant-id";

    private static readonly TimeSpan BacklogRefresh = TimeSpan.FromSeconds(5);
    private readonly IOutboxDispatchHook? _hook = hooks.FirstOrDefault();
    private long _lastBacklogCheck;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        status.DispatcherRunning = true;
        var failures = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                int published;
                try
                {
                    published = await DispatchRoundAsync(stoppingToken);

                    // At most every few seconds: under load rounds follow each other, and a count per round would double the queries.
                    await RefreshBacklogAsync(force: false, stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // While the broker is down the backlog grows: keep its numbers current for health and metrics.
                    await TryRefreshBacklogAsync(stoppingToken);
                    failures++;
                    status.RoundFailed($"{e.GetType().Name}: {e.Message}");
                    var delay = Backoff.Delay(failures, settings.RetryBaseDelay, settings.RetryMaxDelay, Random.Shared);
                    logger.Log(
                        failures == 1 ? LogLevel.Warning : LogLevel.Information,
                        e,
                        "Publishing events failed ({Failures} round(s) in a row); retrying in {Delay} ms. Events wait in the outbox",
                        failures,
                        (int)delay.TotalMilliseconds);
                    await Task.Delay(delay, stoppingToken);
                    continue;
                }

                if (failures > 0)
                {
                    logger.LogInformation("Publishing events works again after {Failures} failed round(s)", failures);
                    failures = 0;
                }

                status.RoundSucceeded();
                if (published < settings.BatchSize)
                {
                    // A full batch means more is waiting: go on at once. Otherwise sleep until a commit or the
                    // poll, then linger a moment so that the commits right behind it share the round.
                    await signal.WaitAsync(settings.PollInterval, stoppingToken);
                    if (settings.Linger > TimeSpan.Zero)
                    {
                        await Task.Delay(settings.Linger, stoppingToken);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; an unmarked row is published again by the next dispatcher.
        }
        finally
        {
            status.DispatcherRunning = false;
        }
    }

    /// <summary>One round: claim, publish in order, mark. Returns how many rows were published; throws when the round failed.</summary>
    internal async Task<int> DispatchRoundAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HuiFangDbContext>();

        // Where the claim locks rows, the locks live as long as this transaction: until the marks are committed.
        var dialect = scope.ServiceProvider.GetRequiredService<DatabaseDialect>();
        await using var claim = dialect.ClaimsLockRows ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var rows = await dialect.ClaimPendingEventsAsync(db, options.Value.BatchSize, cancellationToken);
        if (rows.Count == 0)
        {
            return 0;
        }

        // A claim holds at most one row per stream, so the rows have no order among themselves: they are
        // published together and the broker's confirms come back together. One after another, each waited
        // for its own confirm, and the dispatcher fell behind at a few hundred events a second.
        var outcomes = await Task.WhenAll(rows.Select(row => PublishOneAsync(row, cancellationToken)));

        var published = new List<long>(rows.Count);
        var notPublished = new List<(long Id, string Error)>();
        Exception? failure = null;
        for (var i = 0; i < rows.Count; i++)
        {
            var (row, outcome) = (rows[i], outcomes[i]);
            if (outcome.Kind == PublishKind.Published)
            {
                published.Add(row.Id);
                continue;
            }

            if (outcome.Kind == PublishKind.Unreadable)
            {
                // A row this version cannot read (e.g. written by a newer one) holds back only its own stream.
                // Said loudly once; every later round would only repeat it.
                logger.Log(
                    row.Attempts == 0 ? LogLevel.Error : LogLevel.Debug,
                    outcome.Error,
                    "Outbox row {Id} (event {EventId}, type {Type}) cannot be published; its stream waits",
                    row.Id,
                    row.EventId,
                    row.Type);
            }
            else
            {
                // The broker is most likely down; each row that was not confirmed is tried again later.
                failure ??= outcome.Error;
            }

            notPublished.Add((row.Id, Truncate($"{outcome.Error!.GetType().Name}: {outcome.Error.Message}")));
        }

        // While the broker is down every row of the round fails with the same error: one write per error, not per row.
        foreach (var group in notPublished.GroupBy(r => r.Error, StringComparer.Ordinal))
        {
            var ids = group.Select(r => r.Id).ToList();
            await db.OutboxMessages.IgnoreQueryFilters().Where(o => ids.Contains(o.Id)).ExecuteUpdateAsync(
                u => u.SetProperty(o => o.Attempts, o => o.Attempts + 1).SetProperty(o => o.LastError, group.Key),
                CancellationToken.None);
        }

        if (published.Count > 0)
        {
            var now = clock.GetUtcNow();
            await db.OutboxMessages.IgnoreQueryFilters().Where(o => published.Contains(o.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.PublishedAt, now).SetProperty(o => o.LastError, (string?)null), cancellationToken);
        }

        if (claim is not null)
        {
            await claim.CommitAsync(CancellationToken.None);
        }

        if (failure is not null)
        {
            throw new OutboxPublishException($"Published {published.Count} of {rows.Count} event(s); {notPublished.Count} not, the first failure: {failure.Message}", failure);
        }

        return published.Count;
    }

    private enum PublishKind
    {
        Published,
        Unreadable,
        Failed,
    }

    private readonly record struct PublishOutcome(PublishKind Kind, Exception? Error);

    private async Task<PublishOutcome> PublishOneAsync(PendingEvent row, CancellationToken cancellationToken)
    {
        (Type Type, IIntegrationEvent Message) resolved;
        try
        {
            resolved = Resolve(row);
        }
        catch (Exception e) when (e is InvalidOperationException or JsonException or NotSupportedException)
        {
            return new PublishOutcome(PublishKind.Unreadable, e);
        }

        try
        {
            if (_hook is not null)
            {
                await _hook.BeforePublishAsync(row.EventId, cancellationToken);
            }

            await PublishAsync(row, resolved.Type, resolved.Message, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return new PublishOutcome(PublishKind.Failed, e);
        }

        if (_hook is not null)
        {
            await _hook.PublishedAsync(row.EventId, cancellationToken);
        }

        return new PublishOutcome(PublishKind.Published, null);
    }

    private static (Type Type, IIntegrationEvent Message) Resolve(PendingEvent row)
    {
        var type = IntegrationEvents.Find(row.Type)
            ?? throw new InvalidOperationException($"Outbox row {row.Id} holds an event of unknown type '{row.Type}'.");
        var message = (IIntegrationEvent)(JsonSerializer.Deserialize(row.Payload, type, EventJson.Options)
            ?? throw new InvalidOperationException($"Outbox row {row.Id} holds no event."));
        return (type, message);
    }

    private async Task PublishAsync(PendingEvent row, Type type, IIntegrationEvent message, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.PublishTimeout);
        try
        {
            // MassTransit completes the task when the broker has confirmed the message (publisher confirms).
            await bus.Publish(message, type, context =>
            {
                context.MessageId = row.EventId;
                context.Durable = true;
                context.Headers.Set(EventTypeHeader, row.Type);
                context.Headers.Set(EventVersionHeader, IntegrationEvents.Describe(type).Version);
                context.Headers.Set(TenantHeader, row.TenantId);
            }, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The broker did not confirm the event within {options.Value.PublishTimeout.TotalSeconds:0.#} s.");
        }

        status.Published(message.OccurredAt, clock.GetUtcNow());
    }

    private async Task TryRefreshBacklogAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RefreshBacklogAsync(force: true, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogDebug(e, "Could not count the outbox backlog");
        }
    }

    private async Task RefreshBacklogAsync(bool force, CancellationToken cancellationToken)
    {
        var now = Environment.TickCount64;
        if (!force && now - _lastBacklogCheck < BacklogRefresh.TotalMilliseconds)
        {
            return;
        }

        _lastBacklogCheck = now;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HuiFangDbContext>();
        var backlog = await db.OutboxMessages.IgnoreQueryFilters()
            .Where(o => o.PublishedAt == null)
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.LongCount(), Oldest = g.Min(o => o.OccurredAt) })
            .SingleOrDefaultAsync(cancellationToken); // grouped by a constant: one row, or none
        status.Backlog(backlog?.Count ?? 0, backlog?.Oldest, clock.GetUtcNow());
    }

    private static string Truncate(string text) => text.Length <= FieldLimits.LongText ? text : text[..FieldLimits.LongText];
}

/// <summary>A claimed outbox row: what publishing needs.</summary>
public sealed class PendingEvent
{
    public long Id { get; init; }

    public Guid EventId { get; init; }

    public string TenantId { get; init; } = "";

    public string Type { get; init; } = "";

    public string Payload { get; init; } = "";

    /// <summary>Failed attempts before this claim.</summary>
    public int Attempts { get; init; }
}

public sealed class OutboxPublishException(string message, Exception inner) : Exception(message, inner);

/// <summary>Lets tests stop a dispatcher at the two points that matter: holding a claimed row, and after the broker confirmed it but before it is marked.</summary>
public interface IOutboxDispatchHook
{
    ValueTask BeforePublishAsync(Guid eventId, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    ValueTask PublishedAsync(Guid eventId, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
