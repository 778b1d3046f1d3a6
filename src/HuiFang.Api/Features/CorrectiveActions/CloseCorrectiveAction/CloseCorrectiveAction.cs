using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Api.Services.Changes;
using HuiFang.Api.Services.CorrectiveActions;
using Mediator;

namespace HuiFang.Api.Features.CorrectiveActions.CloseCorrectiveAction;

/// <summary>Close a verified action, as effective or not as the verification found.</summary>
/// <param name="Note">Kept in the history.</param>
public sealed record CloseCorrectiveActionRequest(string? Note = null);

public sealed record CloseCorrectiveAction(Guid Id, string? Note, IfMatch? IfMatch = null) : ICommand<Result<CorrectiveActionResponse>>, ITransactional;

public sealed class CloseCorrectiveActionValidator : AbstractValidator<CloseCorrectiveAction>
{
    public CloseCorrectiveActionValidator() => RuleFor(x => x.Note).MaximumLength(FieldLimits.LongText);
}

public sealed class CloseCorrectiveActionHandler(VersionedChange change, ICurrentCaller caller, TimeProvider clock)
    : ICommandHandler<CloseCorrectiveAction, Result<CorrectiveActionResponse>>
{
    public async ValueTask<Result<CorrectiveActionResponse>> Handle(CloseCorrectiveAction command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var changed = await change.ApplyAsync(
            CorrectiveActionResource.Instance, command.Id, command.IfMatch, a => a.Close(CorrectiveActionRules.Who(caller), command.Note, now), cancellationToken);
        return changed.Map(a => CorrectiveActionResponse.From(a, now));
    }
}
