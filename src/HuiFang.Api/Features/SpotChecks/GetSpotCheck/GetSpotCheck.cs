using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.SpotChecks;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.SpotChecks.GetSpotCheck;

public sealed record GetSpotCheck(Guid Id) : IQuery<Result<SpotCheckResponse>>;

public sealed class GetSpotCheckHandler(HuiFangDbContext db) : IQueryHandler<GetSpotCheck, Result<SpotCheckResponse>>
{
    public async ValueTask<Result<SpotCheckResponse>> Handle(GetSpotCheck query, CancellationToken cancellationToken)
    {
        var check = await db.SpotChecks.AsNoTracking().FirstOrDefaultAsync(s => s.Id == query.Id, cancellationToken);
        return check is null ? SpotCheckErrors.NotFound(query.Id) : SpotCheckResponse.From(check);
    }
}
