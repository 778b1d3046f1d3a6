namespace HuiFang.Api.Infrastructure.Security;

/// <summary>
/// What a caller may do. An API key or a token carries a set of these; every endpoint requires one.
/// A caller can only grant (to a new API key) scopes it holds itself.
/// </summary>
public static class Scopes
{
    public const string TasksRead = "tasks:read";
    public const string TasksWrite = "tasks:write";
    public const string FeedbackWrite = "feedback:write";
    public const string EscalationsRead = "escalations:read";
    public const string EscalationsWrite = "escalations:write";
    public const string ReportsRead = "reports:read";
    public const string QualityWrite = "quality:write";
    public const string EventsRead = "events:read";
    public const string PiiRead = "pii:read";
    public const string PiiErase = "pii:erase";
    public const string Admin = "admin";

    /// <summary>Every scope with what it allows, in the order the documentation lists them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        [TasksRead] = "Read visit tasks and their history.",
        [TasksWrite] = "Create, assign, reschedule and cancel visit tasks; record contact attempts.",
        [FeedbackWrite] = "Record customer feedback.",
        [EscalationsRead] = "Read escalations and their SLA.",
        [EscalationsWrite] = "Acknowledge, progress, resolve and reassign escalations.",
        [ReportsRead] = "Read reports, and the weekly reviews, spot-checks and corrective actions; sign in to the dashboard.",
        [QualityWrite] = "Run weekly reviews and spot-checks; open, progress and verify corrective actions.",
        [EventsRead] = "Read the tenant's integration events (the event feed).",
        [PiiRead] = "See customers' phone numbers unmasked.",
        [PiiErase] = "Erase a customer's personal data.",
        [Admin] = "Manage the tenant's API keys and settings.",
    };

    public static IReadOnlyCollection<string> All => (IReadOnlyCollection<string>)Descriptions.Keys;

    public static bool IsKnown(string scope) => Descriptions.ContainsKey(scope);

    /// <summary>The authorization policy name for a scope (one policy per scope).</summary>
    public static string Policy(string scope) => "scope:" + scope;
}
