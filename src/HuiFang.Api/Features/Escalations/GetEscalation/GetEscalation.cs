using HuiFang.Api.Domain.Common;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Escalations;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Escalations.GetEscalation;

public sealed record GetEscalation(Guid Id) : IQuery<Result<EscalationResponse>>;

public sealed class GetEscalationHandler(HuiFangDbContext db, TimeProvider clock) : IQueryHandler<GetEscalation, Result<EscalationResponse>>
{
    public async ValueTask<Result<EscalationResponse>> Handle(GetEscalation query, CancellationToken cancellationToken)
    {
        var escalation = await db.Escalations.AsNoTracking().FirstOrDefaultAsync(e => e.Id == query.Id, cancellationToken);
        return escalation is null ? EscalationErrors.NotFound(query.Id) : EscalationResponse.From(escalation, clock.GetUtcNow());
    }
}
