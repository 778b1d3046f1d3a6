using HuiFang.Api.Common;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.VisitTasks;

/// <summary>
/// The common shape of every command that changes one task: load it, let the aggregate decide, save.
/// A concurrent change of the same task is caught by its version and answered with 409.
/// </summary>
public static class VisitTaskChange
{
    public static async ValueTask<Result<VisitTaskResponse>> ApplyAsync(
        HuiFangDbContext db,
        Guid id,
        DateTimeOffset now,
        Func<VisitTask, Outcome> change,
        CancellationToken cancellationToken)
    {
        var task = await db.VisitTasks.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task is null)
        {
            return VisitTaskErrors.NotFound(id);
        }

        var outcome = change(task);
        if (!outcome.IsSuccess)
        {
            return outcome.Error!;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return VisitTaskErrors.ConcurrentChange(id);
        }

        return VisitTaskResponse.From(task, now);
    }
}
