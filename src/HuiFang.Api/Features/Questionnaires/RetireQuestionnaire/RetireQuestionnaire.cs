using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Services.Changes;
using Mediator;

namespace HuiFang.Api.Features.Questionnaires.RetireQuestionnaire;

/// <param name="Reason">Why it is retired; kept in its history.</param>
public sealed record RetireQuestionnaire(Guid Id, string? Reason, IfMatch? IfMatch) : ICommand<Result<QuestionnaireResponse>>, ITransactional;

public sealed class RetireQuestionnaireValidator : AbstractValidator<RetireQuestionnaire>
{
    public RetireQuestionnaireValidator() => RuleFor(x => x.Reason).MaximumLength(FieldLimits.Reason);
}

/// <summary>
/// Retires a questionnaire: new tasks no longer get it (the next most specific match, or the shipped default,
/// takes its place), tasks that pinned one of its versions keep it. Retiring a retired one changes nothing.
/// Versions are never deleted: a pinned version must stay readable.
/// </summary>
public sealed class RetireQuestionnaireHandler(HuiFangDbContext db, VersionedChange versioned, TimeProvider clock) : ICommandHandler<RetireQuestionnaire, Result<QuestionnaireResponse>>
{
    public async ValueTask<Result<QuestionnaireResponse>> Handle(RetireQuestionnaire command, CancellationToken cancellationToken)
    {
        var changed = await versioned.ApplyAsync(QuestionnaireResource.Instance, command.Id, command.IfMatch, q => q.Retire(string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim(), clock.GetUtcNow()), cancellationToken);
        if (!changed.IsSuccess)
        {
            return changed.Error!;
        }

        var q = changed.Value;
        return QuestionnaireResponse.From(q, await QuestionnaireQueries.ContentAsync(db, q.Id, q.CurrentVersion, cancellationToken));
    }
}
