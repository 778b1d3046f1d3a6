using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Reviews;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Services.Tenants;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Services.Reviews;

/// <summary>
/// Opens a department's weekly review for the caller's tenant — by hand (also for the running week) or by the monitor
/// once the week is over — with the week's unsatisfied items and the deadline of the tenant's quality policy
/// (<see cref="Domain.Quality.QualityPolicy.ReviewDueAt"/>). Adds the review to the context; the caller's save commits it
/// (a second review of the same department and week loses on the unique index).
/// </summary>
public sealed class ReviewOpening(HuiFangDbContext db, TenantSettings tenant, TimeProvider clock)
{
    public async Task<Result<WeeklyReview>> OpenAsync(string? department, ReviewWeek week, string openedBy, bool automatic, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var key = department ?? "";
        var label = week.ToString();
        var calendar = await tenant.GetCalendarAsync(cancellationToken);
        var period = ReviewPeriod.Of(week, calendar);
        if (period.Start > now)
        {
            return ReviewErrors.FutureWeek();
        }

        var existing = await db.WeeklyReviews.AsNoTracking().Where(r => r.Department == key && r.Week == label).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            return ReviewErrors.AlreadyOpened(id, department, label);
        }

        var policy = await tenant.GetQualityPolicyAsync(cancellationToken);
        var items = await ReviewItems.OfAsync(db, key, period, cancellationToken);
        var review = WeeklyReview.Open(
            Guid.CreateVersion7(now), key, week, period.Start, period.End, policy.ReviewDueAt(week.Monday, calendar), items, openedBy, automatic, now);
        db.WeeklyReviews.Add(review);
        return review;
    }
}
