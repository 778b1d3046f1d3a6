using FluentValidation;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Questionnaires;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Questionnaires.ListQuestionnaires;

/// <summary>Filters of the list.</summary>
/// <param name="Status">Active (default), Retired, or leave out with <c>all=true</c> for both.</param>
/// <param name="Purpose">Only questionnaires for this purpose.</param>
/// <param name="All">Both active and retired ones.</param>
public sealed record ListQuestionnaires(QuestionnaireStatus? Status = null, VisitPurpose? Purpose = null, bool? All = null) : IQuery<Result<QuestionnaireList>>;

/// <summary>The tenant's questionnaires, oldest first.</summary>
/// <param name="Items">The questionnaires, without content (GET one for it).</param>
public sealed record QuestionnaireList(IReadOnlyList<QuestionnaireSummary> Items);

public sealed class ListQuestionnairesValidator : AbstractValidator<ListQuestionnaires>
{
    public ListQuestionnairesValidator()
    {
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.Purpose).IsInEnum();
        RuleFor(x => x.Status).Null().When(x => x.All == true);
    }
}

public sealed class ListQuestionnairesHandler(HuiFangDbContext db) : IQueryHandler<ListQuestionnaires, Result<QuestionnaireList>>
{
    public async ValueTask<Result<QuestionnaireList>> Handle(ListQuestionnaires query, CancellationToken cancellationToken)
    {
        var items = db.Questionnaires.AsNoTracking();
        if (query.All != true)
        {
            var status = query.Status ?? QuestionnaireStatus.Active;
            items = items.Where(q => q.Status == status);
        }

        if (query.Purpose is { } purpose)
        {
            items = items.Where(q => q.Purpose == purpose);
        }

        var list = await items
            .OrderBy(q => q.CreatedAt).ThenBy(q => q.Id)
            .Select(q => new QuestionnaireSummary(q.Id, q.Name, q.Purpose, q.ServiceType, q.Channel, q.Status, q.CurrentVersion, q.UpdatedAt, q.Version))
            .ToListAsync(cancellationToken);
        return new QuestionnaireList(list);
    }
}
