using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.VisitTasks;

namespace HuiFang.Api.Domain.Customers;

/// <summary>
/// A customer who asked not to be contacted (不再打扰) gets no follow-up HuiFang starts by itself or is asked to
/// plan: no intake task, no task from POST /visit-tasks, no survey invitation. The exception is a complaint
/// follow-up: the customer raised the problem and is owed an answer to it. (Revisits of an escalation are part
/// of the complaint's handling and do not go through planning either.)
/// </summary>
public static class DoNotContactRule
{
    /// <summary>Whether a customer's do-not-contact flag stops a follow-up of this purpose.</summary>
    public static bool Applies(VisitPurpose purpose) => purpose != VisitPurpose.ComplaintFollowUp;
}

public static class ContactPreferenceErrors
{
    /// <summary>409: the customer asked not to be contacted; the follow-up is not planned.</summary>
    public static Error DoNotContact(string customerExternalId, DateTimeOffset? since) =>
        new(ErrorKind.Conflict, "do-not-contact", "contact.doNotContact", [customerExternalId],
            new Dictionary<string, object?> { ["doNotContactSince"] = since });
}
