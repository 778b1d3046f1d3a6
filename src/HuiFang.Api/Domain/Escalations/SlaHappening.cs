namespace HuiFang.Api.Domain.Escalations;

/// <summary>Something the SLA clock caused on a check: a warning, a breach or an automatic reminder.</summary>
public sealed record SlaHappening(SlaHappeningKind Kind, SlaTargetKind Target, DateTimeOffset DueBy);
