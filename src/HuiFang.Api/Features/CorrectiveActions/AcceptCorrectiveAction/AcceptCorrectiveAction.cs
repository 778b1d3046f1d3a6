using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Api.Services.Changes;
using HuiFang.Api.Services.CorrectiveActions;
using Mediator;

namespace HuiFang.Api.Features.CorrectiveActions.AcceptCorrectiveAction;

/// <summary>Take a proposal: it becomes an open action.</summary>
/// <param name="Note">What the taker wrote, kept in the history.</param>
public sealed record AcceptCorrectiveActionRequest(string? Note = null);

public sealed record AcceptCorrectiveAction(Guid Id, string? Note, IfMatch? IfMatch = null) : ICommand<Result<CorrectiveActionResponse>>, ITransactional;

public sealed class AcceptCorrectiveActionValidator : AbstractValidator<AcceptCorrectiveAction>
{
    public AcceptCorrectiveActionValidator() => RuleFor(x => x.Note).MaximumLength(FieldLimits.LongText);
}

public sealed class AcceptCorrectiveActionHandler(VersionedChange change, ICurrentCaller caller, TimeProvider clock)
    : ICommandHandler<AcceptCorrectiveAction, Result<CorrectiveActionResponse>>
{
    public async ValueTask<Result<CorrectiveActionResponse>> Handle(AcceptCorrectiveAction command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var changed = await change.ApplyAsync(
            CorrectiveActionResource.Instance, command.Id, command.IfMatch, a => a.Accept(CorrectiveActionRules.Who(caller), command.Note, now), cancellationToken);
        return changed.Map(a => CorrectiveActionResponse.From(a, now));
    }
}
