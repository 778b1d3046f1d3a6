namespace HuiFang.Api.Domain.CorrectiveActions;

/// <summary>A feedback record or an escalation a corrective action is about, with who linked it and when.</summary>
public sealed class CorrectiveActionLink
{
    private CorrectiveActionLink()
    {
    }

    internal CorrectiveActionLink(CorrectiveActionLinkKind kind, Guid targetId, string? linkedBy, DateTimeOffset linkedAt)
    {
        Kind = kind;
        TargetId = targetId;
        LinkedBy = linkedBy;
        LinkedAt = linkedAt.ToUniversalTime();
    }

    public CorrectiveActionLinkKind Kind { get; private set; }

    public Guid TargetId { get; private set; }

    public string? LinkedBy { get; private set; }

    public DateTimeOffset LinkedAt { get; private set; }
}
