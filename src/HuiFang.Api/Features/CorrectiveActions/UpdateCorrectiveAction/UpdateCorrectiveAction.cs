using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.CorrectiveActions;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Api.Services.Changes;
using HuiFang.Api.Services.CorrectiveActions;
using Mediator;

namespace HuiFang.Api.Features.CorrectiveActions.UpdateCorrectiveAction;

/// <summary>Change a corrective action's fields; a field left out (or null) stays as it is.</summary>
/// <param name="NonConformity">What went wrong.</param>
/// <param name="RootCause">Why it happened.</param>
/// <param name="CorrectiveAction">What is done about it (纠正措施).</param>
/// <param name="PreventiveAction">What keeps it from happening again (预防措施).</param>
/// <param name="Owner">Who carries it out.</param>
/// <param name="DueDate">A new due date (yyyy-MM-dd, today or later; not once implemented).</param>
public sealed record UpdateCorrectiveActionRequest(
    string? NonConformity = null,
    string? RootCause = null,
    string? CorrectiveAction = null,
    string? PreventiveAction = null,
    string? Owner = null,
    DateOnly? DueDate = null);

public sealed record UpdateCorrectiveAction(Guid Id, UpdateCorrectiveActionRequest Fields, IfMatch? IfMatch = null) : ICommand<Result<CorrectiveActionResponse>>, ITransactional;

public sealed class UpdateCorrectiveActionValidator : AbstractValidator<UpdateCorrectiveAction>
{
    public UpdateCorrectiveActionValidator()
    {
        RuleFor(x => x.Fields.NonConformity).NotEmpty().MaximumLength(FieldLimits.LongText).When(x => x.Fields.NonConformity is not null).OverridePropertyName("nonConformity");
        RuleFor(x => x.Fields.RootCause).MaximumLength(FieldLimits.LongText).OverridePropertyName("rootCause");
        RuleFor(x => x.Fields.CorrectiveAction).MaximumLength(FieldLimits.LongText).OverridePropertyName("correctiveAction");
        RuleFor(x => x.Fields.PreventiveAction).MaximumLength(FieldLimits.LongText).OverridePropertyName("preventiveAction");
        RuleFor(x => x.Fields.Owner).MaximumLength(FieldLimits.Name).OverridePropertyName("owner");
    }
}

public sealed class UpdateCorrectiveActionHandler(VersionedChange change, CorrectiveActionRules rules, ICurrentCaller caller, TimeProvider clock)
    : ICommandHandler<UpdateCorrectiveAction, Result<CorrectiveActionResponse>>
{
    public async ValueTask<Result<CorrectiveActionResponse>> Handle(UpdateCorrectiveAction command, CancellationToken cancellationToken)
    {
        var f = command.Fields;
        CorrectiveActionDue? due = null;
        if (f.DueDate is { } date)
        {
            if (!await CorrectiveActionDueDates.IsAllowedAsync(rules, date, cancellationToken))
            {
                return Error.InvalidField("dueDate", "correctiveAction.dueDate");
            }

            due = await rules.DueAsync(date, cancellationToken);
        }

        var now = clock.GetUtcNow();
        var fields = new CorrectiveActionFields(f.NonConformity, f.RootCause, f.CorrectiveAction, f.PreventiveAction, f.Owner, due);
        var updated = await change.ApplyAsync(CorrectiveActionResource.Instance, command.Id, command.IfMatch, a => a.Update(fields, CorrectiveActionRules.Who(caller), now), cancellationToken);
        return updated.Map(a => CorrectiveActionResponse.From(a, now));
    }
}
