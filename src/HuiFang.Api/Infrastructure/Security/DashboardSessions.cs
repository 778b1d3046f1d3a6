using System.Security.Cryptography;
using System.Text;
using HuiFang.Api.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HuiFang.Api.Infrastructure.Security;

/// <summary>Why a sign-in to the dashboard was refused.</summary>
public enum DashboardSignInFailure
{
    /// <summary>Nothing was pasted.</summary>
    Missing,

    /// <summary>Not a key or token the service accepts: unknown, revoked, expired, badly signed, or a bearer token while bearer tokens are off.</summary>
    Invalid,

    /// <summary>A valid credential without <c>reports:read</c>.</summary>
    InsufficientScope,
}

/// <summary>A sign-in's outcome: the session's cookie secret and end, or why there is none.</summary>
public sealed record DashboardSignIn(string? Secret, DateTimeOffset ExpiresAt, Caller? Caller, DashboardSignInFailure? Failure);

/// <summary>
/// The dashboard's sessions: server-side rows (<see cref="DashboardSession"/>) behind an HttpOnly, SameSite=Strict
/// cookie scoped to <c>/dashboard</c>. Only the dashboard's pages read the cookie; <c>/api/v1</c> never does (its
/// authentication schemes read <c>X-Api-Key</c> and <c>Authorization</c> only), so a page cannot be used to call
/// the API and a stolen cookie opens nothing but the dashboard's read-only pages.
/// </summary>
public sealed class DashboardSessions(
    HuiFangDbContext db,
    ApiKeyService keys,
    CurrentCaller current,
    TimeProvider clock,
    IOptions<DashboardOptions> options,
    IOptions<AuthOptions> auth,
    ILogger<DashboardSessions> logger)
{
    /// <summary>Where the cookie is sent, and the only routes that read it.</summary>
    public const string Path = "/dashboard";

    /// <summary>The cookie's name over HTTPS: the <c>__Secure-</c> prefix makes browsers refuse it without <c>Secure</c>.</summary>
    public const string SecureCookieName = "__Secure-huifang-dashboard";

    /// <summary>The cookie's name over plain HTTP (the embedded default on a workstation), where a prefixed cookie is refused.</summary>
    public const string PlainCookieName = "huifang-dashboard";

    private const string SecretPrefix = "hfd_";

    /// <summary>Where the pasted bearer token waits for the JWT handler to read it (<see cref="SecuritySetup"/>'s OnMessageReceived).</summary>
    internal const string PastedTokenItem = "huifang:dashboard-bearer";

    /// <summary>The only scope a dashboard session carries: it reads reports, whatever else its key may do.</summary>
    private static readonly IReadOnlySet<string> SessionScopes = new HashSet<string>([Scopes.ReportsRead], StringComparer.Ordinal);

    public static string CookieName(HttpRequest request) => request.IsHttps ? SecureCookieName : PlainCookieName;

    /// <summary>Checks the pasted credential and, when it holds <c>reports:read</c>, opens a session for its tenant.</summary>
    public async Task<DashboardSignIn> SignInAsync(HttpContext http, string? credential, CancellationToken cancellationToken)
    {
        credential = credential?.Trim();
        if (string.IsNullOrEmpty(credential))
        {
            return Failed(DashboardSignInFailure.Missing);
        }

        var now = clock.GetUtcNow();
        Caller? caller;
        Guid? apiKeyId = null;
        DateTimeOffset? credentialExpiry = null;
        if (credential.StartsWith(ApiKeyFormat.Prefix, StringComparison.Ordinal))
        {
            caller = await keys.VerifyAsync(credential, cancellationToken);
            if (caller is not null)
            {
                apiKeyId = Guid.Parse(caller.Id);
                credentialExpiry = await db.ApiKeys.IgnoreQueryFilters().Where(k => k.Id == apiKeyId).Select(k => k.ExpiresAt).SingleOrDefaultAsync(cancellationToken);
            }
        }
        else if (auth.Value.Jwt.Enabled && credential.Length <= 16 * 1024)
        {
            (caller, credentialExpiry) = await BearerAsync(http, credential);
        }
        else
        {
            caller = null;
        }

        if (caller is null)
        {
            // Never log what was pasted: it may be a real secret pasted into the wrong place.
            logger.LogInformation("Refused a dashboard sign-in: unknown, revoked or expired credential");
            return Failed(DashboardSignInFailure.Invalid);
        }

        if (!caller.Has(Scopes.ReportsRead))
        {
            logger.LogInformation("Refused a dashboard sign-in of {CallerId}: it lacks {Scope}", caller.Id, Scopes.ReportsRead);
            return Failed(DashboardSignInFailure.InsufficientScope);
        }

        var expiresAt = now.AddHours(options.Value.SessionHours);
        if (credentialExpiry is { } end && end < expiresAt)
        {
            expiresAt = end;
        }

        var secret = SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        current.Set(caller);
        await db.DashboardSessions.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        var session = DashboardSession.Create(Guid.CreateVersion7(now), caller, HashOf(secret), apiKeyId, now, expiresAt);
        db.DashboardSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Dashboard session {SessionId} opened for {CallerId} of tenant {TenantId} until {ExpiresAt}", session.Id, caller.Id, caller.TenantId, expiresAt);
        return new DashboardSignIn(secret, expiresAt, caller, null);
    }

    /// <summary>
    /// The caller of the request's session cookie, or null: no cookie, an unknown or expired session, or one whose
    /// API key has been revoked or has expired since (the row is deleted then). Every request asks the database,
    /// so a revocation ends the session at the next request on every replica.
    /// </summary>
    public async Task<Caller?> FindAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var hash = PresentedHash(http.Request);
        if (hash is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var session = await db.DashboardSessions.IgnoreQueryFilters().AsNoTracking().Where(s => s.Hash == hash)
            .Select(s => new { s.Id, s.TenantId, s.CallerKind, s.CallerId, s.CallerName, s.ApiKeyId, s.ExpiresAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (session is null)
        {
            return null;
        }

        var valid = session.ExpiresAt > now;
        if (valid && session.ApiKeyId is { } keyId)
        {
            var key = await db.ApiKeys.IgnoreQueryFilters().AsNoTracking().Where(k => k.Id == keyId && k.TenantId == session.TenantId)
                .Select(k => new { k.RevokedAt, k.ExpiresAt, k.Scopes })
                .SingleOrDefaultAsync(cancellationToken);
            valid = key is not null && key.RevokedAt is null && (key.ExpiresAt is null || key.ExpiresAt > now)
                && key.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(Scopes.ReportsRead, StringComparer.Ordinal);
        }

        if (!valid)
        {
            await db.DashboardSessions.IgnoreQueryFilters().Where(s => s.Id == session.Id).ExecuteDeleteAsync(cancellationToken);
            logger.LogInformation("Dashboard session {SessionId} ended: expired, or its key was revoked or has expired", session.Id);
            return null;
        }

        return new Caller(session.TenantId, session.CallerId, session.CallerName, session.CallerKind, SessionScopes);
    }

    /// <summary>Ends the request's session: the row is deleted, so the cookie opens nothing any more, even replayed.</summary>
    public async Task SignOutAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (PresentedHash(http.Request) is { } hash)
        {
            var deleted = await db.DashboardSessions.IgnoreQueryFilters().Where(s => s.Hash == hash).ExecuteDeleteAsync(cancellationToken);
            if (deleted > 0)
            {
                logger.LogInformation("Dashboard session signed out");
            }
        }

        ForgetCookie(http.Response, http.Request);
    }

    /// <summary>
    /// The session's cookie. Its lifetime is a <c>Max-Age</c> (seconds from now), not an <c>Expires</c> date: the browser
    /// forgets it when the session ends whatever its own clock says. The server checks the end again at every request.
    /// </summary>
    public void WriteCookie(HttpResponse response, HttpRequest request, string secret, DateTimeOffset expiresAt) =>
        response.Cookies.Append(CookieName(request), secret, CookieOptions(request, expiresAt - clock.GetUtcNow()));

    public static void ForgetCookie(HttpResponse response, HttpRequest request)
    {
        if (request.Cookies.ContainsKey(CookieName(request)))
        {
            response.Cookies.Delete(CookieName(request), CookieOptions(request, null));
        }
    }

    private static CookieOptions CookieOptions(HttpRequest request, TimeSpan? maxAge) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = request.IsHttps,
        Path = Path,
        MaxAge = maxAge,
        IsEssential = true,
    };

    private static string? PresentedHash(HttpRequest request)
    {
        var secret = request.Cookies[CookieName(request)];
        return secret is { Length: 47 } && secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? HashOf(secret) : null;
    }

    private static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>The pasted bearer token checked by the service's own JWT handler, exactly as a bearer token sent to the API is.</summary>
    private static async Task<(Caller? Caller, DateTimeOffset? ExpiresAt)> BearerAsync(HttpContext http, string token)
    {
        http.Items[PastedTokenItem] = token;
        try
        {
            var result = await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
            if (!result.Succeeded)
            {
                return (null, null);
            }

            var expiry = result.Properties?.ExpiresUtc;
            if (expiry is null && long.TryParse(result.Principal.FindFirst("exp")?.Value, out var exp))
            {
                expiry = DateTimeOffset.FromUnixTimeSeconds(exp);
            }

            return (HuiFangClaims.ToCaller(result.Principal), expiry);
        }
        finally
        {
            http.Items.Remove(PastedTokenItem);
        }
    }

    private static DashboardSignIn Failed(DashboardSignInFailure failure) => new(null, default, null, failure);
}
