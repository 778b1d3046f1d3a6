using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.SpotChecks;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Services.Audit;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.SpotChecks.GetSpotCheckHistory;

public sealed record GetSpotCheckHistory(Guid Id) : IQuery<Result<SpotCheckHistory>>;

/// <summary>Everything done to a spot-check, oldest first.</summary>
/// <param name="SpotCheckId">The spot-check.</param>
/// <param name="Entries">The changes: opened, pick-judged, pick-rejudged, completed — each with who did it.</param>
public sealed record SpotCheckHistory(Guid SpotCheckId, IReadOnlyList<AuditEntryResponse> Entries);

public sealed class GetSpotCheckHistoryHandler(HuiFangDbContext db) : IQueryHandler<GetSpotCheckHistory, Result<SpotCheckHistory>>
{
    public async ValueTask<Result<SpotCheckHistory>> Handle(GetSpotCheckHistory query, CancellationToken cancellationToken)
    {
        if (!await db.SpotChecks.AnyAsync(s => s.Id == query.Id, cancellationToken))
        {
            return SpotCheckErrors.NotFound(query.Id);
        }

        return new SpotCheckHistory(query.Id, await AuditHistory.LoadAsync(db, SpotCheckRecorder.Subject, query.Id, cancellationToken));
    }
}
