using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Surveys;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Surveys.GetSurveyInvitation;

public sealed record GetSurveyInvitation(Guid Id) : IQuery<Result<SurveyInvitationResponse>>;

public sealed class GetSurveyInvitationHandler(HuiFangDbContext db, TimeProvider clock) : IQueryHandler<GetSurveyInvitation, Result<SurveyInvitationResponse>>
{
    public async ValueTask<Result<SurveyInvitationResponse>> Handle(GetSurveyInvitation query, CancellationToken cancellationToken)
    {
        var invitation = await db.SurveyInvitations.AsNoTracking().FirstOrDefaultAsync(i => i.Id == query.Id, cancellationToken);
        return invitation is null ? SurveyInvitationErrors.NotFound(query.Id) : SurveyInvitationResponse.From(invitation, clock.GetUtcNow());
    }
}
