using HuiFang.Api.Infrastructure.Runtime;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using HuiFang.Api.Common;
using HuiFang.Api.Services.Tenants;
using HuiFang.Api.Infrastructure.Outbox;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Api.Services.Loop;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HuiFang.Api.Features.Escalations.MonitorSla;

/// <summary>Settings under <c>HuiFang:SlaMonitor</c>.</summary>
public sealed class SlaMonitorOptions
{
    public const string Section = "HuiFang:SlaMonitor";

    /// <summary>Run the monitor in this process. Every replica may run it: the work is split, never done twice.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time between ticks (a tick that fills its batch is followed at once by the next).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Items of each kind (escalations, tasks, inquiries) one tick claims at most.</summary>
    public int BatchSize { get; set; } = 200;
}

/// <summary>What one tick did.</summary>
public sealed record SlaTickResult(int Claimed, int Warnings, int Breaches, int Reminders, int OverdueTasks, int OverdueInquiries, bool Full, TimeSpan Duration)
{
    public static SlaTickResult Empty { get; } = new(0, 0, 0, 0, 0, 0, false, TimeSpan.Zero);
}

/// <summary>
/// One tick of the SLA monitor: claims what falls due at the clock's now — escalations whose next check
/// has come (warning, breach, reminder), open visit tasks past their deadline, promised inquiry replies
/// gone late — walks each through its own rules and writes the events, in one transaction. On PostgreSQL
/// the claim locks the rows and skips rows another replica holds, and every item records what it raised
/// (warned/breached/overdue marks), so each warning and breach is raised once per escalation and target
/// whatever the number of replicas. The scans use partial indexes on the next deadline, so a tick costs
/// the items falling due, not the items open.
/// </summary>
public sealed class SlaMonitor(IServiceScopeFactory scopes, TimeProvider clock, IOptions<SlaMonitorOptions> options, ILogger<SlaMonitor> logger)
{
    public static readonly Meter Meter = new("HuiFang.SlaMonitor");

    private static readonly Histogram<double> TickDuration = Meter.CreateHistogram<double>("huifang.sla_monitor.tick_duration", "ms", "Duration of one SLA monitor tick.");
    private static readonly Counter<long> Raised = Meter.CreateCounter<long>("huifang.sla_monitor.raised", null, "Warnings, breaches, reminders and overdue notices raised, by kind.");

    // One SQLite file has one writer at a time and no row locks: ticks in this process take turns.
    private static readonly SemaphoreSlim LocalTurn = new(1, 1);

