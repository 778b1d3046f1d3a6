using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Surveys.ListSurveyInvitations;

public sealed record ListSurveyInvitations(Guid TaskId) : IQuery<Result<SurveyInvitationList>>;

public sealed class ListSurveyInvitationsHandler(HuiFangDbContext db, TimeProvider clock) : IQueryHandler<ListSurveyInvitations, Result<SurveyInvitationList>>
{
    /// <summary>A task gets a new invitation only when it asks again; this many is far more than any task has.</summary>
    public const int MaxItems = 100;

    public async ValueTask<Result<SurveyInvitationList>> Handle(ListSurveyInvitations query, CancellationToken cancellationToken)
    {
        if (!await db.VisitTasks.AnyAsync(t => t.Id == query.TaskId, cancellationToken))
        {
            return VisitTaskErrors.NotFound(query.TaskId);
        }

        var now = clock.GetUtcNow();
        var items = await db.SurveyInvitations.AsNoTracking()
            .Where(i => i.TaskId == query.TaskId)
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Take(MaxItems)
            .ToListAsync(cancellationToken);
        return new SurveyInvitationList(query.TaskId, [.. items.Select(i => SurveyInvitationResponse.From(i, now))]);
    }
}
