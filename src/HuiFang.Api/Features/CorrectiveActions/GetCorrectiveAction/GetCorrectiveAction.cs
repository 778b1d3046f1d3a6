using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.CorrectiveActions;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.CorrectiveActions.GetCorrectiveAction;

public sealed record GetCorrectiveAction(Guid Id) : IQuery<Result<CorrectiveActionResponse>>;

public sealed class GetCorrectiveActionHandler(HuiFangDbContext db, TimeProvider clock) : IQueryHandler<GetCorrectiveAction, Result<CorrectiveActionResponse>>
{
    public async ValueTask<Result<CorrectiveActionResponse>> Handle(GetCorrectiveAction query, CancellationToken cancellationToken)
    {
        var action = await db.CorrectiveActions.AsNoTracking().FirstOrDefaultAsync(a => a.Id == query.Id, cancellationToken);
        return action is null ? CorrectiveActionErrors.NotFound(query.Id) : CorrectiveActionResponse.From(action, clock.GetUtcNow());
    }
}
