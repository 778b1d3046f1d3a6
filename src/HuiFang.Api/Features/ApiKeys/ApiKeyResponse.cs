using HuiFang.Api.Domain.Tenants;

namespace HuiFang.Api.Features.ApiKeys;

/// <summary>Whether a key is accepted.</summary>
public enum ApiKeyStatus
{
    Active,
    Revoked,
    Expired,
}

/// <summary>An API key as administrators see it; the secret itself is shown only once, at creation.</summary>
/// <param name="Id">Key id; the audit trail names callers by it.</param>
/// <param name="Name">What the key is for, e.g. "CRM production".</param>
/// <param name="Prefix">The key's first characters, to recognise it.</param>
/// <param name="TenantId">The tenant the key acts for.</param>
/// <param name="Scopes">What the key may do.</param>
/// <param name="Status">Active, Revoked or Expired.</param>
/// <param name="CreatedAt">When the key was created.</param>
/// <param name="CreatedBy">Who created it.</param>
/// <param name="ExpiresAt">When the key stops working, if it does.</param>
/// <param name="LastUsedAt">When the key was last used (to the minute).</param>
/// <param name="RevokedAt">When the key was revoked.</param>
/// <param name="RevokedBy">Who revoked it.</param>
public sealed record ApiKeyResponse(
    Guid Id,
    string Name,
    string Prefix,
    string TenantId,
    IReadOnlyList<string> Scopes,
    ApiKeyStatus Status,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt,
    string? RevokedBy)
{
    public static ApiKeyResponse From(ApiKey k, DateTimeOffset now) => new(
        k.Id,
        k.Name,
        k.Prefix,
        k.TenantId,
        k.ScopeList,
        k.RevokedAt is not null ? ApiKeyStatus.Revoked : k.IsActive(now) ? ApiKeyStatus.Active : ApiKeyStatus.Expired,
        k.CreatedAt,
        k.CreatedBy,
        k.ExpiresAt,
        k.LastUsedAt,
        k.RevokedAt,
        k.RevokedBy);
}
