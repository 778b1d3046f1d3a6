using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Reviews;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Reviews.GetWeeklyReview;

public sealed record GetWeeklyReview(Guid Id) : IQuery<Result<WeeklyReviewResponse>>;

public sealed class GetWeeklyReviewHandler(HuiFangDbContext db, TimeProvider clock) : IQueryHandler<GetWeeklyReview, Result<WeeklyReviewResponse>>
{
    public async ValueTask<Result<WeeklyReviewResponse>> Handle(GetWeeklyReview query, CancellationToken cancellationToken)
    {
        var review = await db.WeeklyReviews.AsNoTracking().FirstOrDefaultAsync(r => r.Id == query.Id, cancellationToken);
        return review is null ? ReviewErrors.NotFound(query.Id) : WeeklyReviewResponse.From(review, clock.GetUtcNow());
    }
}
