using HuiFang.Api.Infrastructure.Idempotency;
using HuiFang.Api.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace HuiFang.Api.Infrastructure.OpenApi;

/// <summary>
/// Security in the document: the API-key and bearer schemes (and the OAuth2 client-credentials flow when
/// a token URL is configured), the scope each operation needs, the Idempotency-Key header of POST
/// operations, and the 401/403/414/429/431/503 answers every protected operation can give (408/413/415 with a body).
/// </summary>
internal static class SecurityDocs
{
    public const string ApiKeyScheme = "ApiKey";
    public const string BearerScheme = "Bearer";
    public const string OAuth2Scheme = "OAuth2";

    public static void AddSchemes(OpenApiDocument document, IServiceProvider services)
    {
        var jwt = services.GetRequiredService<IOptions<AuthOptions>>().Value.Jwt;
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticationHandler.HeaderName,
            Description = "An API key (hfk_…) bound to one tenant and a set of scopes. Create one with POST /api/v1/admin/api-keys or the service's `api-keys create` command.",
        };
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An access token from the organisation's identity provider (OAuth2 client credentials), accepted when HuiFang:Auth:Jwt:Enabled is true. Tenant and scopes come from the claims named by HuiFang:Auth:Jwt:TenantClaim and ScopeClaim.",
        };
        if (jwt.Enabled && jwt.TokenUrl is not null)
        {
            document.Components.SecuritySchemes[OAuth2Scheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = "Client credentials at the organisation's identity provider.",
                Flows = new OpenApiOAuthFlows
                {
                    ClientCredentials = new OpenApiOAuthFlow
                    {
                        TokenUrl = new Uri(jwt.TokenUrl),
                        Scopes = Scopes.Descriptions.ToDictionary(s => s.Key, s => s.Value),
                    },
                },
            };
        }
    }

    public static void Apply(OpenApiOperation operation, IList<object> metadata, OpenApiDocument document, IServiceProvider services)
    {
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return;
        }

        var scope = metadata.OfType<RequiredScopeMetadata>().LastOrDefault()?.Scope;
        List<string> scopes = scope is null ? [] : [scope];
        var requirements = new List<OpenApiSecurityRequirement>
        {
            new() { [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = scopes },
            new() { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = scopes },
        };
        if (document.Components?.SecuritySchemes?.ContainsKey(OAuth2Scheme) == true)
        {
            requirements.Add(new() { [new OpenApiSecuritySchemeReference(OAuth2Scheme, document)] = scopes });
        }

        operation.Security = requirements;
        if (scope is not null)
        {
            operation.Description = $"{operation.Description?.TrimEnd()}\n\nScope: `{scope}`.".TrimStart();
        }

        operation.Responses ??= new OpenApiResponses();
        AddProblem(operation, "401", "No credentials, or an unknown, revoked or expired key or token.");
        AddProblem(operation, "403", scope is null ? "The caller lacks the scope this operation needs." : $"The caller lacks scope `{scope}`.");
        AddProblem(operation, "429", "The caller's rate limit is exhausted; retry after Retry-After seconds.");
        AddProblem(operation, "503", "The service has more requests waiting than it queues (HuiFang:Limits:RequestQueueLimit); retry after Retry-After seconds.");
        AddProblem(operation, "414", "The path and query exceed HuiFang:Limits:MaxUrlBytes (8 KiB).");
        AddProblem(operation, "431", "The request headers exceed HuiFang:Limits:MaxHeaderBytes (32 KiB).");
        if (operation.RequestBody is not null)
        {
            AddProblem(operation, "413", "The body exceeds HuiFang:Limits:MaxRequestBodyBytes (4 MiB), also when it is sent chunked.");
            AddProblem(operation, "408", "The body did not arrive in full within HuiFang:Limits:RequestBodyTimeout (60 s).");
            AddProblem(operation, "415", "The body is not sent as application/json.");
        }

        if (metadata.OfType<IdempotentMetadata>().Any())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyFilter.HeaderName,
                In = ParameterLocation.Header,
                Required = false,
                Description = """
                    A unique key (e.g. a UUID) that makes a retry of this request safe: the same key with the same
                    request replays the first response (header Idempotent-Replayed: true) without a second change;
                    the same key with a different request is 422; a retry while the first is still running is 409.
                    Keys belong to the caller and are kept 24 h (HuiFang:Idempotency:KeyLifetime).
                    """,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 255 },
            });
            AddProblem(operation, "409", "Conflict (see the problem's code), or a request with this Idempotency-Key is still in flight.");
            AddProblem(operation, "422", "The Idempotency-Key was already used for a different request.");
        }
    }

    private static void AddProblem(OpenApiOperation operation, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status))
        {
            return;
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object } },
            },
        };
    }
}
