using HuiFang.Api.Domain.Common;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Infrastructure.Outbox;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Contracts;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.VisitTasks;

/// <summary>
/// The common shape of every command that changes one task: load it (the tenant filter makes another
/// tenant's task as absent as an unknown one), check the caller's If-Match, let the aggregate decide,
/// record the change in the audit trail and its integration events in the outbox, save — all in one
/// transaction. A concurrent change of the same task is caught by its
/// version and answered with 409, so two transitions can never both win.
/// </summary>
public sealed class VisitTaskChange(HuiFangDbContext db, AuditTrail audit, EventOutbox outbox, ICurrentCaller caller, TimeProvider clock)
{
    public DateTimeOffset Now { get; } = clock.GetUtcNow();

    /// <summary>A change whose audit entry and events the task raises itself (see <see cref="VisitTaskRecorder"/>).</summary>
    public ValueTask<Result<VisitTaskResponse>> ApplyAsync(Guid id, IfMatch? ifMatch, Func<VisitTask, Outcome> change, CancellationToken cancellationToken) =>
        ApplyAsync(id, ifMatch, null, change, null, null, null, cancellationToken);

    public async ValueTask<Result<VisitTaskResponse>> ApplyAsync(
        Guid id,
        IfMatch? ifMatch,
        string? action,
        Func<VisitTask, Outcome> change,
        Func<VisitTask, object?>? details,
        string? note,
        Func<VisitTask, VisitTaskStatus, IIntegrationEvent?>? raise,
        CancellationToken cancellationToken)
    {
        var task = await VisitTaskQueries.ForChangeAsync(db, id, cancellationToken);
        if (task is null)
        {
            return VisitTaskErrors.NotFound(id);
        }

        if (ifMatch is not null && !ifMatch.Matches(task.Version))
        {
            return ETags.PreconditionFailed("visitTask.preconditionFailed", [id, ETags.For(task.Version)], task.Version);
        }

        var before = task.Status;
        var outcome = change(task);
        if (!outcome.IsSuccess)
        {
            return outcome.Error!;
        }

        if (action is not null)
        {
            audit.Record(AuditSubjects.VisitTask, task.Id, action, task.Version, details?.Invoke(task), note);
        }

        if (raise?.Invoke(task, before) is { } integrationEvent)
        {
            outbox.Add(integrationEvent, EventStreams.VisitTask(task.Id));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return VisitTaskErrors.ConcurrentChange(id);
        }

        return VisitTaskResponse.From(task, Now, caller.Has(Scopes.PiiRead));
    }
}
