using System.Text.Json;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Contracts;

namespace HuiFang.Api.Infrastructure.Outbox;

/// <summary>
/// Where handlers put the integration events of a change: rows added to the same unit of work, so they
/// are committed with the change or not at all (never publish-then-save, never save-then-publish).
/// </summary>
public sealed class EventOutbox(HuiFangDbContext db)
{
    public void Add(IIntegrationEvent integrationEvent, string streamId)
    {
        var type = integrationEvent.GetType();
        var contract = IntegrationEvents.Describe(type);
        if (integrationEvent.TenantId != db.CurrentTenantId)
        {
            throw new InvalidOperationException($"A {type.Name} of tenant '{integrationEvent.TenantId}' cannot be written by a caller of tenant '{db.CurrentTenantId}'.");
        }

        var row = db.OutboxMessages.Add(OutboxMessage.Create(
            integrationEvent.EventId,
            type.Name,
            contract.Version,
            streamId,
            integrationEvent.CustomerExternalId,
            JsonSerializer.Serialize(integrationEvent, type, EventJson.Options),
            integrationEvent.OccurredAt));

        // Stamped here, not left to SaveChanges: rows recorded from domain events are added while the save
        // is already under way, after the context has stamped the unit of work's new rows.
        row.Property(m => m.TenantId).CurrentValue = integrationEvent.TenantId;
        db.EventsWritten = true;
    }
}

/// <summary>The streams events are ordered within: one per aggregate.</summary>
public static class EventStreams
{
    public static string VisitTask(Guid id) => $"visit-task/{id}";

    public static string Escalation(Guid id) => $"escalation/{id}";
}

/// <summary>The events' JSON: the contracts' camelCase shape, nulls written (every field is always present).</summary>
public static class EventJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
