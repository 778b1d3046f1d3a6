using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Reviews;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Services.Audit;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Reviews.GetWeeklyReviewHistory;

public sealed record GetWeeklyReviewHistory(Guid Id) : IQuery<Result<WeeklyReviewHistory>>;

/// <summary>Everything done to a weekly review, oldest first: opened, items added, items decided, completed, overdue.</summary>
/// <param name="ReviewId">The review.</param>
/// <param name="Entries">The changes, oldest first.</param>
public sealed record WeeklyReviewHistory(Guid ReviewId, IReadOnlyList<AuditEntryResponse> Entries);

public sealed class GetWeeklyReviewHistoryHandler(HuiFangDbContext db) : IQueryHandler<GetWeeklyReviewHistory, Result<WeeklyReviewHistory>>
{
    public async ValueTask<Result<WeeklyReviewHistory>> Handle(GetWeeklyReviewHistory query, CancellationToken cancellationToken)
    {
        if (!await db.WeeklyReviews.AnyAsync(r => r.Id == query.Id, cancellationToken))
        {
            return ReviewErrors.NotFound(query.Id);
        }

        return new WeeklyReviewHistory(query.Id, await AuditHistory.LoadAsync(db, ReviewRecorder.Subject, query.Id, cancellationToken));
    }
}
