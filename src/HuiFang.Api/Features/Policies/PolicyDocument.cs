using HuiFang.Api.Services.Policies;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Tenants;
using HuiFang.Api.Services.Tenants;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Policies;

/// <summary>A policy document as it is kept on the tenant: its JSON (null for the defaults), when it changed and its own version.</summary>
public readonly record struct StoredPolicy(string? Json, DateTimeOffset? UpdatedAt, int Version);

/// <summary>
/// One of a tenant's policy documents (the follow-up policy, the escalation policy). Both are read and replaced
/// the same way: GET answers the stored document, or the service defaults while the tenant has none; PUT stores
/// the settings through <see cref="TenantSettings.ChangeAsync"/> (If-Match on the document's own version, the
/// change audited, 409 on a lost race). What tells them apart is only the data given here.
/// </summary>
/// <param name="UpdatedAction">The audit action of a change.</param>
/// <param name="Defaults">The policy of a tenant that has none of its own.</param>
/// <param name="Stored">Where the document is kept on the tenant.</param>
/// <param name="Store">Keeps a new document on the tenant (and moves its version).</param>
/// <param name="Read">Reads the stored JSON.</param>
/// <param name="Write">Writes the policy as it is stored.</param>
/// <param name="Respond">The response: the settings in force, whether they are the defaults, when they changed, their version.</param>
public sealed record PolicyDocument<TPolicy, TSettings, TResponse>(
    string UpdatedAction,
    TPolicy Defaults,
    Func<Tenant, StoredPolicy> Stored,
    Action<Tenant, string, DateTimeOffset> Store,
    Func<string, TPolicy> Read,
    Func<TPolicy, string> Write,
    Func<TSettings, bool, DateTimeOffset?, int, TResponse> Respond)
    where TSettings : IPolicySettings<TSettings, TPolicy>
    where TResponse : IVersioned
{
    public TResponse ResponseFor(Tenant? tenant)
    {
        var stored = tenant is null ? default : Stored(tenant);
        return stored.Json is { } json
            ? Respond(TSettings.From(Read(json)), false, stored.UpdatedAt, stored.Version)
            : Respond(TSettings.From(Defaults), true, stored.UpdatedAt, stored.Version);
    }

    public async ValueTask<Result<TResponse>> GetAsync(HuiFangDbContext db, ICurrentCaller caller, CancellationToken cancellationToken)
    {
        var tenantId = caller.TenantId!;
        var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tenantId, cancellationToken);
        return ResponseFor(tenant);
    }

    public async ValueTask<Result<TResponse>> ReplaceAsync(TenantSettings settings, TSettings given, IfMatch? ifMatch, CancellationToken cancellationToken)
    {
        var policy = given.ToPolicy();
        var changed = await settings.ChangeAsync(
            ifMatch,
            t => Stored(t).Version,
            (tenant, now) =>
            {
                Store(tenant, Write(policy), now);
                return (UpdatedAction, TSettings.From(policy));
            },
            cancellationToken);
        return changed.IsSuccess ? ResponseFor(changed.Value) : changed.Error!;
    }
}
