using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Surveys;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Services.Changes;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Surveys;

/// <summary>A survey invitation as a versioned resource: what <see cref="VersionedChange"/> needs to change one.</summary>
public sealed class SurveyInvitationResource : VersionedResource<Guid, SurveyInvitation>
{
    public static readonly SurveyInvitationResource Instance = new();

    private SurveyInvitationResource()
    {
    }

    public override Task<SurveyInvitation?> FindAsync(HuiFangDbContext db, Guid key, CancellationToken cancellationToken) =>
        db.SurveyInvitations.FirstOrDefaultAsync(i => i.Id == key, cancellationToken);

    public override int VersionOf(SurveyInvitation resource) => resource.Version;

    public override Error NotFound(Guid key) => SurveyInvitationErrors.NotFound(key);

    public override Error PreconditionFailed(Guid key, int currentVersion) =>
        ETags.PreconditionFailed("surveyInvitation.preconditionFailed", [key, ETags.For(currentVersion)], currentVersion);

    public override Error ConcurrentChange(Guid key) => SurveyInvitationErrors.ConcurrentChange(key);
}
