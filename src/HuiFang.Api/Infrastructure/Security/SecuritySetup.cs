using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using HuiFang.Api.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Options;

namespace HuiFang.Api.Infrastructure.Security;

/// <summary>Marks an endpoint with the scope it needs (for the 403 message and the OpenAPI document).</summary>
public sealed record RequiredScopeMetadata(string Scope);

public static class SecuritySetup
{
    /// <summary>Picks the credential's scheme: a bearer token when one is sent (and JWT is on), else the API key.</summary>
    public const string DefaultScheme = "HuiFang";

    public static IServiceCollection AddHuiFangSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section)).ValidateOnStart();
        services.AddOptions<LimitsOptions>().Bind(configuration.GetSection(LimitsOptions.Section)).ValidateOnStart();
        services.AddOptions<IdempotencyOptions>().Bind(configuration.GetSection(IdempotencyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSingleton<IValidateOptions<LimitsOptions>, LimitsOptionsValidator>();
        services.AddSingleton<IValidateOptions<IdempotencyOptions>, IdempotencyOptionsValidator>();

        services.AddHttpContextAccessor();
        services.AddMemoryCache();
        services.AddScoped<CurrentCaller>();
        services.AddScoped<ICurrentCaller>(sp => sp.GetRequiredService<CurrentCaller>());
        services.AddScoped<ApiKeyService>();
        services.AddScoped<DashboardSessions>();
        services.AddOptions<DashboardOptions>().Bind(configuration.GetSection(DashboardOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        var jwt = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>()?.Jwt ?? new JwtOptions();
        var authentication = services.AddAuthentication(DefaultScheme)
            .AddPolicyScheme(DefaultScheme, "API key or bearer token", o => o.ForwardDefaultSelector = context =>
                jwt.Enabled && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        if (jwt.Enabled)
        {
            authentication.AddJwtBearer(o => ConfigureJwt(o, jwt));
        }

        services.AddHuiFangDataProtection();
        DoNotStartDataProtection(services);

        services.AddAuthorizationBuilder()
            // Secure by default: an endpoint that forgets to name a scope still needs a caller.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.Configure<AuthorizationOptions>(o =>
        {
            foreach (var scope in Scopes.All)
            {
                o.AddPolicy(Scopes.Policy(scope), p => p.RequireAuthenticatedUser().RequireClaim(HuiFangClaims.Scope, scope));
            }
        });
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();

        services.AddHuiFangLimits();
        return services;
    }

    /// <summary>
    /// Data Protection (<see cref="DataProtectionSetup"/>) has a hosted service that loads the key ring at every
    /// start. Only the survey page's antiforgery tokens use it, so nothing starts it: the key ring is read from
    /// the database on the first page view (and a key created there on the very first), not at every start of a
    /// replica that may never serve the page, and never before the migrations have created its table.
    /// </summary>
    private static void DoNotStartDataProtection(IServiceCollection services)
    {
        var dataProtection = typeof(Microsoft.AspNetCore.DataProtection.DataProtectionOptions).Assembly;
        foreach (var hosted in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Assembly == dataProtection).ToList())
        {
            services.Remove(hosted);
        }
    }

    /// <summary>Requires <paramref name="scope"/> (and therefore a caller) for the endpoint or group.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Scopes.Policy(scope)).WithMetadata(new RequiredScopeMetadata(scope));

    private static void ConfigureJwt(JwtBearerOptions o, JwtOptions jwt)
    {
        o.Authority = jwt.Authority;
        o.Audience = jwt.Audience;
        o.RequireHttpsMetadata = jwt.RequireHttpsMetadata;
        o.MapInboundClaims = false; // keep "sub", "scope", "tenant" as the identity provider wrote them
        o.TokenValidationParameters.ValidateIssuer = true;
        o.TokenValidationParameters.ValidateAudience = true;
        o.TokenValidationParameters.ValidateLifetime = true;
        o.TokenValidationParameters.ClockSkew = TimeSpan.FromMinutes(1);
        o.Events = new JwtBearerEvents
        {
            // A bearer token pasted into the dashboard's sign-in form is checked here too, never read from a form otherwise.
            OnMessageReceived = context =>
            {
                if (context.HttpContext.Items.TryGetValue(DashboardSessions.PastedTokenItem, out var pasted) && pasted is string token)
                {
                    context.Token = token;
                }

                return Task.CompletedTask;
            },
            OnTokenValidated = context =>
            {
                var caller = ToCaller(context.Principal!, jwt);
                if (caller is null)
                {
                    context.Fail(AuthFailures.NoTenantClaim);
                    return Task.CompletedTask;
                }

                context.Principal!.AddIdentity(HuiFangClaims.CreateIdentity(caller, JwtBearerDefaults.AuthenticationScheme));
                return Task.CompletedTask;
            },
            // The 401 is written once, as a problem, by ProblemAuthorizationResultHandler.
            OnChallenge = context =>
            {
                context.HandleResponse();
                return Task.CompletedTask;
            },
        };
    }

    /// <summary>Reads tenant, subject and scopes from the claims the settings name.</summary>
    internal static Caller? ToCaller(ClaimsPrincipal principal, JwtOptions jwt)
    {
        var tenant = principal.FindFirst(jwt.TenantClaim)?.Value;
        if (string.IsNullOrWhiteSpace(tenant) || !ValidationRules.IsCode(tenant))
        {
            return null;
        }

        var subject = jwt.SubjectClaims.Select(c => principal.FindFirst(c)?.Value).FirstOrDefault(v => !string.IsNullOrEmpty(v)) ?? "unknown";
        var scopes = principal.FindAll(jwt.ScopeClaim)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(Scopes.IsKnown)
            .ToHashSet(StringComparer.Ordinal);
        var name = principal.FindFirst("name")?.Value ?? principal.FindFirst(JwtRegisteredClaimNames.Azp)?.Value ?? subject;
        return new Caller(tenant, "jwt:" + subject, name, CallerKind.Jwt, scopes);
    }
}

/// <summary>
/// Answers 401 and 403 as problem responses that say what is missing: no credentials, an unknown key,
/// an invalid token, or the scope this endpoint needs.
/// </summary>
public sealed class ProblemAuthorizationResultHandler(IOptions<AuthOptions> options) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            // Handlers cache their result per request, so asking again costs nothing and yields why it failed.
            var failure = (await context.AuthenticateAsync(SecuritySetup.DefaultScheme)).Failure?.Message;
            var detail = failure switch
            {
                AuthFailures.UnknownKey or AuthFailures.SeveralKeys or AuthFailures.NoTenantClaim => Messages.Get(failure, options.Value.Jwt.TenantClaim),
                not null => Messages.Get(AuthFailures.InvalidToken),
                null => Messages.Get("auth.missing"),
            };
            context.Response.Headers.WWWAuthenticate = options.Value.Jwt.Enabled
                ? new Microsoft.Extensions.Primitives.StringValues([$"{ApiKeyAuthenticationHandler.SchemeName} header=\"{ApiKeyAuthenticationHandler.HeaderName}\"", "Bearer"])
                : $"{ApiKeyAuthenticationHandler.SchemeName} header=\"{ApiKeyAuthenticationHandler.HeaderName}\"";
            await Problems.WriteAsync(context, StatusCodes.Status401Unauthorized, "unauthenticated", "auth.unauthenticated.title", detail);
            return;
        }

        if (authorizeResult.Forbidden)
        {
            var needed = context.GetEndpoint()?.Metadata.GetMetadata<RequiredScopeMetadata>()?.Scope;
            var held = context.RequestServices.GetRequiredService<ICurrentCaller>().Value?.Scopes.Order(StringComparer.Ordinal).ToArray() ?? [];
            await Problems.WriteAsync(
                context,
                StatusCodes.Status403Forbidden,
                "insufficient-scope",
                "auth.forbidden.title",
                Messages.Get("auth.forbidden.detail", needed ?? "?", held.Length == 0 ? "-" : string.Join(' ', held)),
                needed is null ? null : new Dictionary<string, object?> { ["requiredScope"] = needed });
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
