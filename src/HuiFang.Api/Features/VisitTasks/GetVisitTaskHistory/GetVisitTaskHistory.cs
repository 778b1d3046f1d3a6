using HuiFang.Api.Domain.Common;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Services.Audit;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.VisitTasks.GetVisitTaskHistory;

public sealed record GetVisitTaskHistory(Guid Id) : IQuery<Result<VisitTaskHistory>>;

/// <summary>Everything done to a task, oldest first.</summary>
/// <param name="TaskId">The task.</param>
/// <param name="Entries">The changes, oldest first.</param>
public sealed record VisitTaskHistory(Guid TaskId, IReadOnlyList<AuditEntryResponse> Entries);

public sealed class GetVisitTaskHistoryHandler(HuiFangDbContext db) : IQueryHandler<GetVisitTaskHistory, Result<VisitTaskHistory>>
{
    public async ValueTask<Result<VisitTaskHistory>> Handle(GetVisitTaskHistory query, CancellationToken cancellationToken)
    {
        if (!await db.VisitTasks.AnyAsync(t => t.Id == query.Id, cancellationToken))
        {
            return VisitTaskErrors.NotFound(query.Id);
        }

        return new VisitTaskHistory(query.Id, await AuditHistory.LoadAsync(db, AuditSubjects.VisitTask, query.Id, cancellationToken));
    }
}
