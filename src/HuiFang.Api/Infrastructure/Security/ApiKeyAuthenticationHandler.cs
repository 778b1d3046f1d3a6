using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace HuiFang.Api.Infrastructure.Security;

/// <summary>Authenticates <c>X-Api-Key</c>. No header: no result (another scheme or a 401 follows).</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyService keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (values.Count > 1)
        {
            return AuthenticateResult.Fail(AuthFailures.SeveralKeys);
        }

        var caller = await keys.VerifyAsync(values.ToString().Trim(), Context.RequestAborted);
        if (caller is null)
        {
            // Never log the presented value: it may be a real key sent to the wrong place.
            Logger.LogInformation("Rejected an unknown, revoked or expired API key");
            return AuthenticateResult.Fail(AuthFailures.UnknownKey);
        }

        var principal = new ClaimsPrincipal(HuiFangClaims.CreateIdentity(caller, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}

/// <summary>Failure messages an authentication handler reports; turned into the 401 problem's detail.</summary>
public static class AuthFailures
{
    public const string UnknownKey = "auth.unknownKey";
    public const string SeveralKeys = "auth.severalKeys";
    public const string InvalidToken = "auth.invalidToken";
    public const string NoTenantClaim = "auth.noTenantClaim";
}
