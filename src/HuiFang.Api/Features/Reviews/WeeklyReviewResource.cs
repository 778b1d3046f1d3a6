using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Reviews;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Services.Changes;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Reviews;

/// <summary>A weekly review as a versioned resource: what <see cref="VersionedChange"/> needs to change one.</summary>
public sealed class WeeklyReviewResource : VersionedResource<Guid, WeeklyReview>
{
    public static readonly WeeklyReviewResource Instance = new();

    private WeeklyReviewResource()
    {
    }

    public override Task<WeeklyReview?> FindAsync(HuiFangDbContext db, Guid key, CancellationToken cancellationToken) =>
        db.WeeklyReviews.FirstOrDefaultAsync(r => r.Id == key, cancellationToken);

    public override int VersionOf(WeeklyReview resource) => resource.Version;

    public override Error NotFound(Guid key) => ReviewErrors.NotFound(key);

    public override Error PreconditionFailed(Guid key, int currentVersion) =>
        ETags.PreconditionFailed("review.preconditionFailed", [key, ETags.For(currentVersion)], currentVersion);

    public override Error ConcurrentChange(Guid key) => ReviewErrors.ConcurrentChange(key);
}
