using HuiFang.Api.Infrastructure.Runtime;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using HuiFang.Api.Domain.Surveys;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Api.Services.Customers;
using HuiFang.Api.Services.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HuiFang.Api.Features.Surveys.MonitorSurveys;

/// <summary>Settings under <c>HuiFang:SurveyMonitor</c>.</summary>
public sealed class SurveyMonitorOptions
{
    public const string Section = "HuiFang:SurveyMonitor";

    /// <summary>Run the monitor in this process. Every replica may run it: the work is split, never done twice.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time between ticks (a tick that fills its batch is followed at once by the next).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Invitations of each kind (expiring, reminding) one tick claims at most.</summary>
    public int BatchSize { get; set; } = 200;
}

/// <summary>What one tick did.</summary>
public sealed record SurveyTickResult(int Claimed, int Reminders, int Deferred, int Expired, int Revoked, bool Full, TimeSpan Duration)
{
    public static SurveyTickResult Empty { get; } = new(0, 0, 0, 0, 0, false, TimeSpan.Zero);
}

/// <summary>
/// One tick of the survey monitor: claims the open invitations past their expiry and those whose reminder has come,
/// and walks each through its rules in the tenant's calendar and survey policy, in one transaction:
/// <list type="bullet">
/// <item>expired: the task falls back (a phone visit at the next working moment — cancelled instead for a customer who
/// opted out, unless it is a complaint follow-up — or unreachable) and
/// <c>SurveyExpired</c> is raised; an invitation whose task was closed another way is revoked (TaskClosed);</item>
/// <item>reminder: raised once (<c>SurveyReminderDue</c>) when it is a working moment; outside working hours it waits
/// for the next one; a customer who opted out since gets no reminder and the invitation is revoked (DoNotContact).</item>
/// </list>
/// As the SLA monitor: on PostgreSQL the claim locks its rows and skips those another replica holds, every write
/// carries the version it read (a caller's change in between makes the tick roll back and the next retry), and the
/// scans walk partial indexes, so a tick costs what falls due.
/// </summary>
public sealed class SurveyMonitor(IServiceScopeFactory scopes, TimeProvider clock, IOptions<SurveyMonitorOptions> options, ILogger<SurveyMonitor> logger)
{
    public static readonly Meter Meter = new("HuiFang.SurveyMonitor");

    private static readonly Histogram<double> TickDuration = Meter.CreateHistogram<double>("huifang.survey_monitor.tick_duration", "ms", "Duration of one survey monitor tick.");
    private static readonly Counter<long> Raised = Meter.CreateCounter<long>("huifang.survey_monitor.raised", null, "Survey reminders, expiries and revocations, by kind.");

    // One SQLite file has one writer at a time and no row locks: ticks in this process take turns.
    private static readonly SemaphoreSlim LocalTurn = new(1, 1);

