using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Api.Services.Changes;
using Mediator;

namespace HuiFang.Api.Features.Reviews.CompleteWeeklyReview;

public sealed record CompleteWeeklyReview(Guid Id, IfMatch? IfMatch = null) : ICommand<Result<WeeklyReviewResponse>>, ITransactional;

public sealed class CompleteWeeklyReviewValidator : AbstractValidator<CompleteWeeklyReview>
{
    public CompleteWeeklyReviewValidator() => RuleFor(x => x.Id).NotEmpty();
}

public sealed class CompleteWeeklyReviewHandler(VersionedChange change, ICurrentCaller caller, TimeProvider clock) : ICommandHandler<CompleteWeeklyReview, Result<WeeklyReviewResponse>>
{
    public async ValueTask<Result<WeeklyReviewResponse>> Handle(CompleteWeeklyReview command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var completed = await change.ApplyAsync(WeeklyReviewResource.Instance, command.Id, command.IfMatch, r => r.Complete(caller.Value!.Display, now), cancellationToken);
        return completed.Map(r => WeeklyReviewResponse.From(r, now));
    }
}
