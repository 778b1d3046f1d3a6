using HuiFang.Api.Domain.Common;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Api.Services.VisitTasks;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.VisitTasks.GetVisitTask;

public sealed record GetVisitTask(Guid Id) : IQuery<Result<VisitTaskResponse>>;

public sealed class GetVisitTaskHandler(HuiFangDbContext db, TimeProvider clock, ICurrentCaller caller) : IQueryHandler<GetVisitTask, Result<VisitTaskResponse>>
{
    public async ValueTask<Result<VisitTaskResponse>> Handle(GetVisitTask query, CancellationToken cancellationToken)
    {
        var task = await VisitTaskQueries.ReadOnlyAsync(db, query.Id, cancellationToken);
        return task is null ? VisitTaskErrors.NotFound(query.Id) : VisitTaskResponse.From(task, clock.GetUtcNow(), caller.Has(Scopes.PiiRead));
    }
}
