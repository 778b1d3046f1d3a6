namespace HuiFang.Api.Domain.Escalations;

/// <summary>The SLA targets of one severity.</summary>
/// <param name="Response">First response, e.g. 2 hours wall-clock for urgent complaints.</param>
/// <param name="Resolution">Reported fixed.</param>
public sealed record SeveritySla(SlaTarget Response, SlaTarget Resolution);
