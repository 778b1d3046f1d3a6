using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Customers;
using HuiFang.Api.Domain.Surveys;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Services.Customers;
using HuiFang.Api.Services.Policies;
using HuiFang.Api.Services.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HuiFang.Api.Services.Surveys;

/// <summary>A new invitation with the raw token of its link: shown once (the create answer, the event), never kept.</summary>
public sealed record NewInvitation(SurveyInvitation Invitation, string Token, string Link);

/// <summary>
/// Creates survey invitations under the tenant's survey policy: for a caller (POST …/survey-invitations) and, when the
/// policy turns it on, for a task being planned with a survey channel (the planner, in the same save). One open
/// invitation per task: a new one revokes the open one first. Only open tasks are invited, and never a customer who
/// asked not to be contacted (a caller gets 409 <c>do-not-contact</c>; the automatic invitation is skipped).
/// </summary>
public sealed class SurveyInviting(
    HuiFangDbContext db,
    SurveyInvitations invitations,
    ContactPreferences contact,
    TenantSettings tenant,
    TimeProvider clock,
    IOptions<SurveyOptions> options)
{
    /// <summary>Invites the customer of <paramref name="task"/> (tracked); the caller saves. The old open invitation is revoked and saved first.</summary>
    public async Task<Result<NewInvitation>> InviteAsync(VisitTask task, string? language, CancellationToken cancellationToken)
    {
        if (!task.IsOpen)
        {
            return SurveyInvitationErrors.TaskNotOpen(task);
        }

        if (await contact.IsDoNotContactAsync(task.CustomerExternalId, cancellationToken))
        {
            return SurveyInvitationErrors.DoNotContact(task.Id);
        }

        var now = clock.GetUtcNow();
        var policy = await tenant.GetSurveyPolicyAsync(cancellationToken);
        Guid? replaced = null;
        if (await invitations.OpenOfTaskAsync(task.Id, cancellationToken) is { } open)
        {
            open.Revoke(SurveyRevocationReason.Replaced, null, now);
            replaced = open.Id;

            // Saved before the new one is added: one open invitation per task is a unique index.
            await db.SaveChangesAsync(cancellationToken);
        }

        return await CreateAsync(task, SurveyLanguages.Normalize(language) ?? policy.DefaultLanguage, policy, replaced, automatic: false, now, cancellationToken);
    }

    /// <summary>
    /// The customer asked, on the survey page, not to be contacted again without answering: the invitation is revoked
    /// (<see cref="SurveyRevocationReason.DoNotContact"/>) and its open task cancelled with the reason
    /// <see cref="SurveyInvitation.DoNotContactReason"/>, so neither a reminder nor the expiry's phone visit reaches them —
    /// except a complaint follow-up, which the customer asked for (<see cref="DoNotContactRule"/>): that task stays.
    /// Tracked; the caller saves, in the same save as the flag.
    /// </summary>
    public async Task WithdrawForOptOutAsync(SurveyInvitation invitation, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        invitation.Revoke(SurveyRevocationReason.DoNotContact, null, now);
        var task = await db.VisitTasks.FirstOrDefaultAsync(t => t.Id == invitation.TaskId, cancellationToken);
        if (task is { IsOpen: true } && DoNotContactRule.Applies(task.Purpose))
        {
            task.Cancel(SurveyInvitation.DoNotContactReason, now);
        }
    }

    /// <summary>
    /// For a task just planned (added, not saved): when the tenant's policy invites its channel, adds the invitation to the
    /// same save. Returns whether it did.
    /// </summary>
    public async Task<bool> AutoInviteAsync(VisitTask task, CancellationToken cancellationToken)
    {
        var policy = await tenant.GetSurveyPolicyAsync(cancellationToken);
        if (!policy.InvitesAutomatically(task.Channel) || !task.IsOpen || await contact.IsDoNotContactAsync(task.CustomerExternalId, cancellationToken))
        {
            return false;
        }

        await CreateAsync(task, policy.DefaultLanguage, policy, null, automatic: true, clock.GetUtcNow(), cancellationToken);
        return true;
    }

    private async Task<NewInvitation> CreateAsync(VisitTask task, string language, SurveyPolicy policy, Guid? replaced, bool automatic, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var calendar = await tenant.GetCalendarAsync(cancellationToken);
        var (token, _) = SurveyToken.New();
        var invitation = SurveyInvitation.Create(
            Guid.CreateVersion7(now), task, token, language, policy.ExpiresAt(now), policy.RemindAt(now, calendar), replaced, now, automatic);
        db.SurveyInvitations.Add(invitation);
        return new NewInvitation(invitation, token, SurveyToken.Link(options.Value.PublicBaseUrl, token));
    }
}
