using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.SpotChecks;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Services.Changes;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.SpotChecks;

/// <summary>A spot-check as a versioned resource: what <see cref="VersionedChange"/> needs to change one.</summary>
public sealed class SpotCheckResource : VersionedResource<Guid, SpotCheck>
{
    public static readonly SpotCheckResource Instance = new();

    private SpotCheckResource()
    {
    }

    public override Task<SpotCheck?> FindAsync(HuiFangDbContext db, Guid key, CancellationToken cancellationToken) =>
        db.SpotChecks.FirstOrDefaultAsync(s => s.Id == key, cancellationToken);

    public override int VersionOf(SpotCheck resource) => resource.Version;

    public override Error NotFound(Guid key) => SpotCheckErrors.NotFound(key);

    public override Error PreconditionFailed(Guid key, int currentVersion) =>
        ETags.PreconditionFailed("spotCheck.preconditionFailed", [key, ETags.For(currentVersion)], currentVersion);

    public override Error ConcurrentChange(Guid key) => SpotCheckErrors.ConcurrentChange(key);
}
