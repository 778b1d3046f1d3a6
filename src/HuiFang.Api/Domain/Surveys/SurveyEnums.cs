namespace HuiFang.Api.Domain.Surveys;

/// <summary>Where a survey invitation is in its life; only <see cref="Open"/> accepts an answer.</summary>
public enum SurveyInvitationStatus
{
    /// <summary>Sent; the link works until it expires.</summary>
    Open,

    /// <summary>The customer answered through the link.</summary>
    Answered,

    /// <summary>Not answered in time; the task fell back as the tenant's survey policy says.</summary>
    Expired,

    /// <summary>Withdrawn: by a caller, by a newer invitation for the same task, or because the customer opted out.</summary>
    Revoked,
}

/// <summary>Why an invitation was revoked.</summary>
public enum SurveyRevocationReason
{
    /// <summary>A caller revoked it.</summary>
    Revoked,

    /// <summary>A newer invitation for the same task replaced it (one open invitation per task).</summary>
    Replaced,

    /// <summary>The customer asked not to be contacted after it was sent; the reminder was not sent.</summary>
    DoNotContact,

    /// <summary>The task was closed another way (feedback by phone, cancelled, unreachable) before the customer answered; revoked in the same save.</summary>
    TaskClosed,

    /// <summary>The customer's personal data was erased: the link, which identifies them, stops working.</summary>
    CustomerErased,
}

/// <summary>What happens to the task when its survey expires unanswered (the tenant's survey policy).</summary>
public enum SurveyExpiryFallback
{
    /// <summary>The task becomes a phone visit planned at the next working moment (the deadline moves if needed).</summary>
    PhoneVisit,

    /// <summary>The task is closed as unreachable.</summary>
    Unreachable,

    /// <summary>
    /// Not a policy choice: the policy said <see cref="PhoneVisit"/>, but the customer asked not to be contacted, so no call
    /// is planned and the task is cancelled with the reason <c>do-not-contact</c> (a complaint follow-up still gets its call).
    /// </summary>
    Cancelled,
}
