using System.ComponentModel.DataAnnotations;
using HuiFang.Api.Domain.Tenants;

namespace HuiFang.Api.Infrastructure.Security;

/// <summary>
/// A person signed in to the dashboard (<c>/dashboard</c>): the server-side half of the session cookie. The cookie
/// holds only a random secret; this row holds its SHA-256, the caller it stands for and when it ends. Deleting the
/// row ends the session at once (sign-out); a session of an API key also ends as soon as the key is revoked or
/// expires (checked at every request, <see cref="DashboardSessions.FindAsync"/>).
/// </summary>
public sealed class DashboardSession : ITenantOwned
{
    private DashboardSession()
    {
    }

    public Guid Id { get; private set; }

    public string TenantId { get; private set; } = "";

    /// <summary>SHA-256 (hex) of the cookie's secret; the secret itself is never stored.</summary>
    public string Hash { get; private set; } = "";

    /// <summary>How the person signed in: an API key or a bearer token.</summary>
    public CallerKind CallerKind { get; private set; }

    /// <summary>The API key's id or the token's subject (<c>jwt:…</c>).</summary>
    public string CallerId { get; private set; } = "";

    public string CallerName { get; private set; } = "";

    /// <summary>The API key signed in with (its revocation ends the session); null for a bearer token.</summary>
    public Guid? ApiKeyId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Absolute end: the sign-in plus <see cref="DashboardOptions.SessionHours"/>, never after the key's or the token's own expiry.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    public static DashboardSession Create(Guid id, Caller caller, string hash, Guid? apiKeyId, DateTimeOffset now, DateTimeOffset expiresAt) => new()
    {
        Id = id,
        TenantId = caller.TenantId,
        Hash = hash,
        CallerKind = caller.Kind,
        CallerId = Fit(caller.Id),
        CallerName = Fit(caller.Name),
        ApiKeyId = apiKeyId,
        CreatedAt = now.ToUniversalTime(),
        ExpiresAt = expiresAt.ToUniversalTime(),
    };

    /// <summary>A token's subject or name as long as the column takes (the audit trail cuts them the same way).</summary>
    private static string Fit(string text) => text.Length <= Common.FieldLimits.Name ? text : text[..Common.FieldLimits.Name];
}

/// <summary>The dashboard's settings (<c>HuiFang:Dashboard</c>).</summary>
public sealed class DashboardOptions
{
    public const string Section = "HuiFang:Dashboard";

    /// <summary>How long a session lasts from sign-in, at most (absolute, not sliding); a bearer token's own expiry ends it sooner.</summary>
    [Range(1, 24)]
    public int SessionHours { get; set; } = 8;
}