    public async Task<SlaTickResult> TickAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        return await MonitorLoop.InTurnAsync(scopes, LocalTurn, async services =>
        {
            var result = await RunAsync(services, services.GetRequiredService<HuiFangDbContext>(), cancellationToken) with { Duration = Stopwatch.GetElapsedTime(started) };
            TickDuration.Record(result.Duration.TotalMilliseconds);
            Log(result);
            return result;
        }, cancellationToken);
    }

    private async Task<SlaTickResult> RunAsync(IServiceProvider services, HuiFangDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var batch = options.Value.BatchSize;
        var caller = services.GetRequiredService<CurrentCaller>();
        var tenantSettings = services.GetRequiredService<TenantSettings>();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claim = await services.GetRequiredService<DatabaseDialect>().ClaimSlaWorkAsync(db, now, batch, cancellationToken);
        if (claim.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return SlaTickResult.Empty;
        }

        var escalationIds = claim.Escalations.ToList();
        var taskIds = claim.Tasks.ToList();
        var inquiryIds = claim.Inquiries.ToList();
        var escalations = escalationIds.Count == 0 ? [] : await db.Escalations.IgnoreQueryFilters().Where(e => escalationIds.Contains(e.Id)).ToListAsync(cancellationToken);
        var tasks = taskIds.Count == 0 ? [] : await db.VisitTasks.IgnoreQueryFilters().Where(t => taskIds.Contains(t.Id)).ToListAsync(cancellationToken);
        var inquiries = inquiryIds.Count == 0 ? [] : await db.FeedbackRecords.IgnoreQueryFilters().Where(f => inquiryIds.Contains(f.Id)).ToListAsync(cancellationToken);

        int warnings = 0, breaches = 0, reminders = 0, overdueTasks = 0, overdueInquiries = 0;
        var tenants = escalations.Select(e => e.TenantId).Concat(tasks.Select(t => t.TenantId)).Concat(inquiries.Select(f => f.TenantId)).Distinct(StringComparer.Ordinal);
        foreach (var tenantId in tenants)
        {
            // Each tenant's changes are saved as that tenant, in its own calendar.
            caller.Set(Caller.System(tenantId, "sla-monitor"));
            var calendar = await tenantSettings.GetCalendarAsync(cancellationToken);
            foreach (var escalation in escalations.Where(e => e.TenantId == tenantId))
            {
                var happenings = escalation.Check(now, calendar);
                warnings += happenings.Count(h => h.Kind == Domain.Escalations.SlaHappeningKind.Warning);
                breaches += happenings.Count(h => h.Kind == Domain.Escalations.SlaHappeningKind.Breach);
                reminders += happenings.Count(h => h.Kind == Domain.Escalations.SlaHappeningKind.AutomaticReminder);
            }

            foreach (var task in tasks.Where(t => t.TenantId == tenantId))
            {
                if (task.MarkOverdue(now))
                {
                    overdueTasks++;
                }
            }

            foreach (var feedback in inquiries.Where(f => f.TenantId == tenantId))
            {
                if (feedback.MarkInquiryOverdue(now))
                {
                    overdueInquiries++;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        Count("warning", warnings);
        Count("breach", breaches);
        Count("reminder", reminders);
        Count("task-overdue", overdueTasks);
        Count("inquiry-overdue", overdueInquiries);
        var full = escalationIds.Count == batch || taskIds.Count == batch || inquiryIds.Count == batch;
        return new SlaTickResult(claim.Count, warnings, breaches, reminders, overdueTasks, overdueInquiries, full, TimeSpan.Zero);
    }

    // What a tick did and what it cost: operators (and bench/run) read the tick's price off this line.
    private void Log(SlaTickResult r)
    {
        if (r.Claimed == 0)
        {
            logger.LogDebug("SLA monitor tick: nothing due ({DurationMs:0.0} ms)", r.Duration.TotalMilliseconds);
            return;
        }

        logger.LogInformation(
            "SLA monitor tick: {Claimed} due, {Warnings} warnings, {Breaches} breaches, {Reminders} reminders, {OverdueTasks} overdue tasks, {OverdueInquiries} late inquiry replies ({DurationMs:0.0} ms)",
            r.Claimed, r.Warnings, r.Breaches, r.Reminders, r.OverdueTasks, r.OverdueInquiries, r.Duration.TotalMilliseconds);
    }

    private static void Count(string kind, int n)
    {
        if (n > 0)
        {
            Raised.Add(n, new KeyValuePair<string, object?>("kind", kind));
        }
    }
}

/// <summary>Runs <see cref="SlaMonitor"/> ticks at the configured interval while the service runs.</summary>
public sealed class SlaMonitorService(SlaMonitor monitor, IOptions<SlaMonitorOptions> options, ILogger<SlaMonitorService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        MonitorLoop.RunAsync("SLA monitor", SlaMonitorOptions.Section, options.Value.Enabled, options.Value.Interval, async ct => (await monitor.TickAsync(ct)).Full, logger, stoppingToken);
}

public sealed class SlaMonitorOptionsValidator : IValidateOptions<SlaMonitorOptions>
{
    public ValidateOptionsResult Validate(string? name, SlaMonitorOptions o)
    {
        var failures = MonitorLoop.IntervalAndBatchFailures(SlaMonitorOptions.Section, o.Interval, o.BatchSize);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

public static class SlaMonitorSetup
{
    /// <summary>The loop's collaborators (feedback, escalations) and the SLA monitor.</summary>
    public static IServiceCollection AddHuiFangEscalations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<EscalationChange>();
        services.AddScoped<EscalationOpening>();
        services.AddScoped<FeedbackLoop>();
        services.AddDomainEventRecorder<EscalationRecorder>();
        services.AddOptions<SlaMonitorOptions>().Bind(configuration.GetSection(SlaMonitorOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlaMonitorOptions>, SlaMonitorOptionsValidator>();
        services.AddSingleton<SlaMonitor>();
        services.AddHostedService<SlaMonitorService>();
        return services;
    }
}
