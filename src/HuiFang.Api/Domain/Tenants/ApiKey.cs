using HuiFang.Api.Domain.Common;

namespace HuiFang.Api.Domain.Tenants;

/// <summary>
/// A credential for one calling system (<c>X-Api-Key</c>). Only a SHA-256 hash of the secret is kept;
/// the key itself is shown once, when it is created. Revocation is permanent and keeps the row, so that
/// the audit trail can still name the key.
/// </summary>
public sealed class ApiKey : AggregateRoot, ITenantOwned
{
    private ApiKey()
    {
    }

    public Guid Id { get; private set; }

    public string TenantId { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>The first characters of the key (e.g. <c>hfk_3kP9xQ2a</c>): enough to recognise it in a list, useless to an attacker.</summary>
    public string Prefix { get; private set; } = "";

    /// <summary>Lower-case hex SHA-256 of the whole key.</summary>
    public string Hash { get; private set; } = "";

    /// <summary>Granted scopes, space-separated (the OAuth2 <c>scope</c> format).</summary>
    public string Scopes { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset? ExpiresAt { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedBy { get; private set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    public static ApiKey Create(
        Guid id,
        string tenantId,
        string name,
        string prefix,
        string hash,
        IEnumerable<string> scopes,
        DateTimeOffset? expiresAt,
        string createdBy,
        DateTimeOffset now)
    {
        var key = new ApiKey
        {
            Id = id,
            TenantId = tenantId,
            Name = name,
            Prefix = prefix,
            Hash = hash,
            Scopes = string.Join(' ', scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
            ExpiresAt = expiresAt?.ToUniversalTime(),
            CreatedBy = createdBy,
            CreatedAt = now.ToUniversalTime(),
        };
        key.Raise(new ApiKeyCreated(key, now));
        return key;
    }

    /// <summary>Revokes the key; false (and no change) when it was revoked already.</summary>
    public bool Revoke(string revokedBy, DateTimeOffset now)
    {
        if (RevokedAt is not null)
        {
            return false;
        }

        RevokedAt = now.ToUniversalTime();
        RevokedBy = revokedBy;
        Raise(new ApiKeyRevoked(this, now));
        return true;
    }
}

/// <summary>A key was issued (its secret is shown once, never recorded).</summary>
public sealed record ApiKeyCreated(ApiKey Key, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A key was revoked (once; revoking again changes nothing and raises nothing).</summary>
public sealed record ApiKeyRevoked(ApiKey Key, DateTimeOffset OccurredAt) : IDomainEvent;
