using HuiFang.Api.Domain.Common;
using HuiFang.Api.Services.Policies;
using HuiFang.Api.Common;
using System.Diagnostics;
using System.Text.Json;
using HuiFang.Api.Domain.Calendar;
using HuiFang.Api.Domain.Escalations;
using HuiFang.Api.Domain.FollowUp;
using HuiFang.Api.Domain.Quality;
using HuiFang.Api.Domain.Surveys;
using HuiFang.Api.Domain.Tenants;
using HuiFang.Api.Features.Policies;
using HuiFang.Api.Infrastructure.Configuration;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Api.Services.Changes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace HuiFang.Api.Services.Tenants;

/// <summary>
/// The settings of the caller's tenant. A tenant without a calendar of its own plans in the service's
/// default calendar (<c>HuiFang:Calendar</c>). Calendars are cached briefly; a change made through this
/// replica is seen at once, one made through another replica within <see cref="CacheDuration"/>.
/// </summary>
public sealed class TenantSettings(HuiFangDbContext db, ICurrentCaller caller, BusinessCalendar defaultCalendar, IMemoryCache cache, AuditTrail audit, VersionedChange versioned, TimeProvider clock)
{
    public static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(30);

    public static readonly JsonSerializerOptions CalendarJson = new(JsonSerializerDefaults.Web);

