using FluentValidation;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Questionnaires;
using HuiFang.Api.Services.Questionnaires;
using Mediator;

namespace HuiFang.Api.Features.Questionnaires.GetQuestionnaireVersion;

/// <summary>One version of a questionnaire (as tasks pin it).</summary>
public sealed record GetQuestionnaireVersion(Guid Id, int Version) : IQuery<Result<QuestionnaireVersionResponse>>;

/// <summary>The shipped default questionnaire, which tasks of a tenant without a matching questionnaire of its own ask with.</summary>
public sealed record GetShippedQuestionnaire : IQuery<Result<QuestionnaireVersionResponse>>;

public sealed class GetQuestionnaireVersionValidator : AbstractValidator<GetQuestionnaireVersion>
{
    public GetQuestionnaireVersionValidator() => RuleFor(x => x.Version).GreaterThanOrEqualTo(1);
}

public sealed class GetQuestionnaireVersionHandler(QuestionnaireCatalog catalog) :
    IQueryHandler<GetQuestionnaireVersion, Result<QuestionnaireVersionResponse>>,
    IQueryHandler<GetShippedQuestionnaire, Result<QuestionnaireVersionResponse>>
{
    public async ValueTask<Result<QuestionnaireVersionResponse>> Handle(GetQuestionnaireVersion query, CancellationToken cancellationToken)
    {
        var found = await catalog.VersionAsync(query.Id, query.Version, cancellationToken);
        return found is null
            ? QuestionnaireErrors.VersionNotFound(query.Id, query.Version)
            : new QuestionnaireVersionResponse(found.Id, found.Version, found.Name, QuestionnaireContentResponse.From(found.Content), found.CreatedAt);
    }

    public ValueTask<Result<QuestionnaireVersionResponse>> Handle(GetShippedQuestionnaire query, CancellationToken cancellationToken)
    {
        var shipped = QuestionnaireCatalog.Shipped;
        return ValueTask.FromResult<Result<QuestionnaireVersionResponse>>(
            new QuestionnaireVersionResponse(null, shipped.Version, shipped.Name, QuestionnaireContentResponse.From(shipped.Content), null));
    }
}
