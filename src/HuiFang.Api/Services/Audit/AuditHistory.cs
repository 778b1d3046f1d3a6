using System.Text.Json;
using HuiFang.Api.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Services.Audit;

/// <summary>One change: who did what, when, and the task's version afterwards.</summary>
/// <param name="Id">Entry id.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Action">What was done: created, assigned, rescheduled, cancelled, attempt-recorded, personal-data-erased.</param>
/// <param name="Actor">Who did it.</param>
/// <param name="Version">The task's version after the change.</param>
/// <param name="Details">The facts that changed (never personal data).</param>
/// <param name="Note">The reason the caller gave, if any (cleared when the customer's data is erased).</param>
public sealed record AuditEntryResponse(Guid Id, DateTimeOffset OccurredAt, string Action, ActorResponse Actor, int? Version, JsonElement? Details, string? Note);

/// <summary>Who made a change.</summary>
/// <param name="Kind">ApiKey, Jwt or System.</param>
/// <param name="Id">The API key's id, the token's subject (prefixed jwt:) or "system".</param>
/// <param name="Name">The key's name or the token's name claim.</param>
public sealed record ActorResponse(string Kind, string Id, string Name);

/// <summary>The audit trail of one resource as callers read it, oldest first.</summary>
public static class AuditHistory
{
    private const int MaxEntries = 1000;

    public static async Task<IReadOnlyList<AuditEntryResponse>> LoadAsync(HuiFangDbContext db, string subjectType, Guid id, CancellationToken cancellationToken)
    {
        var subjectId = id.ToString();
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.SubjectType == subjectType && e.SubjectId == subjectId)
            .OrderBy(e => e.Version).ThenBy(e => e.OccurredAt) // a resource's version counts its changes; timestamps can tie
            .Take(MaxEntries)
            .ToListAsync(cancellationToken);
        return [.. entries.Select(e => new AuditEntryResponse(
            e.Id,
            e.OccurredAt,
            e.Action,
            new ActorResponse(e.ActorKind, e.ActorId, e.ActorName),
            e.Version,
            e.Details is null ? null : JsonSerializer.Deserialize<JsonElement>(e.Details),
            e.Note))];
    }
}
