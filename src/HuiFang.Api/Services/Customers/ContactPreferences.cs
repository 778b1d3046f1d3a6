using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Customers;
using HuiFang.Api.Domain.Surveys;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Services.Customers;

/// <summary>
/// The customers of the caller's tenant who are not to be contacted (不再打扰). Read by intake decisions, task
/// creation, planning and survey invitations; changed through the API and from the survey page. A customer is
/// found by their id or, once erased, by the pseudonym that id turns into, so an erasure does not make an
/// opted-out customer contactable again.
/// </summary>
public sealed class ContactPreferences(HuiFangDbContext db, DatabaseDialect dialect, TimeProvider clock)
{
    /// <summary>Whether the customer asked not to be contacted (false for a customer nothing was said about).</summary>
    public async Task<bool> IsDoNotContactAsync(string customerExternalId, CancellationToken cancellationToken) =>
        await DoNotContactSinceAsync(customerExternalId, cancellationToken) is not null;

    /// <summary>Since when the customer is not to be contacted; null when they may be.</summary>
    public async Task<DateTimeOffset?> DoNotContactSinceAsync(string customerExternalId, CancellationToken cancellationToken)
    {
        var pseudonym = PseudonymOf(customerExternalId);
        return await db.CustomerContactPreferences.AsNoTracking()
            .Where(p => (p.CustomerExternalId == customerExternalId || p.CustomerExternalId == pseudonym) && p.DoNotContact)
            .Select(p => p.Since)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Sets or clears the flag and saves it, with its audit entry written by the recorder in the same save (inside
    /// the caller's transaction when one is open, else in one of its own). Setting what is already set changes nothing.
    /// </summary>
    public async Task SetDoNotContactAsync(string customerExternalId, bool doNotContact, ContactPreferenceSource source, string? reason, CancellationToken cancellationToken)
    {
        var result = await ChangeAsync(customerExternalId, doNotContact, source, reason, null, cancellationToken);
        if (!result.IsSuccess)
        {
            // Without If-Match the only refusal left is a lost race (another change saved first): the flag is someone else's now.
            throw new InvalidOperationException($"The contact preference could not be changed: {result.Error!.Code}.");
        }
    }

    /// <summary>The customer's preference as saved (tracked), or null when nothing was ever said about them.</summary>
    public Task<CustomerContactPreference?> FindAsync(string customerExternalId, CancellationToken cancellationToken)
    {
        var pseudonym = PseudonymOf(customerExternalId);
        return db.CustomerContactPreferences
            .Where(p => p.CustomerExternalId == customerExternalId || p.CustomerExternalId == pseudonym)
            .OrderBy(p => p.CustomerExternalId == customerExternalId ? 0 : 1)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// As <see cref="SetDoNotContactAsync"/>, answering the preference and whether this call changed it; 412 when
    /// <paramref name="ifMatch"/> names another version (a customer nothing was said about is version 0).
    /// </summary>
    public async Task<Result<(CustomerContactPreference Preference, bool Changed)>> ChangeAsync(
        string customerExternalId, bool doNotContact, ContactPreferenceSource source, string? reason, IfMatch? ifMatch, CancellationToken cancellationToken)
    {
        await using var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;

        // Two first opt-outs of one customer at once would both insert: the customer's lock lets one go first.
        await dialect.LockCustomerAsync(db, customerExternalId, cancellationToken);
        var now = clock.GetUtcNow();
        var preference = await FindAsync(customerExternalId, cancellationToken);
        var current = preference?.Version ?? 0;
        if (ifMatch is not null && !ifMatch.Matches(current))
        {
            return ContactPreferenceRefusals.PreconditionFailed(customerExternalId, current);
        }

        if (preference is null)
        {
            if (!doNotContact)
            {
                // Nothing was said, and nothing is: no row, no entry.
                return (CustomerContactPreference.New(Guid.Empty, db.CurrentTenantId!, customerExternalId, now), false);
            }

            preference = CustomerContactPreference.New(Guid.CreateVersion7(now), db.CurrentTenantId!, customerExternalId, now);
            db.CustomerContactPreferences.Add(preference);
        }

        var changed = preference.Change(doNotContact, source, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), now);
        if (changed)
        {
            if (doNotContact)
            {
                await StopPlannedVisitsAsync(customerExternalId, now, cancellationToken);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return ContactPreferenceRefusals.ConcurrentChange(customerExternalId);
            }
        }

        if (owned is not null)
        {
            await owned.CommitAsync(cancellationToken);
        }

        return (preference, changed);
    }

    /// <summary>
    /// What was planned before the customer opted out stops too: their open follow-ups are cancelled in the same save
    /// (reason <c>do-not-contact</c>; each task's open survey link is revoked with it), complaint follow-ups excepted.
    /// </summary>
    private async Task StopPlannedVisitsAsync(string customerExternalId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = await db.VisitTasks
            .Where(t => t.CustomerExternalId == customerExternalId
                && (t.Status == VisitTaskStatus.Pending || t.Status == VisitTaskStatus.Assigned)
                && t.Purpose != VisitPurpose.ComplaintFollowUp)
            .ToListAsync(cancellationToken);
        foreach (var task in open.Where(t => t.IsOpen && DoNotContactRule.Applies(t.Purpose)))
        {
            task.Cancel(SurveyInvitation.DoNotContactReason, now);
        }
    }

    private string PseudonymOf(string customerExternalId) =>
        CustomerPseudonym.For(db.CurrentTenantId ?? throw new InvalidOperationException("Contact preferences need a caller."), customerExternalId);
}

/// <summary>How changes of a contact preference are refused (the versions of the resource).</summary>
public static class ContactPreferenceRefusals
{
    public static Error PreconditionFailed(string customerExternalId, int currentVersion) =>
        ETags.PreconditionFailed("contact.preconditionFailed", [customerExternalId, ETags.For(currentVersion)], currentVersion);

    public static Error ConcurrentChange(string customerExternalId) =>
        new(ErrorKind.Conflict, "concurrent-change", "contact.concurrentChange", [customerExternalId]);
}
