using HuiFang.Api.Common;
using System.Security.Cryptography;
using System.Text;
using HuiFang.Api.Domain.Tenants;
using HuiFang.Api.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace HuiFang.Api.Infrastructure.Security;

/// <summary>
/// API key format and storage. A key is <c>hfk_</c> followed by 43 URL-safe characters (256 random
/// bits): recognisable by secret scanners and in logs, impossible to guess. Only its SHA-256 is
/// stored: with that much entropy a fast hash is as safe as a slow one, and lets a lookup be one index seek.
/// </summary>
public static class ApiKeyFormat
{
    public const string Prefix = "hfk_";
    public const int DisplayPrefixLength = 12;
    private const int SecretBytes = 32;

    public static string Generate() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretBytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool LooksValid(string key) =>
        key.StartsWith(Prefix, StringComparison.Ordinal) && key.Length == Prefix.Length + 43 && key.AsSpan(Prefix.Length).IndexOfAnyExcept(UrlSafe) < 0;

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string DisplayPrefix(string key) => key[..DisplayPrefixLength];

    private static readonly System.Buffers.SearchValues<char> UrlSafe =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
}

/// <summary>A key just created: the only moment the secret is known.</summary>
public sealed record IssuedApiKey(ApiKey Entity, string Secret);

/// <summary>Creates, verifies and revokes API keys.</summary>
/// <remarks>
/// Creation and revocation act for the current caller (an HTTP caller, or the command line and start-up
/// acting as <see cref="Caller.System"/> for a tenant), are audited, and are saved in one round trip;
/// inside an open transaction the owner's commit decides.
/// </remarks>
public sealed class ApiKeyService(HuiFangDbContext db, TimeProvider clock, IMemoryCache cache, IOptions<AuthOptions> options, ICurrentCaller current, ILogger<ApiKeyService> logger)
{
    private static string CacheKey(string hash) => "apikey:" + hash;

    /// <summary>Creates a key for the caller's tenant (the tenant row is created when missing).</summary>
    public async Task<IssuedApiKey> CreateAsync(string name, IEnumerable<string> scopes, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        var caller = current.Value ?? throw new InvalidOperationException("An API key is created for a caller's tenant.");
        var tenantId = caller.TenantId;
        var now = clock.GetUtcNow();
        if (!await db.Tenants.AnyAsync(t => t.Id == tenantId, cancellationToken))
        {
            db.Tenants.Add(Tenant.Create(tenantId, tenantId, now));
        }

        var secret = ApiKeyFormat.Generate();
        var key = ApiKey.Create(Guid.CreateVersion7(now), tenantId, name, ApiKeyFormat.DisplayPrefix(secret), ApiKeyFormat.Hash(secret), scopes, expiresAt, caller.Display, now);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedApiKey(key, secret);
    }

    /// <summary>The caller a presented key stands for, or null when it is unknown, revoked or expired.</summary>
    public async Task<Caller?> VerifyAsync(string presented, CancellationToken cancellationToken)
    {
        if (!ApiKeyFormat.LooksValid(presented))
        {
            return null;
        }

        var hash = ApiKeyFormat.Hash(presented);
        var now = clock.GetUtcNow();
        if (cache.TryGetValue(CacheKey(hash), out CachedKey? cached) && cached is not null)
        {
            return cached.ExpiresAt is null || cached.ExpiresAt > now ? cached.Caller : null;
        }

        // The one query that must see every tenant: the key decides which tenant the caller is.
        var key = await db.ApiKeys.IgnoreQueryFilters().AsNoTracking()
            .Where(k => k.Hash == hash)
            .Select(k => new { k.Id, k.TenantId, k.Name, k.Scopes, k.RevokedAt, k.ExpiresAt, k.LastUsedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (key is null || key.RevokedAt is not null || key.ExpiresAt <= now)
        {
            return null;
        }

        // Last use is kept to the minute: a write per request would cost more than it tells. It is bookkeeping:
        // a database that takes no writes (read-only after a failover, a lost race) must not fail the caller's read.
        if (key.LastUsedAt is null || now - key.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            try
            {
                await db.ApiKeys.IgnoreQueryFilters().Where(k => k.Id == key.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
            }
            catch (Exception e) when (DbErrors.Classify(e) is { Kind: DatabaseFaultKind.ReadOnly or DatabaseFaultKind.Contention } fault)
            {
                logger.LogDebug("Last use of API key {KeyId} not recorded: the database refused the write ({Code})", key.Id, fault.Code);
            }
        }

        var caller = new Caller(key.TenantId, key.Id.ToString(), key.Name, CallerKind.ApiKey, key.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal));
        cache.Set(CacheKey(hash), new CachedKey(caller, key.ExpiresAt), options.Value.ApiKeyCacheDuration);
        return caller;
    }

    /// <summary>Revokes a key of the caller's tenant; takes effect at once on this replica.</summary>
    public async Task<ApiKey?> RevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null)
        {
            return null;
        }

        var caller = current.Value ?? throw new InvalidOperationException("An API key is revoked by a caller.");
        if (key.Revoke(caller.Display, clock.GetUtcNow()))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        cache.Remove(CacheKey(key.Hash));
        return key;
    }

    private sealed record CachedKey(Caller Caller, DateTimeOffset? ExpiresAt);
}
