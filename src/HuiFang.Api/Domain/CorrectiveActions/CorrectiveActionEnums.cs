namespace HuiFang.Api.Domain.CorrectiveActions;

/// <summary>How a corrective action came to be.</summary>
public enum CorrectiveActionSource
{
    /// <summary>Opened by a person through the API.</summary>
    Manual,

    /// <summary>Opened from a weekly review's decision on an unsatisfied item.</summary>
    Review,

    /// <summary>Proposed by the service when the same problem recurred as often as the tenant's quality policy says.</summary>
    Recurrence,
}

/// <summary>
/// Where a corrective action is in its life: <see cref="Proposed"/> (automatic, waiting to be taken or dismissed) →
/// <see cref="Open"/> → <see cref="Implemented"/> → <see cref="Closed"/>; a proposal not taken is <see cref="Dismissed"/>;
/// an implemented action found not effective goes back to <see cref="Open"/>.
/// </summary>
public enum CorrectiveActionStatus
{
    Proposed,
    Open,
    Implemented,
    Closed,
    Dismissed,
}

/// <summary>What a link of a corrective action points at.</summary>
public enum CorrectiveActionLinkKind
{
    Feedback,
    Escalation,
}
