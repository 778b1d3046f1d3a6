using System.Diagnostics;
using System.Diagnostics.Metrics;
using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Domain.Reviews;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Runtime;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Api.Services.Reviews;
using HuiFang.Api.Services.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HuiFang.Api.Features.Reviews.MonitorReviews;

/// <summary>Settings under <c>HuiFang:ReviewMonitor</c>.</summary>
public sealed class ReviewMonitorOptions
{
    public const string Section = "HuiFang:ReviewMonitor";

    /// <summary>Run the monitor in this process. Every replica may run it: the work is split, never done twice.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time between ticks (a tick that fills its batch is followed at once by the next).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Reviews (to open, to add to, overdue) one tick handles at most.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>How far back unsatisfied feedback without a review is looked for (default 14 days: the last two weeks).</summary>
    public TimeSpan LookBack { get; set; } = TimeSpan.FromDays(14);
}

/// <summary>What one tick did.</summary>
public sealed record ReviewTickResult(int Opened, int ItemsAdded, int Overdue, bool Full, TimeSpan Duration)
{
    public static ReviewTickResult Empty { get; } = new(0, 0, 0, false, TimeSpan.Zero);
}

/// <summary>
/// One tick of the review monitor, in one transaction:
/// <list type="bullet">
/// <item>opens the reviews of finished weeks (tenant time zone): for every tenant and department with unsatisfied feedback
/// of the last <see cref="ReviewMonitorOptions.LookBack"/> that no review covers, the earliest such week once it is over;</item>
/// <item>adds unsatisfied feedback recorded into an open review's week after it was opened (one item per visit task);</item>
/// <item>raises <c>WeeklyReviewOverdue</c> once for every open review past its deadline.</item>
/// </list>
/// As the survey monitor: on PostgreSQL the overdue claim locks its rows and skips those another replica holds, two
/// openings of the same review lose on the unique index (the tick rolls back, the next retries), and every write carries
/// the version it read; on SQLite the ticks of this process take turns.
/// </summary>
public sealed class ReviewMonitor(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ReviewMonitorOptions> options, ILogger<ReviewMonitor> logger)
{
    public const string Actor = "review-monitor";

    public static readonly Meter Meter = new("HuiFang.ReviewMonitor");

    private static readonly Histogram<double> TickDuration = Meter.CreateHistogram<double>("huifang.review_monitor.tick_duration", "ms", "Duration of one review monitor tick.");
    private static readonly Counter<long> Raised = Meter.CreateCounter<long>("huifang.review_monitor.raised", null, "Weekly reviews opened, items added and overdue notices, by kind.");

    private static readonly SemaphoreSlim LocalTurn = new(1, 1);

