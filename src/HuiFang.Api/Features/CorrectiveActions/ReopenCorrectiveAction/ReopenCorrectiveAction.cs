using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.CorrectiveActions;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Api.Services.Changes;
using HuiFang.Api.Services.CorrectiveActions;
using Mediator;

namespace HuiFang.Api.Features.CorrectiveActions.ReopenCorrectiveAction;

/// <summary>Open again an action whose verification found it not effective.</summary>
/// <param name="Reason">Why it did not work, kept in the history.</param>
/// <param name="DueDate">A new due date (yyyy-MM-dd, today or later); by default the old one stays.</param>
public sealed record ReopenCorrectiveActionRequest(string? Reason = null, DateOnly? DueDate = null);

public sealed record ReopenCorrectiveAction(Guid Id, string? Reason, DateOnly? DueDate, IfMatch? IfMatch = null) : ICommand<Result<CorrectiveActionResponse>>, ITransactional;

public sealed class ReopenCorrectiveActionValidator : AbstractValidator<ReopenCorrectiveAction>
{
    public ReopenCorrectiveActionValidator() => RuleFor(x => x.Reason).MaximumLength(FieldLimits.LongText);
}

public sealed class ReopenCorrectiveActionHandler(VersionedChange change, CorrectiveActionRules rules, ICurrentCaller caller, TimeProvider clock)
    : ICommandHandler<ReopenCorrectiveAction, Result<CorrectiveActionResponse>>
{
    public async ValueTask<Result<CorrectiveActionResponse>> Handle(ReopenCorrectiveAction command, CancellationToken cancellationToken)
    {
        CorrectiveActionDue? due = null;
        if (command.DueDate is { } date)
        {
            if (!await CorrectiveActionDueDates.IsAllowedAsync(rules, date, cancellationToken))
            {
                return Error.InvalidField("dueDate", "correctiveAction.dueDate");
            }

            due = await rules.DueAsync(date, cancellationToken);
        }

        var now = clock.GetUtcNow();
        var reopened = await change.ApplyAsync(
            CorrectiveActionResource.Instance, command.Id, command.IfMatch, a => a.Reopen(due, CorrectiveActionRules.Who(caller), command.Reason, now), cancellationToken);
        return reopened.Map(a => CorrectiveActionResponse.From(a, now));
    }
}
