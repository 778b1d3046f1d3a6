using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using HuiFang.IntegrationTests.Infrastructure;
using HuiFang.IntegrationTests.VisitTasks;

namespace HuiFang.IntegrationTests.Escalations;

/// <summary>Helpers that speak the loop's HTTP: service records, tasks, feedback, escalation steps, the event feed.</summary>
public abstract class LoopTestBase(ApiFixture fixture) : ApiTestBase(fixture)
{
    private int _n;

    protected async Task<Guid> CreateTaskAsync(string? customer = null, string serviceType = "Repair")
    {
        var n = Interlocked.Increment(ref _n);
        var response = await Client.PostAsync("/api/v1/visit-tasks", Json(VisitTaskRequests.NewTask(customer: customer ?? $"C-L-{n}", workOrder: $"WO-L-{n}", serviceType: serviceType)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (Guid)(await ReadObjectAsync(response))["id"]!;
    }

    protected async Task<JsonObject> ReceiveAsync(JsonObject record, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await Client.PostAsync("/api/v1/service-records", Json(record));
        var body = await ReadObjectAsync(response);
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {(int)response.StatusCode}: {body.ToJsonString()}");
        return body;
    }

    protected static JsonObject Feedback(int score, string[]? categories = null, string? level = null, string? problems = null) => new()
    {
        ["score"] = score,
        ["categories"] = new JsonArray([.. (categories ?? ["Praise"]).Select(c => (JsonNode)JsonValue.Create(c)!)]),
        ["complaintLevel"] = level,
        ["unresolvedProblems"] = problems,
        ["recordedBy"] = "agent-07",
    };

    protected async Task<JsonObject> RecordAsync(Guid taskId, JsonObject feedback, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await Client.PostAsync($"/api/v1/visit-tasks/{taskId}/feedback", Json(feedback));
        var body = await ReadObjectAsync(response);
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {(int)response.StatusCode}: {body.ToJsonString()}");
        return body;
    }

    protected async Task<JsonObject> StepAsync(Guid escalationId, string step, JsonObject? body = null, HttpStatusCode expected = HttpStatusCode.OK, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/escalations/{escalationId}/{step}") { Content = Json(body ?? new JsonObject()) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        var response = await Client.SendAsync(request);
        var result = await ReadObjectAsync(response);
        Assert.True(expected == response.StatusCode, $"{step}: expected {expected}, got {(int)response.StatusCode}: {result.ToJsonString()}");
        return result;
    }

    protected async Task<JsonObject> GetAsync(string path)
    {
        var response = await Client.GetAsync(path);
        var body = await ReadObjectAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body.ToJsonString()}");
        return body;
    }

    /// <summary>
    /// Every event tenant A's changes wrote, oldest first, read from the outbox table: the feed on PostgreSQL
    /// waits for every older transaction of the cluster to end, and parallel test classes keep some open.
    /// </summary>
    protected Task<List<JsonObject>> EventsAsync(string? type = null) =>
        Fixture.InScopeAsync(async db => (await db.OutboxMessages.IgnoreQueryFilters()
                .Where(m => m.TenantId == ApiFixture.TenantA && (type == null || m.Type == type))
                .OrderBy(m => m.Id)
                .Select(m => new { m.Type, m.Payload })
                .ToListAsync())
            .Select(m => new JsonObject { ["type"] = m.Type, ["payload"] = JsonNode.Parse(m.Payload) })
            .ToList());

    protected async Task<int> CountEventsAsync(string type) => (await EventsAsync(type)).Count;

    protected static Guid IdOf(JsonNode? node) => Guid.Parse((string)node!);
}
