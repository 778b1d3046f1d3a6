namespace HuiFang.Api.Domain.Escalations;

/// <summary>
/// One handling cycle of an escalation (1 for the first handling, one more on each reopen) and how it went:
/// when it started, when the department responded and reported it fixed, and whether either target was breached.
/// </summary>
public sealed class EscalationCycle
{
    private EscalationCycle()
    {
    }

    public EscalationCycle(int number, DateTimeOffset startedAt)
    {
        Number = number;
        StartedAt = startedAt.ToUniversalTime();
    }

    public int Number { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public DateTimeOffset? ResponseBreachedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public DateTimeOffset? ResolutionBreachedAt { get; private set; }

    internal void Record(DateTimeOffset? acknowledgedAt, DateTimeOffset? responseBreachedAt, DateTimeOffset? resolvedAt, DateTimeOffset? resolutionBreachedAt)
    {
        AcknowledgedAt = acknowledgedAt;
        ResponseBreachedAt = responseBreachedAt;
        ResolvedAt = resolvedAt;
        ResolutionBreachedAt = resolutionBreachedAt;
    }
}
