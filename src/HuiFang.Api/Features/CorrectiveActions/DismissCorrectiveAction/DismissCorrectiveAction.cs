using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Api.Services.Changes;
using HuiFang.Api.Services.CorrectiveActions;
using Mediator;

namespace HuiFang.Api.Features.CorrectiveActions.DismissCorrectiveAction;

/// <summary>Dismiss a proposal that is not taken.</summary>
/// <param name="Reason">Why, kept on the action and in its history.</param>
public sealed record DismissCorrectiveActionRequest(string? Reason = null);

public sealed record DismissCorrectiveAction(Guid Id, string? Reason, IfMatch? IfMatch = null) : ICommand<Result<CorrectiveActionResponse>>, ITransactional;

public sealed class DismissCorrectiveActionValidator : AbstractValidator<DismissCorrectiveAction>
{
    public DismissCorrectiveActionValidator() => RuleFor(x => x.Reason).MaximumLength(FieldLimits.Reason);
}

public sealed class DismissCorrectiveActionHandler(VersionedChange change, ICurrentCaller caller, TimeProvider clock)
    : ICommandHandler<DismissCorrectiveAction, Result<CorrectiveActionResponse>>
{
    public async ValueTask<Result<CorrectiveActionResponse>> Handle(DismissCorrectiveAction command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var changed = await change.ApplyAsync(
            CorrectiveActionResource.Instance, command.Id, command.IfMatch, a => a.Dismiss(CorrectiveActionRules.Who(caller), command.Reason, now), cancellationToken);
        return changed.Map(a => CorrectiveActionResponse.From(a, now));
    }
}
