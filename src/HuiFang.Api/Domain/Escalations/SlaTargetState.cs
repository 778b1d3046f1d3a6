using HuiFang.Api.Domain.Calendar;

namespace HuiFang.Api.Domain.Escalations;

/// <summary>
/// Where one SLA target of an escalation stands in the current handling cycle: the target promised (time
/// allowed and how it is counted), the deadline and the warning instant planned from it, and the marks that
/// happen at most once per cycle — warned, breached, met. An escalation has two: response (met by the
/// acknowledgement) and resolution (met by the resolution). Immutable: each step returns a new value.
/// </summary>
public sealed record SlaTargetState
{
    private SlaTargetState()
    {
    }

    /// <summary>The time allowed and its clock, fixed when the escalation was opened.</summary>
    public SlaTarget Target { get; private init; } = null!;

    /// <summary>The deadline; null while paused before it was reached (the clock stands still).</summary>
    public DateTimeOffset? DueBy { get; private init; }

    /// <summary>When the warning share is used up; null once met, while paused, and once the escalation is resolved.</summary>
    public DateTimeOffset? WarnAt { get; private init; }

    public DateTimeOffset? WarnedAt { get; private init; }

    public DateTimeOffset? BreachedAt { get; private init; }

    /// <summary>When the target was met: the acknowledgement for response, the resolution for resolution.</summary>
    public DateTimeOffset? MetAt { get; private init; }

    public bool IsBreached => BreachedAt is not null;

    /// <summary>Missed and still owed: what automatic reminders chase.</summary>
    public bool IsOwedAfterBreach => MetAt is null && BreachedAt is not null;

    /// <summary>The next instant the SLA clock has something to do for this target: its warning, then its breach; nothing once met or breached.</summary>
    public DateTimeOffset? NextCheckAt =>
        MetAt is not null ? null
        : WarnedAt is null ? WarnAt
        : BreachedAt is null ? DueBy
        : null;

    public static SlaTargetState Start(SlaTarget target) => new() { Target = target };

    /// <summary>
    /// What the clock causes at <paramref name="now"/> for an unmet target: a breach once its deadline has
    /// passed (also when no warning came before it), else a warning once its warning instant has come; each once.
    /// </summary>
    public SlaHappeningKind? FallenDue(DateTimeOffset now) =>
        MetAt is not null || BreachedAt is not null || DueBy is not { } due ? null
        : now > due ? SlaHappeningKind.Breach
        : WarnedAt is null && WarnAt is { } warn && now >= warn ? SlaHappeningKind.Warning
        : null;

    public SlaTargetState Warned(DateTimeOffset now) => this with { WarnedAt = now };

    /// <summary>A breach found at once needs no warning before it: the warning mark is set with it.</summary>
    public SlaTargetState Breached(DateTimeOffset now) => this with { WarnedAt = WarnedAt ?? now, BreachedAt = now };

    public SlaTargetState Met(DateTimeOffset at) => this with { MetAt = at };

    /// <summary>A new cycle: no marks; the deadline is planned again from the cycle's start.</summary>
    public SlaTargetState Restarted() => this with { WarnedAt = null, BreachedAt = null, MetAt = null };

    /// <summary>
    /// The deadline arithmetic from the cycle's <paramref name="start"/> and its pauses; with
    /// <paramref name="warningPercent"/>, up to the instant that share of the target is used up.
    /// </summary>
    public SlaReckoning Reckon(DateTimeOffset start, IEnumerable<SlaPauseSpan> pauses, BusinessCalendar calendar, int? warningPercent = null) =>
        SlaClock.Reckon(start, warningPercent is { } percent ? SlaClock.WarningShare(Target.Duration, percent) : Target.Duration, Target.Clock, calendar, pauses);

    /// <summary>Deadline and warning instant of a running or paused cycle; once met, the deadline stays as it was and no warning is due.</summary>
    public SlaTargetState Planned(DateTimeOffset start, IReadOnlyCollection<SlaPauseSpan> pauses, BusinessCalendar calendar, int warningPercent) =>
        MetAt is not null
            ? this with { WarnAt = null }
            : this with { DueBy = Reckon(start, pauses, calendar).DueBy, WarnAt = Reckon(start, pauses, calendar, warningPercent).DueBy };

    /// <summary>Resolved or closed: the deadline stays for the record, nothing is left to warn about.</summary>
    public SlaTargetState Stopped() => this with { WarnAt = null };
}
