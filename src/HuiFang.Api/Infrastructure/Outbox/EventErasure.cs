using System.Text.Json.Nodes;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Contracts;

namespace HuiFang.Api.Infrastructure.Outbox;

/// <summary>
/// Erases a customer from a stored event: the external id becomes the pseudonym and every field the
/// contract marks <see cref="PersonalDataAttribute"/> is replaced. Events still waiting to be published
/// leave erased; events already delivered are the subscribers' to erase.
/// </summary>
public static class EventErasure
{
    public static string Erase(string type, string payload, string pseudonym)
    {
        var node = JsonNode.Parse(payload)!.AsObject();
        node["customerExternalId"] = pseudonym;
        var eventType = IntegrationEvents.Find(type);
        foreach (var field in eventType is null ? [] : IntegrationEvents.PersonalDataFields(eventType))
        {
            if (node[field] is not null)
            {
                node[field] = VisitTask.ErasedText;
            }
        }

        return node.ToJsonString(EventJson.Options);
    }
}
