namespace HuiFang.Api.Domain.Reviews;

/// <summary>Where a weekly review stands.</summary>
public enum ReviewStatus
{
    /// <summary>Being reviewed: items can be decided, and unsatisfied feedback recorded later in the week is added.</summary>
    Open,

    /// <summary>The reviewer completed it: every item decided. Nothing changes any more.</summary>
    Completed,
}

/// <summary>What the reviewer decided about one unsatisfied item.</summary>
public enum ReviewDecision
{
    /// <summary>Follow up again: a new complaint follow-up visit is planned for the customer.</summary>
    FollowUpAgain,

    /// <summary>Nothing more to do (dealt with, or nothing can be done).</summary>
    NoAction,

    /// <summary>A corrective and preventive action is opened for the problem.</summary>
    CorrectiveAction,
}
