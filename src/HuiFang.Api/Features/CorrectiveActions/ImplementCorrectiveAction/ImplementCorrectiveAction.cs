using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Api.Services.Changes;
using HuiFang.Api.Services.CorrectiveActions;
using Mediator;

namespace HuiFang.Api.Features.CorrectiveActions.ImplementCorrectiveAction;

/// <summary>Report the measures carried out: the action waits for its verification.</summary>
/// <param name="Note">What was done, kept in the history.</param>
public sealed record ImplementCorrectiveActionRequest(string? Note = null);

public sealed record ImplementCorrectiveAction(Guid Id, string? Note, IfMatch? IfMatch = null) : ICommand<Result<CorrectiveActionResponse>>, ITransactional;

public sealed class ImplementCorrectiveActionValidator : AbstractValidator<ImplementCorrectiveAction>
{
    public ImplementCorrectiveActionValidator() => RuleFor(x => x.Note).MaximumLength(FieldLimits.LongText);
}

public sealed class ImplementCorrectiveActionHandler(VersionedChange change, ICurrentCaller caller, TimeProvider clock)
    : ICommandHandler<ImplementCorrectiveAction, Result<CorrectiveActionResponse>>
{
    public async ValueTask<Result<CorrectiveActionResponse>> Handle(ImplementCorrectiveAction command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var changed = await change.ApplyAsync(
            CorrectiveActionResource.Instance, command.Id, command.IfMatch, a => a.Implement(CorrectiveActionRules.Who(caller), command.Note, now), cancellationToken);
        return changed.Map(a => CorrectiveActionResponse.From(a, now));
    }
}
