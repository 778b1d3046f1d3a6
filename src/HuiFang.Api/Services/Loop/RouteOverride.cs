namespace HuiFang.Api.Services.Loop;

/// <summary>A department (and owner) chosen by the caller instead of the routing rules.</summary>
public sealed record RouteOverride(string? Department, string? Owner);
