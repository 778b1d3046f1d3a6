using HuiFang.Api.Domain.Common;
using HuiFang.Api.Common;
using HuiFang.Api.Infrastructure.Security;
using Mediator;

namespace HuiFang.Api.Features.ApiKeys.RevokeApiKey;

/// <summary>Revoke an API key of the caller's tenant, for good. Revoking a revoked key changes nothing.</summary>
public sealed record RevokeApiKey(Guid Id) : ICommand<Result<ApiKeyResponse>>, ITransactional;

public sealed class RevokeApiKeyHandler(ApiKeyService keys, TimeProvider clock) : ICommandHandler<RevokeApiKey, Result<ApiKeyResponse>>
{
    public async ValueTask<Result<ApiKeyResponse>> Handle(RevokeApiKey command, CancellationToken cancellationToken)
    {
        var key = await keys.RevokeAsync(command.Id, cancellationToken);
        return key is null
            ? new Error(ErrorKind.NotFound, "api-key-not-found", "apiKey.notFound", [command.Id])
            : ApiKeyResponse.From(key, clock.GetUtcNow());
    }
}
