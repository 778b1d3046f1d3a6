using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Api.Services.Changes;
using Mediator;

namespace HuiFang.Api.Features.SpotChecks.CompleteSpotCheck;

/// <summary>Complete a spot-check once every pick is judged.</summary>
/// <param name="Note">A closing remark, kept in the history.</param>
public sealed record CompleteSpotCheckRequest(string? Note = null);

public sealed record CompleteSpotCheck(Guid Id, string? Note, IfMatch? IfMatch = null) : ICommand<Result<SpotCheckResponse>>, ITransactional;

public sealed class CompleteSpotCheckValidator : AbstractValidator<CompleteSpotCheck>
{
    public CompleteSpotCheckValidator() => RuleFor(x => x.Note).MaximumLength(FieldLimits.Reason);
}

public sealed class CompleteSpotCheckHandler(VersionedChange change, ICurrentCaller caller, TimeProvider clock)
    : ICommandHandler<CompleteSpotCheck, Result<SpotCheckResponse>>
{
    public async ValueTask<Result<SpotCheckResponse>> Handle(CompleteSpotCheck command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var completed = await change.ApplyAsync(
            SpotCheckResource.Instance, command.Id, command.IfMatch, s => s.Complete(caller.Value!.Display, command.Note, now), cancellationToken);
        return completed.Map(SpotCheckResponse.From);
    }
}
