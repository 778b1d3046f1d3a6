using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Domain.Reviews;
using HuiFang.Api.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Services.Reviews;

/// <summary>
/// Which feedback becomes a review item: the latest correction (not superseded) with verdict Unsatisfied — first visits
/// and revisits alike, the same records as the unsatisfied list — recorded inside the week (tenant time zone), of the
/// department (<c>""</c>: feedback without a department).
/// </summary>
public static class ReviewItems
{
    /// <summary>The caller's tenant's items of <paramref name="department"/>'s <paramref name="period"/>.</summary>
    public static Task<List<ReviewItemSource>> OfAsync(HuiFangDbContext db, string department, ReviewPeriod period, CancellationToken cancellationToken) =>
        OfAsync(db, department, period.Start, period.End, cancellationToken);

    /// <summary>The caller's tenant's items of <paramref name="department"/> recorded in [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public static Task<List<ReviewItemSource>> OfAsync(HuiFangDbContext db, string department, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
        Project(db.FeedbackRecords.AsNoTracking()
                .Where(f => f.RecordedAt >= start && f.RecordedAt < end && f.SupersededBy == null && f.Verdict == Verdict.Unsatisfied)
                .Where(f => (f.Department ?? "") == department))
            .ToListAsync(cancellationToken);

    public static IQueryable<ReviewItemSource> Project(IQueryable<FeedbackRecord> feedback) =>
        feedback.Select(f => new ReviewItemSource(f.Id, f.TaskId, f.EscalationId, f.IsRevisit, f.Score, f.CategoryMask, f.WorkOrderNo, f.ServiceType, f.Assignee, f.RecordedAt));
}
