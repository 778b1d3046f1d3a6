using HuiFang.Api.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HuiFang.Api.Infrastructure.Outbox;

/// <summary>
/// Deletes events published longer ago than <see cref="OutboxOptions.Retention"/>, in batches, and
/// remembers the greatest feed position deleted (<see cref="OutboxPurge"/>), so that a feed cursor
/// older than that gets a clear 410 instead of a silent gap. Unpublished events are never deleted.
/// </summary>
public sealed class OutboxPurger(HuiFangDbContext db, TimeProvider clock, IOptions<OutboxOptions> options)
{
    private const int BatchSize = 1000;

    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cutoff = now - options.Value.Retention;
        var total = 0;
        while (true)
        {
            var batch = await db.OutboxMessages.IgnoreQueryFilters().AsNoTracking()
                .Where(o => o.PublishedAt != null && o.PublishedAt < cutoff)
                .OrderBy(o => o.Id)
                .Take(BatchSize)
                .Select(o => new { o.Id, o.TransactionId })
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return total;
            }

            var through = batch.OrderByDescending(o => o.TransactionId).ThenByDescending(o => o.Id).First();
            var ids = batch.Select(o => o.Id).ToList();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var deleted = await db.OutboxMessages.IgnoreQueryFilters().Where(o => ids.Contains(o.Id) && o.PublishedAt != null).ExecuteDeleteAsync(cancellationToken);
            db.OutboxPurges.Add(new OutboxPurge { ThroughTransactionId = through.TransactionId, ThroughId = through.Id, PurgedAt = now, Count = deleted });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            total += deleted;
        }
    }
}

public sealed class OutboxPurgeService(IServiceScopeFactory scopes, TimeProvider clock, IOptions<OutboxOptions> options, ILogger<OutboxPurgeService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PurgeInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var purged = await scope.ServiceProvider.GetRequiredService<OutboxPurger>().PurgeAsync(stoppingToken);
                if (purged > 0)
                {
                    logger.LogInformation("Purged {Count} published event(s) older than the retention of {Retention}", purged, options.Value.Retention);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not purge published events; the next round tries again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
