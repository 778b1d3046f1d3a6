using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Tenants;

namespace HuiFang.Api.Domain.Customers;

/// <summary>Who said the customer is not to be contacted.</summary>
public enum ContactPreferenceSource
{
    /// <summary>A calling system (a CRM, an agent's tool) through the API.</summary>
    Api,

    /// <summary>The customer, from the survey page ("don't ask me again").</summary>
    Survey,
}

/// <summary>
/// Whether one customer of one tenant may be contacted for a follow-up (不再打扰, "do not contact"). One row per
/// tenant and customer, created the first time the flag is set and kept when it is cleared, so that its history
/// stays in the audit trail under one subject. Setting a flag that is already set, or clearing one that is
/// clear, changes nothing and raises nothing (the API's PUT and DELETE are idempotent).
/// <para>
/// An erasure replaces <see cref="CustomerExternalId"/> by the customer's keyed pseudonym and drops the reason
/// (free text): the flag stays, so a customer who opted out and then asked to be erased is still recognised as
/// opted out when a record arrives again under the same id (the pseudonym can be computed from the id again, but
/// not the other way round).
/// </para>
/// </summary>
public sealed class CustomerContactPreference : AggregateRoot, ITenantOwned
{
    private CustomerContactPreference()
    {
    }

    public Guid Id { get; private set; }

    public string TenantId { get; private set; } = "";

    /// <summary>The customer's id in the calling system, or their pseudonym once erased.</summary>
    public string CustomerExternalId { get; private set; } = "";

    public bool DoNotContact { get; private set; }

    /// <summary>Since when the customer is not to be contacted; null while they may be.</summary>
    public DateTimeOffset? Since { get; private set; }

    /// <summary>Who set the flag; null while it is clear.</summary>
    public ContactPreferenceSource? Source { get; private set; }

    /// <summary>Why, as the caller wrote it (free text, erased with the customer); null while the flag is clear.</summary>
    public string? Reason { get; private set; }

    /// <summary>The last change of the flag.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Counts the changes; the concurrency token, so two changes made from the same read cannot both win.</summary>
    public int Version { get; private set; }

    /// <summary>A customer nothing was said about yet: contactable, version 0 (nothing saved until a change).</summary>
    public static CustomerContactPreference New(Guid id, string tenantId, string customerExternalId, DateTimeOffset now) => new()
    {
        Id = id,
        TenantId = tenantId,
        CustomerExternalId = customerExternalId,
        UpdatedAt = now.ToUniversalTime(),
    };

    /// <summary>
    /// Sets or clears the flag. True when something changed (and <see cref="ContactPreferenceChanged"/> was
    /// raised); false when the flag already said so, in which case the first opt-out's time, source and reason stay.
    /// </summary>
    public bool Change(bool doNotContact, ContactPreferenceSource source, string? reason, DateTimeOffset now)
    {
        if (doNotContact == DoNotContact)
        {
            return false;
        }

        now = now.ToUniversalTime();
        DoNotContact = doNotContact;
        Since = doNotContact ? now : null;
        Source = doNotContact ? source : null;
        Reason = doNotContact ? reason : null;
        UpdatedAt = now;
        Version++;
        Raise(new ContactPreferenceChanged(this, doNotContact, source, reason, now));
        return true;
    }

    /// <summary>Erasure: the row now stands for the pseudonym, and the free text goes; the flag stays.</summary>
    public void ErasePersonalData(string pseudonym, DateTimeOffset now)
    {
        CustomerExternalId = pseudonym;
        Reason = null;
        UpdatedAt = now.ToUniversalTime();
        Version++;
    }
}

/// <summary>The flag was set (<paramref name="DoNotContact"/> true) or cleared, by <paramref name="Source"/>.</summary>
public sealed record ContactPreferenceChanged(
    CustomerContactPreference Preference,
    bool DoNotContact,
    ContactPreferenceSource Source,
    string? Reason,
    DateTimeOffset OccurredAt) : IDomainEvent;
