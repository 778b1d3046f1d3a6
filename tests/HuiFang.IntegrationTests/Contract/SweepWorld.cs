using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace HuiFang.IntegrationTests.Contract;

/// <summary>
/// The resources one sweep worker's paths point at, in its own tenant: a task, feedback, escalations in
/// each state, an inquiry, an API key, a questionnaire, a service record and a customer. Each slot can be made again
/// (after a case used it up: cancelled the task, resolved the escalation) without touching the others.
/// </summary>
public sealed class SweepWorld(HttpClient client, IReadOnlyList<ApiOperation> operations)
{
    /// <summary>Slots a uuid path parameter or body member may point at, in the order they are tried.</summary>
    public static readonly string[] GuidSlots = ["task", "feedback", "escalation", "escalation-acknowledged", "escalation-paused", "inquiry", "api-key", "questionnaire"];

    /// <summary>Slots a text path parameter may point at.</summary>
    public static readonly string[] TextSlots = ["service-record", "customer"];

    private readonly Dictionary<string, string> _slots = [];
    private readonly HashSet<string> _used = [];
    private readonly Queue<(string Task, string Customer)> _tasks = new();
    private int _made;

    public string this[string slot] => _slots[slot];

    public async Task MakeAllAsync()
    {
        foreach (var slot in GuidSlots.Concat(TextSlots))
        {
            if (!_slots.ContainsKey(slot))
            {
                await MakeAsync(slot);
            }
        }
    }

    /// <summary>An accepted write may have changed these resources: the next operation gets new ones.</summary>
    public void Used(IEnumerable<string> slots) => _used.UnionWith(slots);

    /// <summary>Makes again those of <paramref name="slots"/> that an accepted write may have changed.</summary>
    public async Task FreshAsync(IEnumerable<string> slots)
    {
        foreach (var slot in slots.Where(_used.Contains).ToList())
        {
            await MakeAsync(slot);
        }
    }

    /// <summary>Makes <paramref name="slot"/> again (and the slots made with it).</summary>
    public async Task MakeAsync(string slot)
    {
        _used.Remove(slot);
        switch (slot)
        {
            case "task" or "customer":
                var (task, customer) = await TaskAsync();
                _slots["task"] = task;
                _slots["customer"] = customer;
                break;
            case "feedback" or "escalation":
                var (feedback, escalation) = await ComplaintAsync();
                _slots["feedback"] = feedback;
                _slots["escalation"] = escalation;
                break;
            case "escalation-acknowledged":
                _slots[slot] = await AcknowledgedAsync();
                break;
            case "escalation-paused":
                var paused = await AcknowledgedAsync();
                await SendAsync(HttpMethod.Post, $"/api/v1/escalations/{paused}/pause", new JsonObject { ["reason"] = "sweep" });
                _slots[slot] = paused;
                break;
            case "inquiry":
                var (inquiryTask, _) = await TaskAsync();
                var inquiry = await SendAsync(HttpMethod.Post, $"/api/v1/visit-tasks/{inquiryTask}/feedback", new JsonObject
                {
                    ["score"] = 4,
                    ["categories"] = new JsonArray("Inquiry"),
                    ["pendingInquiry"] = "保修期多久？",
                });
                _slots[slot] = (string)inquiry["feedback"]!["id"]!;
                break;
            case "api-key":
                var key = await SendAsync(HttpMethod.Post, "/api/v1/admin/api-keys", new JsonObject { ["name"] = $"sweep {++_made}", ["scopes"] = new JsonArray("tasks:read") });
                _slots[slot] = (string)key["apiKey"]!["id"]!;
                break;
            case "questionnaire":
                // The documented example with a service type of its own, so that no two share a selector.
                var questionnaire = Example("POST", "/api/v1/questionnaires")!;
                questionnaire["serviceType"] = $"sweep-{++_made}";
                _slots[slot] = (string)(await SendAsync(HttpMethod.Post, "/api/v1/questionnaires", questionnaire))["id"]!;
                break;
            case "service-record":
                var body = Example("POST", "/api/v1/service-records");
                Uniquify(body, $"w{++_made}");
                await SendAsync(HttpMethod.Post, "/api/v1/service-records", body);
                _slots[slot] = (string)body!["serviceRecord"]!["workOrderNo"]!;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(slot), slot, "no recipe");
        }
    }

    /// <summary>Appends a suffix to every identifier-like text member (…Id, …No), so a baseline is new to the service each time.</summary>
    public static void Uniquify(JsonNode? node, string suffix)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o.ToList())
                {
                    if (value is JsonValue v && v.TryGetValue<string>(out var text) && !Guid.TryParse(text, out _)
                        && (name.EndsWith("Id", StringComparison.Ordinal) || name.EndsWith("No", StringComparison.Ordinal)))
                    {
                        o[name] = $"{text}-{suffix}";
                    }
                    else
                    {
                        Uniquify(value, suffix);
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    Uniquify(a[i], $"{suffix}-{i}");
                }

                break;
        }
    }

    private JsonNode? Example(string method, string path) =>
        operations.Single(o => o.Method == method && o.PathTemplate == path).BodyExample?.DeepClone();

    /// <summary>A new task (and its customer) from a pool the batch endpoint fills 50 at a time: one request, one commit.</summary>
    private async Task<(string Task, string Customer)> TaskAsync()
    {
        if (_tasks.Count == 0)
        {
            var items = new JsonArray([.. Enumerable.Range(0, 50).Select(_ => Example("POST", "/api/v1/visit-tasks"))]);
            var body = new JsonObject { ["items"] = items };
            Uniquify(body, $"w{++_made}");
            var created = await SendAsync(HttpMethod.Post, "/api/v1/visit-tasks/batch", body);
            foreach (var (result, item) in created["results"]!.AsArray().Zip(items))
            {
                if (result?["task"]?["id"] is JsonValue id)
                {
                    _tasks.Enqueue(((string)id!, (string)item!["customer"]!["externalId"]!));
                }
            }

            if (_tasks.Count == 0)
            {
                throw new InvalidOperationException($"Seeding the sweep's resources: the batch created no task: {created.ToJsonString()}");
            }
        }

        return _tasks.Dequeue();
    }

    private async Task<(string Feedback, string Escalation)> ComplaintAsync()
    {
        var (task, _) = await TaskAsync();
        var recorded = await SendAsync(HttpMethod.Post, $"/api/v1/visit-tasks/{task}/feedback", Example("POST", "/api/v1/visit-tasks/{id}/feedback"));
        return ((string)recorded["feedback"]!["id"]!, (string)recorded["escalation"]!["id"]!);
    }

    private async Task<string> AcknowledgedAsync()
    {
        var (_, escalation) = await ComplaintAsync();
        await SendAsync(HttpMethod.Post, $"/api/v1/escalations/{escalation}/acknowledge", new JsonObject());
        return escalation;
    }

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, JsonNode? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Seeding the sweep's resources: {method} {path} answered {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text)!.AsObject();
    }
}
