using HuiFang.Api.Domain.SpotChecks;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Api.Services.Tenants;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Services.SpotChecks;

/// <summary>A month's sample as the sampler drew it: the picks with their facts, and what they were drawn from.</summary>
/// <param name="Month">The month, <c>YYYY-MM</c>.</param>
/// <param name="Start">The month's first instant in the tenant's time zone (UTC).</param>
/// <param name="End">The first instant after the month (UTC).</param>
/// <param name="TimeZone">The tenant calendar's time zone.</param>
/// <param name="Rule">The rule used.</param>
/// <param name="RuleFromPolicy">True when the request named no rule and the quality policy's default was used.</param>
/// <param name="Population">The month's completed visits (every agent).</param>
/// <param name="Agents">Agents with visits in the month (visits with no known agent count as one group).</param>
/// <param name="Picks">The picks, agent by agent, each agent's by rank.</param>
public sealed record DrawnSample(
    string Month,
    DateTimeOffset Start,
    DateTimeOffset End,
    string TimeZone,
    SampleRule Rule,
    bool RuleFromPolicy,
    int Population,
    int Agents,
    IReadOnlyList<(SamplePick Pick, PickFacts Facts)> Picks);

/// <summary>
/// Draws a spot-check's sample: the month's completed visits — the latest feedback record of each visit (corrections
/// replace what they correct) recorded in the month, tenant time — grouped by agent, and the keyed-hash choice of
/// <see cref="SpotCheckSampling"/> under the follow-up policy's sampling key (the tenant id when it names none), the
/// same key the intake's sampling uses. Shared by opening a spot-check and previewing one.
/// </summary>
public sealed class SpotCheckSampler(HuiFangDbContext db, TenantSettings tenant, ICurrentCaller caller, TimeProvider clock)
{
    /// <summary>True once the month's first instant (tenant time zone) has passed: a month not begun has nothing to check.</summary>
    public async Task<bool> HasBegunAsync(SpotCheckMonth month, CancellationToken cancellationToken)
    {
        var calendar = await tenant.GetCalendarAsync(cancellationToken);
        return calendar.ToInstant(month.FirstDay, TimeOnly.MinValue) <= clock.GetUtcNow();
    }

    public async Task<DrawnSample> DrawAsync(SpotCheckMonth month, SpotCheckLevel level, SampleRule? rule, string? department, CancellationToken cancellationToken)
    {
        var calendar = await tenant.GetCalendarAsync(cancellationToken);
        var start = calendar.ToInstant(month.FirstDay, TimeOnly.MinValue);
        var end = calendar.ToInstant(month.FirstDay.AddMonths(1), TimeOnly.MinValue);
        var (policy, _) = await tenant.GetFollowUpPolicyAsync(cancellationToken);
        var key = policy.SamplingKey ?? caller.TenantId ?? throw new InvalidOperationException("A spot-check needs a caller.");
        var (used, fromPolicy) = rule is null ? (await DefaultRuleAsync(cancellationToken), true) : (rule, false);

        var visits = db.FeedbackRecords.AsNoTracking()
            .Where(f => f.SupersededBy == null && f.RecordedAt >= start && f.RecordedAt < end);
        if (department is not null)
        {
            visits = visits.Where(f => f.Department == department);
        }

        var candidates = (await visits
                .Select(f => new { f.Id, f.TaskId, f.WorkOrderNo, f.Assignee, f.RecordedBy, f.Department, f.RecordedAt })
                .ToListAsync(cancellationToken))
            .Select(f => new SampleCandidate(f.Id, f.TaskId, f.WorkOrderNo, f.Assignee ?? f.RecordedBy, f.Department, f.RecordedAt))
            .ToList();
        var monthName = month.ToString();
        var picks = SpotCheckSampling.Select(candidates, used, monthName, level, key);

        // The facts are read from the picked records only.
        var ids = picks.Select(p => p.Visit.FeedbackId).ToList();
        var records = new Dictionary<Guid, PickFacts>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var record in await db.FeedbackRecords.AsNoTracking().Where(f => chunk.Contains(f.Id)).ToListAsync(cancellationToken))
            {
                records[record.Id] = SpotCheckCriteria.Of(record);
            }
        }

        return new DrawnSample(
            monthName, start, end, calendar.TimeZone.Id, used, fromPolicy, candidates.Count,
            candidates.Select(c => c.Agent).Distinct(StringComparer.Ordinal).Count(),
            [.. picks.Select(p => (p, records[p.Visit.FeedbackId]))]);
    }

    /// <summary>
    /// The sample a spot-check takes when its request names none: the quality policy's (10 % of each agent's visits,
    /// at least one, unless the tenant set another share or a count per agent, <c>PUT /api/v1/policies/quality</c>).
    /// </summary>
    public async Task<SampleRule> DefaultRuleAsync(CancellationToken cancellationToken)
    {
        var policy = await tenant.GetQualityPolicyAsync(cancellationToken);
        return policy.SpotCheckCountPerAgent is { } count ? SampleRule.OfCount(count) : SampleRule.OfPercent(policy.SpotCheckPercent);
    }
}
