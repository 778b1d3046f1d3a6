using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Questionnaires;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Questionnaires.CreateQuestionnaire;

public sealed record CreateQuestionnaire(QuestionnaireInput? Questionnaire) : ICommand<Result<QuestionnaireResponse>>, ITransactional;

public sealed class CreateQuestionnaireValidator : AbstractValidator<CreateQuestionnaire>
{
    public CreateQuestionnaireValidator() => RuleFor(x => x.Questionnaire).ValidateWith(new QuestionnaireInputValidator());
}

/// <summary>
/// Stores a new questionnaire as version 1. Another active questionnaire of the tenant with the same purpose,
/// service type and channel makes the choice ambiguous: 409, nothing written.
/// </summary>
public sealed class CreateQuestionnaireHandler(HuiFangDbContext db, TimeProvider clock) : ICommandHandler<CreateQuestionnaire, Result<QuestionnaireResponse>>
{
    public async ValueTask<Result<QuestionnaireResponse>> Handle(CreateQuestionnaire command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var input = command.Questionnaire!;
        var selector = input.ToSelector();
        if (await QuestionnaireQueries.ActiveWithSelectorAsync(db, selector.Key, null, cancellationToken) is { } other)
        {
            return QuestionnaireErrors.SelectorTaken(other, selector);
        }

        var (questionnaire, first) = Questionnaire.Create(Guid.CreateVersion7(now), input.Name!.Trim(), selector, input.ToContent(), now);
        db.Questionnaires.Add(questionnaire);
        db.QuestionnaireVersions.Add(first);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another request took the same selector between our check and our insert.
            db.ChangeTracker.Clear();
            var winner = await QuestionnaireQueries.ActiveWithSelectorAsync(db, selector.Key, null, cancellationToken);
            return QuestionnaireErrors.SelectorTaken(winner ?? Guid.Empty, selector);
        }

        return QuestionnaireResponse.From(questionnaire, first.Content);
    }
}
