using System.Security.Claims;

namespace HuiFang.Api.Infrastructure.Security;

/// <summary>How a caller proved who it is.</summary>
public enum CallerKind
{
    /// <summary>An <c>X-Api-Key</c> issued by HuiFang.</summary>
    ApiKey,

    /// <summary>A bearer token from the organisation's identity provider.</summary>
    Jwt,

    /// <summary>The service itself or its command line (start-up, maintenance).</summary>
    System,

    /// <summary>A customer answering a survey link: the link's token is the credential, the invitation names the tenant.</summary>
    Survey,
}

/// <summary>
/// Who is calling: the tenant every read and write is scoped to, a stable id (the API key's id or the
/// token's subject) that idempotency keys and the audit trail are recorded against, and the scopes held.
/// </summary>
public sealed record Caller(string TenantId, string Id, string Name, CallerKind Kind, IReadOnlySet<string> Scopes)
{
    public bool Has(string scope) => Scopes.Contains(scope);

    /// <summary>How records name the caller: "CRM production (019ab79f-…)".</summary>
    public string Display => $"{Name} ({Id})";

    public static Caller System(string tenantId, string name = "system") =>
        new(tenantId, "system", name, CallerKind.System, new HashSet<string>(Security.Scopes.All, StringComparer.Ordinal));
}

/// <summary>The claims HuiFang's authentication handlers put on a principal, whatever the credential.</summary>
public static class HuiFangClaims
{
    public const string Tenant = "huifang:tenant";
    public const string Scope = "huifang:scope";
    public const string CallerId = "huifang:caller";
    public const string CallerName = "huifang:caller-name";
    public const string CallerKind = "huifang:caller-kind";

    public static ClaimsIdentity CreateIdentity(Caller caller, string authenticationType)
    {
        var identity = new ClaimsIdentity(authenticationType, CallerName, null);
        identity.AddClaim(new Claim(Tenant, caller.TenantId));
        identity.AddClaim(new Claim(CallerId, caller.Id));
        identity.AddClaim(new Claim(CallerName, caller.Name));
        identity.AddClaim(new Claim(CallerKind, caller.Kind.ToString()));
        foreach (var scope in caller.Scopes)
        {
            identity.AddClaim(new Claim(Scope, scope));
        }

        return identity;
    }

    public static Caller? ToCaller(ClaimsPrincipal? principal)
    {
        var identity = principal?.Identities.FirstOrDefault(i => i.IsAuthenticated && i.HasClaim(c => c.Type == Tenant));
        if (identity is null)
        {
            return null;
        }

        return new Caller(
            identity.FindFirst(Tenant)!.Value,
            identity.FindFirst(CallerId)?.Value ?? "",
            identity.FindFirst(CallerName)?.Value ?? "",
            Enum.TryParse<CallerKind>(identity.FindFirst(CallerKind)?.Value, out var kind) ? kind : Security.CallerKind.ApiKey,
            identity.FindAll(Scope).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
    }
}

/// <summary>
/// The caller of the current unit of work: the authenticated principal of an HTTP request, or a caller
/// set explicitly by the command line and start-up code. Without one, tenant-owned data is invisible
/// (the query filter compares with no tenant at all) and cannot be written.
/// </summary>
public interface ICurrentCaller
{
    Caller? Value { get; }

    string? TenantId => Value?.TenantId;

    bool Has(string scope) => Value?.Has(scope) == true;
}

public sealed class CurrentCaller(IHttpContextAccessor? accessor = null) : ICurrentCaller
{
    private Caller? _explicit;
    private Caller? _fromPrincipal;

    public Caller? Value
    {
        get
        {
            if (_explicit is not null)
            {
                return _explicit;
            }

            // Cached once the request is authenticated; before that (e.g. inside the authentication
            // handler itself) there is no caller yet.
            return _fromPrincipal ??= HuiFangClaims.ToCaller(accessor?.HttpContext?.User);
        }
    }

    /// <summary>Acts as <paramref name="caller"/> for the rest of this scope (command line, start-up, tests).</summary>
    public void Set(Caller caller) => _explicit = caller;
}