    public async Task<ReviewTickResult> TickAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        return await MonitorLoop.InTurnAsync(scopes, LocalTurn, async services =>
        {
            var result = await RunAsync(services, cancellationToken) with { Duration = Stopwatch.GetElapsedTime(started) };
            TickDuration.Record(result.Duration.TotalMilliseconds);
            if (result.Opened + result.ItemsAdded + result.Overdue > 0)
            {
                logger.LogInformation(
                    "Review monitor tick: {Opened} reviews opened, {ItemsAdded} items added, {Overdue} overdue ({DurationMs:0.0} ms)",
                    result.Opened, result.ItemsAdded, result.Overdue, result.Duration.TotalMilliseconds);
            }

            return result;
        }, cancellationToken);
    }

    private async Task<ReviewTickResult> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var batch = options.Value.BatchSize;
        var since = now - options.Value.LookBack;
        var db = services.GetRequiredService<HuiFangDbContext>();
        var caller = services.GetRequiredService<CurrentCaller>();
        var tenantSettings = services.GetRequiredService<TenantSettings>();
        var opening = services.GetRequiredService<ReviewOpening>();
        var dialect = services.GetRequiredService<DatabaseDialect>();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var unsatisfied = db.FeedbackRecords.IgnoreQueryFilters().AsNoTracking()
            .Where(f => f.RecordedAt >= since && f.RecordedAt <= now && f.SupersededBy == null && f.Verdict == Verdict.Unsatisfied);
        var reviews = db.WeeklyReviews.IgnoreQueryFilters();

        // Tenants and departments with feedback no review covers, and the earliest such feedback: its week is opened once over.
        var uncovered = await unsatisfied
            .Where(f => !reviews.Any(r => r.TenantId == f.TenantId && r.Department == (f.Department ?? "") && r.WeekStart <= f.RecordedAt && r.WeekEnd > f.RecordedAt))
            .GroupBy(f => new { f.TenantId, Department = f.Department ?? "" })
            .Select(g => new { g.Key.TenantId, g.Key.Department, Earliest = g.Min(f => f.RecordedAt) })
            .OrderBy(g => g.TenantId).ThenBy(g => g.Department)
            .Take(batch)
            .ToListAsync(cancellationToken);

        // Open reviews with feedback of their week that is not in them yet (a visit task is in a review once).
        var late = await unsatisfied
            .Where(f => reviews.Any(r => r.Status == ReviewStatus.Open && r.TenantId == f.TenantId && r.Department == (f.Department ?? "") && r.WeekStart <= f.RecordedAt && r.WeekEnd > f.RecordedAt
                && !r.Items.Any(i => i.TaskId == f.TaskId)))
            .Select(f => new { f.TenantId, Department = f.Department ?? "", f.RecordedAt })
            .Take(batch)
            .ToListAsync(cancellationToken);

        var overdueIds = await dialect.ClaimOverdueReviewsAsync(db, now, batch, cancellationToken);

        int opened = 0, added = 0, overdue = 0;
        var tenants = uncovered.Select(u => u.TenantId).Concat(late.Select(l => l.TenantId)).Distinct(StringComparer.Ordinal).ToList();
        var overdueReviews = await reviews.Where(r => overdueIds.Contains(r.Id)).ToListAsync(cancellationToken);
        tenants.AddRange(overdueReviews.Select(r => r.TenantId).Where(t => !tenants.Contains(t, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal));

        foreach (var tenantId in tenants)
        {
            // Each tenant's changes are made and saved as that tenant, in its own calendar and quality policy.
            caller.Set(Caller.System(tenantId, Actor));
            var calendar = await tenantSettings.GetCalendarAsync(cancellationToken);
            foreach (var group in uncovered.Where(u => u.TenantId == tenantId))
            {
                var period = ReviewPeriod.Containing(group.Earliest, calendar);
                if (period.End <= now)
                {
                    var department = group.Department.Length == 0 ? null : group.Department;
                    var review = await opening.OpenAsync(department, period.Week, Actor, automatic: true, cancellationToken);
                    opened += review.IsSuccess ? 1 : 0;
                }
            }

            foreach (var week in late.Where(l => l.TenantId == tenantId).Select(l => (l.Department, ReviewPeriod.Containing(l.RecordedAt, calendar).Week.ToString())).Distinct())
            {
                var review = await db.WeeklyReviews.FirstOrDefaultAsync(r => r.Department == week.Department && r.Week == week.Item2 && r.Status == ReviewStatus.Open, cancellationToken);
                if (review is not null)
                {
                    added += review.AddItems(await ReviewItems.OfAsync(db, week.Department, review.WeekStart, review.WeekEnd, cancellationToken), now);
                }
            }

            foreach (var review in overdueReviews.Where(r => r.TenantId == tenantId))
            {
                overdue += review.MarkOverdue(now) ? 1 : 0;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        Count("opened", opened);
        Count("items-added", added);
        Count("overdue", overdue);
        return new ReviewTickResult(opened, added, overdue, overdueIds.Count == batch, TimeSpan.Zero);
    }

    private static void Count(string kind, int n)
    {
        if (n > 0)
        {
            Raised.Add(n, new KeyValuePair<string, object?>("kind", kind));
        }
    }
}

/// <summary>Runs <see cref="ReviewMonitor"/> ticks at the configured interval while the service runs.</summary>
public sealed class ReviewMonitorService(ReviewMonitor monitor, IOptions<ReviewMonitorOptions> options, ILogger<ReviewMonitorService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        MonitorLoop.RunAsync("Review monitor", ReviewMonitorOptions.Section, options.Value.Enabled, options.Value.Interval, async ct => (await monitor.TickAsync(ct)).Full, logger, stoppingToken);
}

public sealed class ReviewMonitorOptionsValidator : IValidateOptions<ReviewMonitorOptions>
{
    public ValidateOptionsResult Validate(string? name, ReviewMonitorOptions o)
    {
        var failures = MonitorLoop.IntervalAndBatchFailures(ReviewMonitorOptions.Section, o.Interval, o.BatchSize);
        if (o.LookBack < TimeSpan.FromDays(7) || o.LookBack > TimeSpan.FromDays(366))
        {
            failures.Add($"{ReviewMonitorOptions.Section}:LookBack must be between 7.00:00:00 and 366.00:00:00 (was {o.LookBack:c}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
