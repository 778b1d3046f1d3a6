namespace HuiFang.Api.Domain.Escalations;

/// <summary>Who an escalation is handed to, and who takes it over at the higher levels.</summary>
public sealed record Route(string Department, string? Owner, string? Supervisor, string? Manager);
