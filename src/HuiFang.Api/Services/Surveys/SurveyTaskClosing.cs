using HuiFang.Api.Domain.Surveys;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Services.Surveys;

/// <summary>
/// A task that closes another way than by its survey (an agent's feedback by phone, cancelled, unreachable, the survey's own
/// Unreachable fallback) revokes its open invitation in the same save (<see cref="SurveyRevocationReason.TaskClosed"/>), so the
/// link stops working at once instead of at the survey monitor's next tick; the customer who opens it sees the expired page.
/// Not when the closing is the survey's own answer: the page records the feedback as the invitation's survey caller
/// (<c>survey:{invitationId}</c>) and then marks that invitation answered in the same transaction.
/// </summary>
public sealed class SurveyTaskClosing(ICurrentCaller caller, TimeProvider clock) : ISaveParticipant
{
    public async ValueTask BeforeSaveAsync(HuiFangDbContext db, CancellationToken cancellationToken)
    {
        List<Guid>? closed = null;
        foreach (var entry in db.ChangeTracker.Entries<VisitTask>())
        {
            if (entry.State == EntityState.Modified || entry.State == EntityState.Unchanged)
            {
                var before = entry.Property(t => t.Status).OriginalValue;
                if (before is VisitTaskStatus.Pending or VisitTaskStatus.Assigned && !entry.Entity.IsOpen)
                {
                    (closed ??= []).Add(entry.Entity.Id);
                }
            }
        }

        if (closed is null)
        {
            return;
        }

        var answering = caller.Value is { Kind: CallerKind.Survey, Id: var id } ? id : null;
        var now = clock.GetUtcNow();
        var open = await db.SurveyInvitations
            .Where(i => closed.Contains(i.TaskId) && i.Status == SurveyInvitationStatus.Open)
            .ToListAsync(cancellationToken);
        foreach (var invitation in open)
        {
            // Tracked invitations come back as they are in memory: one expired or revoked in this change is left alone.
            if (invitation.Status == SurveyInvitationStatus.Open && answering != "survey:" + invitation.Id)
            {
                invitation.Revoke(SurveyRevocationReason.TaskClosed, null, now);
            }
        }
    }
}
