using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.CorrectiveActions;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Services.Changes;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.CorrectiveActions;

/// <summary>A corrective action as a versioned resource: what <see cref="VersionedChange"/> needs to change one.</summary>
public sealed class CorrectiveActionResource : VersionedResource<Guid, CorrectiveAction>
{
    public static readonly CorrectiveActionResource Instance = new();

    private CorrectiveActionResource()
    {
    }

    public override Task<CorrectiveAction?> FindAsync(HuiFangDbContext db, Guid key, CancellationToken cancellationToken) =>
        db.CorrectiveActions.FirstOrDefaultAsync(a => a.Id == key, cancellationToken);

    public override int VersionOf(CorrectiveAction resource) => resource.Version;

    public override Error NotFound(Guid key) => CorrectiveActionErrors.NotFound(key);

    public override Error PreconditionFailed(Guid key, int currentVersion) =>
        ETags.PreconditionFailed("correctiveAction.preconditionFailed", [key, ETags.For(currentVersion)], currentVersion);

    public override Error ConcurrentChange(Guid key) => CorrectiveActionErrors.ConcurrentChange(key);
}
