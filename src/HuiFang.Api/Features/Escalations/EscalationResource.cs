using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Escalations;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Services.Changes;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Escalations;

/// <summary>An escalation as a versioned resource: what <see cref="VersionedChange"/> needs to change one.</summary>
public sealed class EscalationResource : VersionedResource<Guid, Escalation>
{
    public static readonly EscalationResource Instance = new();

    private EscalationResource()
    {
    }

    public override Task<Escalation?> FindAsync(HuiFangDbContext db, Guid key, CancellationToken cancellationToken) =>
        db.Escalations.FirstOrDefaultAsync(e => e.Id == key, cancellationToken);

    public override int VersionOf(Escalation resource) => resource.Version;

    public override Error NotFound(Guid key) => EscalationErrors.NotFound(key);

    public override Error PreconditionFailed(Guid key, int currentVersion) =>
        ETags.PreconditionFailed("escalation.preconditionFailed", [key, ETags.For(currentVersion)], currentVersion);

    public override Error ConcurrentChange(Guid key) => EscalationErrors.ConcurrentChange(key);
}
