namespace HuiFang.Api.Domain.VisitTasks;

/// <summary>Why the customer is visited.</summary>
public enum VisitPurpose
{
    /// <summary>After-sales satisfaction follow-up.</summary>
    AfterSales,

    /// <summary>Follow-up of a problem or complaint the customer raised; exempt from the do-not-disturb rule.</summary>
    ComplaintFollowUp,

    /// <summary>Periodic relationship visit for new or high-value customers.</summary>
    Periodic,

    /// <summary>Review of a campaign or community activity.</summary>
    Activity,
}

/// <summary>How the customer is contacted.</summary>
public enum ContactChannel
{
    Phone,
    OnSite,
    Letter,
    Sms,
    Email,
    App,
    Questionnaire,
}

/// <summary>Where a visit task is in its life.</summary>
public enum VisitTaskStatus
{
    /// <summary>Planned, nobody assigned yet.</summary>
    Pending,

    /// <summary>Planned and assigned to an agent.</summary>
    Assigned,

    /// <summary>Closed after too many contact attempts that did not reach the customer.</summary>
    Unreachable,

    /// <summary>Closed by a caller, with a reason.</summary>
    Cancelled,

    /// <summary>The customer was reached and their feedback recorded.</summary>
    Completed,
}

/// <summary>What happened on a contact attempt that did not reach the customer.</summary>
public enum AttemptOutcome
{
    NoAnswer,
    Busy,
    WrongNumber,
    Refused,

    /// <summary>The customer asked to be called back at a given time; does not count as a failed attempt.</summary>
    CallbackRequested,
}

/// <summary>Which timing rule planned a task's due window.</summary>
public enum DueRule
{
    /// <summary>The caller gave the window.</summary>
    CallerSpecified,

    /// <summary>After-sales: from the 3rd to the end of the 7th working day after the service.</summary>
    AfterSalesWorkingDays,

    /// <summary>Complaint follow-up: within 24 hours of the problem being solved.</summary>
    ComplaintWithinHours,

    /// <summary>Emergency repair: immediately after the work ends (within a few working hours).</summary>
    EmergencyRepairImmediately,

    /// <summary>Community or campaign activity: within 5 days.</summary>
    ActivityWithinDays,

    /// <summary>First-aid / help service: within one week.</summary>
    HelpServiceWithinDays,

    /// <summary>Routine repair: the monthly batch from the 26th for the month's completed orders.</summary>
    RoutineRepairMonthlyBatch,

    /// <summary>Periodic relationship visit: during the next calendar month.</summary>
    PeriodicNextMonth,

    /// <summary>Planned from a service record by the tenant's follow-up policy; the record's decision names the timing rule.</summary>
    FollowUpPolicy,
}

/// <summary>Service types the timing rules know by name; any other type is accepted and timed by its purpose.</summary>
public static class ServiceTypes
{
    public const string Repair = "Repair";
    public const string EmergencyRepair = "EmergencyRepair";
    public const string RoutineRepair = "RoutineRepair";
    public const string HelpService = "HelpService";
    public const string Activity = "Activity";

    public static bool Is(string? serviceType, string known) =>
        string.Equals(serviceType, known, StringComparison.OrdinalIgnoreCase);
}
