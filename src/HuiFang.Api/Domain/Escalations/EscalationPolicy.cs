using HuiFang.Api.Domain.Feedback;

namespace HuiFang.Api.Domain.Escalations;

/// <summary>
/// A tenant's rules for feedback and escalations. The defaults reproduce the domain rules (docs/follow-up-rules.md): 4–5
/// satisfied, 1–2 unsatisfied; every complaint and every unsatisfied verdict is escalated; urgent:
/// respond within 2 h, general within 24 h; the customer is revisited within 24 h of the fix; up to 3
/// handling cycles before a manager takes over.
/// </summary>
/// <param name="Verdict">Score bands of the verdict.</param>
/// <param name="EscalateComplaints">Open an escalation for every complaint.</param>
/// <param name="EscalateUnsatisfied">Open an escalation for every unsatisfied verdict.</param>
/// <param name="EscalateNeutral">Also open one for a neutral verdict.</param>
/// <param name="Urgent">SLA of urgent escalations.</param>
/// <param name="General">SLA of general escalations.</param>
/// <param name="WarningPercent">Share of a target's time after which a warning is raised (1–99).</param>
/// <param name="ReminderInterval">Working time between automatic reminders (催办) while a target is breached.</param>
/// <param name="MaxCycles">Handling cycles (first handling + reopens) before the escalation is handed to a manager.</param>
/// <param name="RevisitWithin">How soon after the fix the customer is revisited (complaint follow-up: 24 h).</param>
/// <param name="RevisitClosesFrom">The lowest revisit verdict that closes the loop: Satisfied (default) or Neutral.</param>
/// <param name="InquiryReplyWithin">Default promised reply time for an inquiry that could not be answered on the call.</param>
/// <param name="LateAfter">Feedback recorded longer than this after the call ended is flagged late.</param>
/// <param name="DefaultDepartment">Department used when no routing rule matches and the work order names none.</param>
/// <param name="Routes">Routing rules.</param>
public sealed record EscalationPolicy(
    VerdictThresholds Verdict,
    bool EscalateComplaints,
    bool EscalateUnsatisfied,
    bool EscalateNeutral,
    SeveritySla Urgent,
    SeveritySla General,
    int WarningPercent,
    TimeSpan ReminderInterval,
    int MaxCycles,
    TimeSpan RevisitWithin,
    Verdict RevisitClosesFrom,
    TimeSpan InquiryReplyWithin,
    TimeSpan LateAfter,
    string DefaultDepartment,
    IReadOnlyList<RoutingRule> Routes)
{
    public static EscalationPolicy Default { get; } = new(
        VerdictThresholds.Default,
        EscalateComplaints: true,
        EscalateUnsatisfied: true,
        EscalateNeutral: false,
        Urgent: new SeveritySla(new SlaTarget(TimeSpan.FromHours(2), SlaClockKind.WallClock), new SlaTarget(TimeSpan.FromHours(24), SlaClockKind.WallClock)),
        General: new SeveritySla(new SlaTarget(TimeSpan.FromHours(24), SlaClockKind.WallClock), new SlaTarget(TimeSpan.FromHours(24), SlaClockKind.BusinessHours)),
        WarningPercent: 75,
        ReminderInterval: TimeSpan.FromHours(4),
        MaxCycles: 3,
        RevisitWithin: TimeSpan.FromHours(24),
        RevisitClosesFrom: Feedback.Verdict.Satisfied,
        InquiryReplyWithin: TimeSpan.FromHours(24),
        LateAfter: FeedbackRecord.DefaultLateAfter,
        DefaultDepartment: "CustomerService",
        Routes: []);

    public SeveritySla SlaOf(EscalationSeverity severity) => severity == EscalationSeverity.Urgent ? Urgent : General;

    /// <summary>Whether feedback with this verdict and complaint flag opens an escalation by itself.</summary>
    public EscalationTrigger? TriggerFor(Verdict verdict, bool complaint) =>
        complaint && EscalateComplaints ? EscalationTrigger.Complaint
        : (verdict == Feedback.Verdict.Unsatisfied && EscalateUnsatisfied) || (verdict == Feedback.Verdict.Neutral && EscalateNeutral) ? EscalationTrigger.Unsatisfied
        : null;

    /// <summary>Whether a revisit with this verdict and complaint flag closes the loop.</summary>
    public bool RevisitCloses(Verdict verdict, bool complaint) =>
        !complaint && (verdict == Feedback.Verdict.Satisfied || (verdict == Feedback.Verdict.Neutral && RevisitClosesFrom == Feedback.Verdict.Neutral));

    public Route RouteFor(string serviceType, string? department)
    {
        var rule = Routes.Where(r => r.Matches(serviceType, department)).OrderByDescending(r => r.Specificity).FirstOrDefault();
        return rule is not null
            ? new Route(rule.ToDepartment, rule.Owner, rule.Supervisor, rule.Manager)
            : new Route(department ?? DefaultDepartment, null, null, null);
    }
}