    public async Task<BusinessCalendar> GetCalendarAsync(CancellationToken cancellationToken)
    {
        var tenantId = caller.TenantId ?? throw new InvalidOperationException("Tenant settings need a caller.");
        if (cache.TryGetValue(CacheKey(tenantId), out BusinessCalendar? cached) && cached is not null)
        {
            return cached;
        }

        var json = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.CalendarJson).FirstOrDefaultAsync(cancellationToken);
        var calendar = json is null ? defaultCalendar : CalendarOptionsValidator.Build(JsonSerializer.Deserialize<CalendarOptions>(json, CalendarJson)!);
        cache.Set(CacheKey(tenantId), calendar, CacheDuration);
        return calendar;
    }

    /// <summary>The tenant's feedback and escalation rules; the defaults when it has none of its own.</summary>
    public async Task<EscalationPolicy> GetEscalationPolicyAsync(CancellationToken cancellationToken)
    {
        var tenantId = caller.TenantId ?? throw new InvalidOperationException("Tenant settings need a caller.");
        if (cache.TryGetValue(PolicyKey(tenantId), out EscalationPolicy? cached) && cached is not null)
        {
            return cached;
        }

        var json = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.EscalationPolicyJson).FirstOrDefaultAsync(cancellationToken);
        var policy = json is null ? EscalationPolicy.Default : EscalationPolicyJson.Read(json);
        cache.Set(PolicyKey(tenantId), policy, CacheDuration);
        return policy;
    }

    /// <summary>The tenant's follow-up policy (the defaults when it has none) and that policy's version (0: the defaults, never changed).</summary>
    public async Task<(FollowUpPolicy Policy, int Version)> GetFollowUpPolicyAsync(CancellationToken cancellationToken)
    {
        var tenantId = caller.TenantId ?? throw new InvalidOperationException("Tenant settings need a caller.");
        if (cache.TryGetValue(FollowUpKey(tenantId), out (FollowUpPolicy, int) cached))
        {
            return cached;
        }

        var row = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => new { t.FollowUpPolicyJson, t.FollowUpPolicyVersion }).FirstOrDefaultAsync(cancellationToken);
        var entry = (row?.FollowUpPolicyJson is { } json ? FollowUpPolicyJson.Read(json) : FollowUpPolicy.Default, row?.FollowUpPolicyVersion ?? 0);
        cache.Set(FollowUpKey(tenantId), entry, CacheDuration);
        return entry;
    }

    /// <summary>The tenant's survey-invitation policy; the defaults when it has none of its own.</summary>
    public async Task<SurveyPolicy> GetSurveyPolicyAsync(CancellationToken cancellationToken)
    {
        var tenantId = caller.TenantId ?? throw new InvalidOperationException("Tenant settings need a caller.");
        if (cache.TryGetValue(SurveyKey(tenantId), out SurveyPolicy? cached) && cached is not null)
        {
            return cached;
        }

        var json = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.SurveyPolicyJson).FirstOrDefaultAsync(cancellationToken);
        var policy = json is null ? SurveyPolicy.Default : SurveyPolicyJson.Read(json);
        cache.Set(SurveyKey(tenantId), policy, CacheDuration);
        return policy;
    }

    /// <summary>The tenant's quality policy (weekly reviews, spot-checks, corrective actions); the defaults when it has none of its own.</summary>
    public async Task<QualityPolicy> GetQualityPolicyAsync(CancellationToken cancellationToken)
    {
        var tenantId = caller.TenantId ?? throw new InvalidOperationException("Tenant settings need a caller.");
        if (cache.TryGetValue(QualityKey(tenantId), out QualityPolicy? cached) && cached is not null)
        {
            return cached;
        }

        var json = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.QualityPolicyJson).FirstOrDefaultAsync(cancellationToken);
        var policy = json is null ? QualityPolicy.Default : QualityPolicyJson.Read(json);
        cache.Set(QualityKey(tenantId), policy, CacheDuration);
        return policy;
    }

    /// <summary>
    /// Changes the caller's tenant row (created on its first change) through <see cref="VersionedChange"/>:
    /// checks If-Match against the version of the settings document the change is about, applies the change,
    /// audits it with the document's new version, saves (409 on a lost race), and drops this replica's cached settings.
    /// </summary>
    /// <param name="ifMatch">The caller's If-Match, if any (412 when it names another version of the document).</param>
    /// <param name="versionOf">The version of the settings document the change is about (the ETag the caller holds).</param>
    /// <param name="change">Applies the change at the given instant; returns the audit action and details.</param>
    public async Task<Result<Tenant>> ChangeAsync(IfMatch? ifMatch, Func<Tenant, int> versionOf, Func<Tenant, DateTimeOffset, (string Action, object? Details)> change, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var tenantId = caller.TenantId!;
        var changed = await versioned.ApplyAsync(
            new TenantDocument(versionOf, now),
            tenantId,
            ifMatch,
            tenant =>
            {
                var (action, details) = change(tenant, now);
                audit.Record(AuditSubjects.Tenant, tenantId, action, versionOf(tenant), details);
                return Outcome.Ok;
            },
            cancellationToken);
        if (changed.IsSuccess)
        {
            Forget(tenantId);
        }

        return changed;
    }

    /// <summary>One settings document of the caller's tenant (its settings, or one of its policies) as a versioned resource.</summary>
    private sealed class TenantDocument(Func<Tenant, int> versionOf, DateTimeOffset now) : VersionedResource<string, Tenant>
    {
        /// <summary>The tenant's row; a tenant that never changed its settings gets one.</summary>
        public override async Task<Tenant?> FindAsync(HuiFangDbContext db, string key, CancellationToken cancellationToken)
        {
            var tenant = await db.Tenants.FirstOrDefaultAsync(t => t.Id == key, cancellationToken);
            if (tenant is null)
            {
                tenant = Tenant.Create(key, key, now);
                db.Tenants.Add(tenant);
            }

            return tenant;
        }

        public override int VersionOf(Tenant resource) => versionOf(resource);

        public override Error NotFound(string key) => throw new UnreachableException("A tenant's row is created on its first change.");

        public override Error PreconditionFailed(string key, int currentVersion) =>
            ETags.PreconditionFailed("tenant.preconditionFailed", [ETags.For(currentVersion)], currentVersion);

        public override Error ConcurrentChange(string key) => new(ErrorKind.Conflict, "concurrent-change", "tenant.concurrentChange", []);
    }

    public void Forget(string tenantId)
    {
        cache.Remove(FollowUpKey(tenantId));
        cache.Remove(CacheKey(tenantId));
        cache.Remove(PolicyKey(tenantId));
        cache.Remove(SurveyKey(tenantId));
        cache.Remove(QualityKey(tenantId));
    }

    private static string QualityKey(string tenantId) => "quality-policy:" + tenantId;

    private static string SurveyKey(string tenantId) => "survey-policy:" + tenantId;

    private static string FollowUpKey(string tenantId) => "follow-up-policy:" + tenantId;

    private static string PolicyKey(string tenantId) => "escalation-policy:" + tenantId;

    private static string CacheKey(string tenantId) => "calendar:" + tenantId;
}
