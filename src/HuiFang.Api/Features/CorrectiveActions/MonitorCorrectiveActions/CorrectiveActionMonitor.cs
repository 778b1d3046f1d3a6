using System.Diagnostics;
using System.Diagnostics.Metrics;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Runtime;
using HuiFang.Api.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HuiFang.Api.Features.CorrectiveActions.MonitorCorrectiveActions;

/// <summary>Settings under <c>HuiFang:CorrectiveActionMonitor</c>.</summary>
public sealed class CorrectiveActionMonitorOptions
{
    public const string Section = "HuiFang:CorrectiveActionMonitor";

    /// <summary>Run the monitor in this process. Every replica may run it: the work is split, never done twice.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time between ticks (a tick that fills its batch is followed at once by the next).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Actions one tick claims at most.</summary>
    public int BatchSize { get; set; } = 200;
}

/// <summary>What one tick did.</summary>
public sealed record CorrectiveActionTickResult(int Claimed, int Overdue, bool Full, TimeSpan Duration)
{
    public static CorrectiveActionTickResult Empty { get; } = new(0, 0, false, TimeSpan.Zero);
}

/// <summary>
/// One tick of the corrective-action monitor: claims the actions past the end of their due date (tenant-local) that are not
/// implemented yet (Proposed or Open) and raises <c>CorrectiveActionOverdue</c> for each, once per due date
/// (<c>OverdueRaisedFor</c>). As the survey monitor: on PostgreSQL the claim locks its rows and skips those another replica
/// holds, every write carries the version it read, and the scan walks a partial index; on SQLite ticks of this process take turns.
/// </summary>
public sealed class CorrectiveActionMonitor(IServiceScopeFactory scopes, TimeProvider clock, IOptions<CorrectiveActionMonitorOptions> options, ILogger<CorrectiveActionMonitor> logger)
{
    public static readonly Meter Meter = new("HuiFang.CorrectiveActionMonitor");

    private static readonly Histogram<double> TickDuration = Meter.CreateHistogram<double>("huifang.corrective_action_monitor.tick_duration", "ms", "Duration of one corrective-action monitor tick.");
    private static readonly Counter<long> Raised = Meter.CreateCounter<long>("huifang.corrective_action_monitor.overdue", null, "Corrective actions found overdue.");

    private static readonly SemaphoreSlim LocalTurn = new(1, 1);

    public async Task<CorrectiveActionTickResult> TickAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        return await MonitorLoop.InTurnAsync(scopes, LocalTurn, async services =>
        {
            var result = await RunAsync(services, cancellationToken) with { Duration = Stopwatch.GetElapsedTime(started) };
            TickDuration.Record(result.Duration.TotalMilliseconds);
            if (result.Claimed > 0)
            {
                logger.LogInformation(
                    "Corrective-action monitor tick: {Claimed} due, {Overdue} overdue ({DurationMs:0.0} ms)", result.Claimed, result.Overdue, result.Duration.TotalMilliseconds);
            }

            return result;
        }, cancellationToken);
    }

    private async Task<CorrectiveActionTickResult> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var batch = options.Value.BatchSize;
        var db = services.GetRequiredService<HuiFangDbContext>();
        var caller = services.GetRequiredService<CurrentCaller>();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = await services.GetRequiredService<DatabaseDialect>().ClaimOverdueCorrectiveActionsAsync(db, now, batch, cancellationToken);
        if (ids.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return CorrectiveActionTickResult.Empty;
        }

        var actions = await db.CorrectiveActions.IgnoreQueryFilters().Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
        var overdue = 0;
        foreach (var tenantGroup in actions.GroupBy(a => a.TenantId, StringComparer.Ordinal))
        {
            // Each tenant's changes are saved as that tenant.
            caller.Set(Caller.System(tenantGroup.Key, "corrective-action-monitor"));
            foreach (var action in tenantGroup)
            {
                overdue += action.MarkOverdue(now) ? 1 : 0;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (overdue > 0)
        {
            Raised.Add(overdue);
        }

        return new CorrectiveActionTickResult(ids.Count, overdue, ids.Count == batch, TimeSpan.Zero);
    }
}

/// <summary>Runs <see cref="CorrectiveActionMonitor"/> ticks at the configured interval while the service runs.</summary>
public sealed class CorrectiveActionMonitorService(CorrectiveActionMonitor monitor, IOptions<CorrectiveActionMonitorOptions> options, ILogger<CorrectiveActionMonitorService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        MonitorLoop.RunAsync("Corrective-action monitor", CorrectiveActionMonitorOptions.Section, options.Value.Enabled, options.Value.Interval, async ct => (await monitor.TickAsync(ct)).Full, logger, stoppingToken);
}

public sealed class CorrectiveActionMonitorOptionsValidator : IValidateOptions<CorrectiveActionMonitorOptions>
{
    public ValidateOptionsResult Validate(string? name, CorrectiveActionMonitorOptions o)
    {
        var failures = MonitorLoop.IntervalAndBatchFailures(CorrectiveActionMonitorOptions.Section, o.Interval, o.BatchSize);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
