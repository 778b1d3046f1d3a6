using HuiFang.Api.Domain.Common;
using HuiFang.Api.Common;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Feedback.GetFeedback;

public sealed record GetFeedback(Guid Id) : IQuery<Result<FeedbackResponse>>;

public sealed class GetFeedbackHandler(HuiFangDbContext db, TimeProvider clock) : IQueryHandler<GetFeedback, Result<FeedbackResponse>>
{
    public async ValueTask<Result<FeedbackResponse>> Handle(GetFeedback query, CancellationToken cancellationToken)
    {
        var feedback = await db.FeedbackRecords.AsNoTracking().FirstOrDefaultAsync(f => f.Id == query.Id, cancellationToken);
        return feedback is null ? FeedbackErrors.NotFound(query.Id) : FeedbackResponse.From(feedback, clock.GetUtcNow());
    }
}
