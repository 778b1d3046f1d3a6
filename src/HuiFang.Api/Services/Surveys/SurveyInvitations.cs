using HuiFang.Api.Domain.Surveys;
using HuiFang.Api.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Services.Surveys;

/// <summary>The look-ups of survey invitations that more than one slice needs (the API's survey endpoints, the customer's page).</summary>
public sealed class SurveyInvitations(HuiFangDbContext db)
{
    /// <summary>
    /// The invitation whose link carries <paramref name="token"/>, whatever its status and tenant (the page has no
    /// caller: the token is the credential), tracked so that the page can record the answer on it. A malformed or
    /// unknown token finds nothing; only the token's hash is compared, so the raw token never reaches the database.
    /// </summary>
    public async Task<SurveyInvitation?> FindOpenOrAnyByTokenAsync(string token, CancellationToken cancellationToken)
    {
        if (!SurveyToken.IsWellFormed(token))
        {
            return null;
        }

        var hash = SurveyToken.Hash(token);
        return await db.SurveyInvitations.IgnoreQueryFilters().FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
    }

    /// <summary>The caller's tenant's open invitation of a task, tracked; null when none is open.</summary>
    public Task<SurveyInvitation?> OpenOfTaskAsync(Guid taskId, CancellationToken cancellationToken) =>
        db.SurveyInvitations.FirstOrDefaultAsync(i => i.TaskId == taskId && i.Status == SurveyInvitationStatus.Open, cancellationToken);

    /// <summary>The caller's tenant's invitations of these tasks (any status), tracked.</summary>
    public Task<List<SurveyInvitation>> OfTasksAsync(IReadOnlyCollection<Guid> taskIds, CancellationToken cancellationToken) =>
        db.SurveyInvitations.Where(i => taskIds.Contains(i.TaskId)).ToListAsync(cancellationToken);
}
