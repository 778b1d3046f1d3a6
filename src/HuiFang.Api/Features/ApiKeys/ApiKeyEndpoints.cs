using HuiFang.Api.Domain.Common;
using HuiFang.Api.Common;
using HuiFang.Api.Infrastructure.Idempotency;
using HuiFang.Api.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Create = HuiFang.Api.Features.ApiKeys.CreateApiKey.CreateApiKey;
using CreatedKey = HuiFang.Api.Features.ApiKeys.CreateApiKey.CreatedApiKeyResponse;
using List = HuiFang.Api.Features.ApiKeys.ListApiKeys.ListApiKeys;
using Revoke = HuiFang.Api.Features.ApiKeys.RevokeApiKey.RevokeApiKey;

namespace HuiFang.Api.Features.ApiKeys;

public static class ApiKeyEndpoints
{
    public const string Route = "/api/v1/admin/api-keys";

    public static IEndpointRouteBuilder MapApiKeys(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Route).WithTags("Administration");

        group.MapPost("/", CreateAsync)
            .WithName("CreateApiKey")
            .WithSummary("Create an API key")
            .WithDescription("""
                Issues a key for the caller's tenant with the scopes given; only scopes the caller holds can
                be granted (403 `scope-not-held`). The response is the only time the key is shown: HuiFang
                keeps a hash of it. Send it as the `X-Api-Key` header.
                """)
            .Produces<CreatedKey>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireScope(Scopes.Admin)
            .WithIdempotency();

        group.MapGet("/", ListAsync)
            .WithName("ListApiKeys")
            .WithSummary("List API keys")
            .WithDescription("The tenant's keys, newest first, with their scopes, last use and revocation. Secrets are never shown again.")
            .Produces<IReadOnlyList<ApiKeyResponse>>()
            .RequireScope(Scopes.Admin);

        group.MapDelete("/{id:guid}", RevokeAsync)
            .WithName("RevokeApiKey")
            .WithSummary("Revoke an API key")
            .WithDescription("The key stops working at once on this replica and within HuiFang:Auth:ApiKeyCacheDuration (30 s) on others. The record stays, for the audit trail.")
            .Produces<ApiKeyResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(Scopes.Admin);

        return app;
    }

    private static async Task<Results<Created<CreatedKey>, ProblemHttpResult>> CreateAsync(Create body, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(body, ct)).ToCreated(v => $"{Route}/{v.ApiKey.Id}");

    private static async Task<Results<Ok<IReadOnlyList<ApiKeyResponse>>, ProblemHttpResult>> ListAsync(IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(new List(), ct)).ToOk();

    private static async Task<Results<Ok<ApiKeyResponse>, ProblemHttpResult>> RevokeAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(new Revoke(id), ct)).ToOk();
}
