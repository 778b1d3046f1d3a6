using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Questionnaires;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Services.Changes;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Questionnaires.ReplaceQuestionnaire;

public sealed record ReplaceQuestionnaire(Guid Id, QuestionnaireInput? Questionnaire, IfMatch? IfMatch) : ICommand<Result<QuestionnaireResponse>>, ITransactional;

public sealed class ReplaceQuestionnaireValidator : AbstractValidator<ReplaceQuestionnaire>
{
    public ReplaceQuestionnaireValidator() => RuleFor(x => x.Questionnaire).ValidateWith(new QuestionnaireInputValidator());
}

/// <summary>
/// Replaces name, selector and content: the content becomes a new version, the versions before it stay as they
/// were (tasks that pinned them keep them). If-Match (412), 409 when retired, when the selector is another active
/// questionnaire's, or when another change was saved first.
/// </summary>
public sealed class ReplaceQuestionnaireHandler(HuiFangDbContext db, VersionedChange versioned, TimeProvider clock) : ICommandHandler<ReplaceQuestionnaire, Result<QuestionnaireResponse>>
{
    public async ValueTask<Result<QuestionnaireResponse>> Handle(ReplaceQuestionnaire command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var input = command.Questionnaire!;
        var selector = input.ToSelector();
        QuestionnaireVersion? added = null;
        Result<Questionnaire> changed;
        try
        {
            changed = await versioned.ApplyAsync(QuestionnaireResource.Instance, command.Id, command.IfMatch, async (questionnaire, ct) =>
            {
                if (await QuestionnaireQueries.ActiveWithSelectorAsync(db, selector.Key, questionnaire.Id, ct) is { } other)
                {
                    return QuestionnaireErrors.SelectorTaken(other, selector);
                }

                var replaced = questionnaire.Replace(input.Name!.Trim(), selector, input.ToContent(), now);
                if (!replaced.IsSuccess)
                {
                    return replaced.Error!;
                }

                added = replaced.Value;
                db.QuestionnaireVersions.Add(added);
                return Outcome.Ok;
            }, cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another request took the selector, or wrote the same next version, between our read and our save.
            db.ChangeTracker.Clear();
            return await QuestionnaireQueries.ActiveWithSelectorAsync(db, selector.Key, command.Id, cancellationToken) is { } winner
                ? QuestionnaireErrors.SelectorTaken(winner, selector)
                : QuestionnaireErrors.ConcurrentChange(command.Id);
        }

        return changed.IsSuccess ? QuestionnaireResponse.From(changed.Value, added!.Content) : changed.Error!;
    }
}
