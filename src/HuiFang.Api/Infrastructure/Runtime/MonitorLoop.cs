using HuiFang.Api.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Infrastructure.Runtime;

/// <summary>
/// What the service's background monitors (SLA, surveys, weekly reviews, corrective actions) share: run ticks at an interval while the service runs,
/// follow a tick that filled its batch at once with the next, and survive a failed tick (a caller changed a row
/// mid-tick, or the database is away: nothing was committed, the next tick retries). Pacing is real time,
/// whatever clock stamps the work.
/// </summary>
public static class MonitorLoop
{
    /// <param name="name">How the log names the monitor ("SLA monitor").</param>
    /// <param name="section">Its settings' section, for the log line when it is turned off.</param>
    /// <param name="tick">One tick; true when it filled its batch, so that the next one follows at once.</param>
    public static async Task RunAsync(string name, string section, bool enabled, TimeSpan interval, Func<CancellationToken, Task<bool>> tick, ILogger logger, CancellationToken stoppingToken)
    {
        if (!enabled)
        {
            logger.LogInformation("{Monitor} disabled ({Section}:Enabled=false)", name, section);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await tick(stoppingToken) && !stoppingToken.IsCancellationRequested)
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbUpdateConcurrencyException or DbUpdateException or InvalidOperationException or System.Data.Common.DbException or TimeoutException)
            {
                logger.LogWarning(e, "{Monitor} tick failed; retrying at the next tick", name);
            }

            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Runs one tick in a scope of its own. Where the database has no row locks (SQLite: one file, one writer), the
    /// ticks of one monitor in this process take turns on <paramref name="localTurn"/>; PostgreSQL's claims lock and
    /// skip rows instead, so ticks there run side by side.
    /// </summary>
    public static async Task<T> InTurnAsync<T>(IServiceScopeFactory scopes, SemaphoreSlim localTurn, Func<IServiceProvider, Task<T>> tick, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var takeTurn = !services.GetRequiredService<DatabaseDialect>().ClaimsLockRows;
        if (takeTurn)
        {
            await localTurn.WaitAsync(cancellationToken);
        }

        try
        {
            return await tick(services);
        }
        finally
        {
            if (takeTurn)
            {
                localTurn.Release();
            }
        }
    }

    /// <summary>The ranges every monitor's interval and batch size keep, as start-up failures naming the setting.</summary>
    public static List<string> IntervalAndBatchFailures(string section, TimeSpan interval, int batchSize)
    {
        var failures = new List<string>();
        if (interval < TimeSpan.FromMilliseconds(50) || interval > TimeSpan.FromHours(1))
        {
            failures.Add($"{section}:Interval must be between 00:00:00.05 and 01:00:00 (was {interval:c}).");
        }

        if (batchSize is < 1 or > 5000)
        {
            failures.Add($"{section}:BatchSize must be between 1 and 5000 (was {batchSize}).");
        }

        return failures;
    }
}