    public async Task<SurveyTickResult> TickAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        return await MonitorLoop.InTurnAsync(scopes, LocalTurn, async services =>
        {
            var result = await RunAsync(services, cancellationToken) with { Duration = Stopwatch.GetElapsedTime(started) };
            TickDuration.Record(result.Duration.TotalMilliseconds);
            if (result.Claimed > 0)
            {
                logger.LogInformation(
                    "Survey monitor tick: {Claimed} due, {Reminders} reminders, {Deferred} reminders waiting for working hours, {Expired} expired, {Revoked} revoked ({DurationMs:0.0} ms)",
                    result.Claimed, result.Reminders, result.Deferred, result.Expired, result.Revoked, result.Duration.TotalMilliseconds);
            }

            return result;
        }, cancellationToken);
    }

    private async Task<SurveyTickResult> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var batch = options.Value.BatchSize;
        var db = services.GetRequiredService<HuiFangDbContext>();
        var caller = services.GetRequiredService<CurrentCaller>();
        var tenantSettings = services.GetRequiredService<TenantSettings>();
        var contact = services.GetRequiredService<ContactPreferences>();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (expiringIds, remindingIds) = await services.GetRequiredService<DatabaseDialect>().ClaimSurveyWorkAsync(db, now, batch, cancellationToken);
        if (expiringIds.Count + remindingIds.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return SurveyTickResult.Empty;
        }

        var ids = expiringIds.Concat(remindingIds).Distinct().ToList();
        var invitations = await db.SurveyInvitations.IgnoreQueryFilters().Where(i => ids.Contains(i.Id)).ToListAsync(cancellationToken);
        var taskIds = invitations.Select(i => i.TaskId).Distinct().ToList();
        var tasks = await db.VisitTasks.IgnoreQueryFilters().Where(t => taskIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);

        int reminders = 0, deferred = 0, expired = 0, revoked = 0;
        foreach (var tenantGroup in invitations.GroupBy(i => i.TenantId, StringComparer.Ordinal))
        {
            // Each tenant's changes are saved as that tenant, in its own calendar and policy.
            caller.Set(Caller.System(tenantGroup.Key, "survey-monitor"));
            var calendar = await tenantSettings.GetCalendarAsync(cancellationToken);
            var policy = await tenantSettings.GetSurveyPolicyAsync(cancellationToken);
            var workResumes = calendar.NextWorkingInstant(now);
            foreach (var invitation in tenantGroup)
            {
                var task = tasks.GetValueOrDefault(invitation.TaskId);
                if (invitation.IsDueToExpire(now))
                {
                    // A phone visit is not planned for a customer who asked not to be contacted (the task is cancelled instead).
                    var optedOut = task is { IsOpen: true } && policy.OnExpiry == SurveyExpiryFallback.PhoneVisit
                        && await contact.IsDoNotContactAsync(invitation.CustomerExternalId, cancellationToken);
                    if (task is { IsOpen: true } && invitation.Expire(policy.OnExpiry, task, calendar, optedOut, now).IsSuccess)
                    {
                        expired++;
                    }
                    else if (invitation.Revoke(SurveyRevocationReason.TaskClosed, null, now).IsSuccess)
                    {
                        revoked++;
                    }

                    continue;
                }

                if (!invitation.IsReminderDue(now))
                {
                    continue;
                }

                if (task is not { IsOpen: true })
                {
                    revoked += invitation.Revoke(SurveyRevocationReason.TaskClosed, null, now).IsSuccess ? 1 : 0;
                }
                else if (await contact.IsDoNotContactAsync(invitation.CustomerExternalId, cancellationToken))
                {
                    revoked += invitation.Revoke(SurveyRevocationReason.DoNotContact, null, now).IsSuccess ? 1 : 0;
                }
                else if (workResumes > now)
                {
                    // Outside working hours: the reminder waits for the next working moment (and leaves the scan until then).
                    invitation.DeferReminder(workResumes);
                    deferred++;
                }
                else if (invitation.MarkReminded(now))
                {
                    reminders++;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        Count("reminder", reminders);
        Count("expired", expired);
        Count("revoked", revoked);
        var full = expiringIds.Count == batch || remindingIds.Count == batch;
        return new SurveyTickResult(ids.Count, reminders, deferred, expired, revoked, full, TimeSpan.Zero);
    }

    private static void Count(string kind, int n)
    {
        if (n > 0)
        {
            Raised.Add(n, new KeyValuePair<string, object?>("kind", kind));
        }
    }
}

/// <summary>Runs <see cref="SurveyMonitor"/> ticks at the configured interval while the service runs.</summary>
public sealed class SurveyMonitorService(SurveyMonitor monitor, IOptions<SurveyMonitorOptions> options, ILogger<SurveyMonitorService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        MonitorLoop.RunAsync("Survey monitor", SurveyMonitorOptions.Section, options.Value.Enabled, options.Value.Interval, async ct => (await monitor.TickAsync(ct)).Full, logger, stoppingToken);
}

public sealed class SurveyMonitorOptionsValidator : IValidateOptions<SurveyMonitorOptions>
{
    public ValidateOptionsResult Validate(string? name, SurveyMonitorOptions o)
    {
        var failures = MonitorLoop.IntervalAndBatchFailures(SurveyMonitorOptions.Section, o.Interval, o.BatchSize);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
