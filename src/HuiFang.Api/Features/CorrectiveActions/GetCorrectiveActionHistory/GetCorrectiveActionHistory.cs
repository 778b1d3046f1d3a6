using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.CorrectiveActions;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Services.Audit;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.CorrectiveActions.GetCorrectiveActionHistory;

public sealed record GetCorrectiveActionHistory(Guid Id) : IQuery<Result<CorrectiveActionHistory>>;

/// <summary>Everything done to a corrective action, by people and by the overdue monitor, oldest first.</summary>
/// <param name="CorrectiveActionId">The corrective action.</param>
/// <param name="Entries">The changes: opened, updated, accepted, linked, implemented, verified, reopened, closed, dismissed, overdue. Free text (the non-conformity, notes, reasons) is in each entry's note.</param>
public sealed record CorrectiveActionHistory(Guid CorrectiveActionId, IReadOnlyList<AuditEntryResponse> Entries);

public sealed class GetCorrectiveActionHistoryHandler(HuiFangDbContext db) : IQueryHandler<GetCorrectiveActionHistory, Result<CorrectiveActionHistory>>
{
    public async ValueTask<Result<CorrectiveActionHistory>> Handle(GetCorrectiveActionHistory query, CancellationToken cancellationToken)
    {
        if (!await db.CorrectiveActions.AnyAsync(a => a.Id == query.Id, cancellationToken))
        {
            return CorrectiveActionErrors.NotFound(query.Id);
        }

        return new CorrectiveActionHistory(query.Id, await AuditHistory.LoadAsync(db, CorrectiveActionRecorder.Subject, query.Id, cancellationToken));
    }
}
