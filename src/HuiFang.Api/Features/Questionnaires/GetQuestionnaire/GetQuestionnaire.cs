using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Questionnaires;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Questionnaires.GetQuestionnaire;

public sealed record GetQuestionnaire(Guid Id) : IQuery<Result<QuestionnaireResponse>>;

public sealed class GetQuestionnaireHandler(HuiFangDbContext db) : IQueryHandler<GetQuestionnaire, Result<QuestionnaireResponse>>
{
    public async ValueTask<Result<QuestionnaireResponse>> Handle(GetQuestionnaire query, CancellationToken cancellationToken)
    {
        var q = await db.Questionnaires.AsNoTracking().FirstOrDefaultAsync(x => x.Id == query.Id, cancellationToken);
        return q is null
            ? QuestionnaireErrors.NotFound(query.Id)
            : QuestionnaireResponse.From(q, await QuestionnaireQueries.ContentAsync(db, q.Id, q.CurrentVersion, cancellationToken));
    }
}
