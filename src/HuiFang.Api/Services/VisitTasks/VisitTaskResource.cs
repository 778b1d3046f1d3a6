using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Services.Changes;

namespace HuiFang.Api.Services.VisitTasks;

/// <summary>A visit task as a versioned resource: what <see cref="VersionedChange"/> needs to change one.</summary>
public sealed class VisitTaskResource : VersionedResource<Guid, VisitTask>
{
    public static readonly VisitTaskResource Instance = new();

    private VisitTaskResource()
    {
    }

    public override Task<VisitTask?> FindAsync(HuiFangDbContext db, Guid key, CancellationToken cancellationToken) =>
        VisitTaskQueries.ForChangeAsync(db, key, cancellationToken);

    public override int VersionOf(VisitTask resource) => resource.Version;

    public override Error NotFound(Guid key) => VisitTaskErrors.NotFound(key);

    public override Error PreconditionFailed(Guid key, int currentVersion) =>
        ETags.PreconditionFailed("visitTask.preconditionFailed", [key, ETags.For(currentVersion)], currentVersion);

    public override Error ConcurrentChange(Guid key) => VisitTaskErrors.ConcurrentChange(key);
}
