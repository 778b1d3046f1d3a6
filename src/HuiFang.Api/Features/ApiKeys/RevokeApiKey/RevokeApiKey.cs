using HuiFang.Api.Common;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using Mediator;

namespace HuiFang.Api.Features.ApiKeys.RevokeApiKey;

/// <summary>Revoke an API key of the caller's tenant, for good. Revoking a revoked key changes nothing.</summary>
public sealed record RevokeApiKey(Guid Id) : ICommand<Result<ApiKeyResponse>>, ITransactional;

public sealed class RevokeApiKeyHandler(ApiKeyService keys, ICurrentCaller current, AuditTrail audit, HuiFangDbContext db, TimeProvider clock)
    : ICommandHandler<RevokeApiKey, Result<ApiKeyResponse>>
{
    public async ValueTask<Result<ApiKeyResponse>> Handle(RevokeApiKey command, CancellationToken cancellationToken)
    {
        var caller = current.Value!;
        var key = await keys.RevokeAsync(command.Id, $"{caller.Name} ({caller.Id})", cancellationToken);
        if (key is null)
        {
            return new Error(ErrorKind.NotFound, "api-key-not-found", "apiKey.notFound", [command.Id]);
        }

        audit.Record(AuditSubjects.ApiKey, key.Id, "revoked", null);
        await db.SaveChangesAsync(cancellationToken);
        return ApiKeyResponse.From(key, clock.GetUtcNow());
    }
}
