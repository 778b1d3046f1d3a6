using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Customers;
using HuiFang.Api.Infrastructure.Persistence;

namespace HuiFang.Api.Services.Customers;

/// <summary>
/// What a change of a customer's contact preference owes: its entry in the audit trail, under the preference's
/// id (never the customer's id, so the trail holds nothing an erasure would have to rewrite); the reason is the
/// entry's note, which an erasure clears.
/// </summary>
public sealed class ContactPreferenceRecorder : IDomainEventRecorder
{
    public const string SetAction = "do-not-contact-set";
    public const string ClearedAction = "do-not-contact-cleared";

    public bool TryRecord(IDomainEvent e, EventRecording into)
    {
        switch (e)
        {
            case ContactPreferenceChanged changed:
                into.Audit(
                    AuditSubjects.ContactPreference,
                    changed.Preference.Id,
                    changed.DoNotContact ? SetAction : ClearedAction,
                    changed.Preference.Version,
                    new { doNotContact = changed.DoNotContact, source = changed.Source },
                    changed.Reason);
                return true;
            default:
                return false;
        }
    }
}

public static class CustomerServicesSetup
{
    /// <summary>Contact preferences (do not contact) and the recorder of their changes.</summary>
    public static IServiceCollection AddHuiFangCustomers(this IServiceCollection services)
    {
        services.AddScoped<ContactPreferences>();
        services.AddDomainEventRecorder<ContactPreferenceRecorder>();
        return services;
    }
}
