using HuiFang.Api.Domain.Customers;
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
    public Task<bool> IsDoNotContactAsync(string customerExternalId, CancellationToken cancellationToken)
    {
        var pseudonym = PseudonymOf(customerExternalId);
        return db.CustomerContactPreferences.AsNoTracking()
            .AnyAsync(p => (p.CustomerExternalId == customerExternalId || p.CustomerExternalId == pseudonym) && p.DoNotContact, cancellationToken);
    }

    /// <summary>
    /// Sets or clears the flag and saves it, with its audit entry and event written by the recorder in the same
    /// save (inside the caller's transaction when one is open, else in one of its own). Setting what is already
    /// set changes nothing.
    /// </summary>
    public async Task SetDoNotContactAsync(string customerExternalId, bool doNotContact, ContactPreferenceSource source, string? reason, CancellationToken cancellationToken) =>
        await ChangeAsync(customerExternalId, doNotContact, source, reason, cancellationToken);

    /// <summary>The customer's preference as saved, or null when nothing was ever said about them.</summary>
    public Task<CustomerContactPreference?> FindAsync(string customerExternalId, CancellationToken cancellationToken)
    {
        var pseudonym = PseudonymOf(customerExternalId);
        return db.CustomerContactPreferences
            .Where(p => p.CustomerExternalId == customerExternalId || p.CustomerExternalId == pseudonym)
            .OrderBy(p => p.CustomerExternalId == customerExternalId ? 0 : 1)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>As <see cref="SetDoNotContactAsync"/>, answering the preference and whether this call changed it.</summary>
    public async Task<(CustomerContactPreference Preference, bool Changed)> ChangeAsync(
        string customerExternalId, bool doNotContact, ContactPreferenceSource source, string? reason, CancellationToken cancellationToken)
    {
        await using var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;

        // Two first opt-outs of one customer at once would both insert: the customer's lock lets one go first.
        await dialect.LockCustomerAsync(db, customerExternalId, cancellationToken);
        var now = clock.GetUtcNow();
        var preference = await FindAsync(customerExternalId, cancellationToken);
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
            await db.SaveChangesAsync(cancellationToken);
        }

        if (owned is not null)
        {
            await owned.CommitAsync(cancellationToken);
        }

        return (preference, changed);
    }

    private string PseudonymOf(string customerExternalId) =>
        CustomerPseudonym.For(db.CurrentTenantId ?? throw new InvalidOperationException("Contact preferences need a caller."), customerExternalId);
}
