using HuiFang.Api.Domain.Common;
using HuiFang.Api.Common;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.ApiKeys.ListApiKeys;

/// <summary>The caller's tenant's API keys, newest first (revoked and expired ones included).</summary>
public sealed record ListApiKeys : IQuery<Result<IReadOnlyList<ApiKeyResponse>>>;

public sealed class ListApiKeysHandler(HuiFangDbContext db, TimeProvider clock) : IQueryHandler<ListApiKeys, Result<IReadOnlyList<ApiKeyResponse>>>
{
    public async ValueTask<Result<IReadOnlyList<ApiKeyResponse>>> Handle(ListApiKeys query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var keys = await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).Take(1000).ToListAsync(cancellationToken);
        return keys.Select(k => ApiKeyResponse.From(k, now)).ToList();
    }
}
