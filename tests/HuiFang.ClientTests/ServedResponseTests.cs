using System.Text;
using System.Text.Json.Nodes;

namespace HuiFang.ClientTests;

/// <summary>
/// What the service answers is what the committed document says it answers: the status is documented for
/// the operation, and the body is valid against that response's schema (members listed as required are
/// there, nothing is null that the schema does not allow, enums are the documented strings). The generated
/// clients trust the document on exactly these points.
/// </summary>
public sealed class ServedResponseTests(ServiceHost host) : IClassFixture<ServiceHost>
{
    private readonly HttpClient _http = host.CreateHttpClient();

    [Fact]
    public async Task A_task_through_its_life_is_answered_as_documented()
    {
        var suffix = Unique.Suffix();
        var example = RequestExample("/api/v1/visit-tasks", "post");
        example["customer"]!["externalId"] = $"C-{suffix}";
        example["serviceRecord"]!["workOrderNo"] = $"WO-{suffix}";
        example["serviceRecord"]!["completedAt"] = Unique.CompletedAt().ToString("yyyy-MM-dd'T'HH:mm:sszzz");

        var created = await CheckAsync("post", "/api/v1/visit-tasks", "/api/v1/visit-tasks", example, 201);
        var id = (string)created["id"]!;
        var task = $"/api/v1/visit-tasks/{id}";

        await CheckAsync("get", "/api/v1/visit-tasks/{id}", task, expected: 200);
        await CheckAsync("get", "/api/v1/visit-tasks", $"/api/v1/visit-tasks?customerId=C-{suffix}", expected: 200);
        await CheckAsync("post", "/api/v1/visit-tasks/{id}/attempts", $"{task}/attempts", new JsonObject { ["outcome"] = "NoAnswer" }, 200);
        await CheckAsync("post", "/api/v1/visit-tasks/{id}/reschedule", $"{task}/reschedule",
            new JsonObject { ["scheduledFor"] = DateTimeOffset.UtcNow.AddDays(1).ToString("yyyy-MM-dd'T'HH:mm:sszzz") }, 200);
        await CheckAsync("post", "/api/v1/visit-tasks/{id}/cancel", $"{task}/cancel", new JsonObject { ["reason"] = "客户已搬走" }, 200);
        await CheckAsync("get", "/api/v1/visit-tasks/{id}/history", $"{task}/history", expected: 200);
        await CheckAsync("post", "/api/v1/visit-tasks/{id}/assign", $"{task}/assign", new JsonObject { ["assignee"] = "agent-08" }, 409);
    }

    [Fact]
    public async Task Settings_policies_keys_events_and_reports_are_answered_as_documented()
    {
        await CheckAsync("get", "/api/v1/admin/tenant", "/api/v1/admin/tenant", expected: 200);
        await CheckAsync("get", "/api/v1/policies/escalation", "/api/v1/policies/escalation", expected: 200);
        await CheckAsync("get", "/api/v1/policies/follow-up", "/api/v1/policies/follow-up", expected: 200);
        await CheckAsync("get", "/api/v1/admin/api-keys", "/api/v1/admin/api-keys", expected: 200);
        await CheckAsync("get", "/api/v1/events", "/api/v1/events", expected: 200);
        await CheckAsync("get", "/api/v1/feedback", "/api/v1/feedback", expected: 200);
        await CheckAsync("get", "/api/v1/escalations", "/api/v1/escalations", expected: 200);
        foreach (var report in new[] { "satisfaction", "categories", "visits", "coverage", "sla", "unsatisfied" })
        {
            await CheckAsync("get", $"/api/v1/reports/{report}", $"/api/v1/reports/{report}?from=2026-11-01&to=2026-11-30", expected: 200);
        }

        await CheckAsync("get", "/api/v1/reports/satisfaction", "/api/v1/reports/satisfaction?from=2026-11-01&to=2026-11-30&groupBy=week", expected: 200);
    }

    [Fact]
    public async Task Refusals_are_the_documented_problems()
    {
        await CheckAsync("post", "/api/v1/visit-tasks", "/api/v1/visit-tasks", new JsonObject(), 400);
        await CheckAsync("post", "/api/v1/visit-tasks", "/api/v1/visit-tasks", new JsonObject { ["purpose"] = "Gossip" }, 400);
        await CheckAsync("get", "/api/v1/visit-tasks/{id}", $"/api/v1/visit-tasks/{Guid.NewGuid()}", expected: 404);
        await CheckAsync("get", "/api/v1/reports/satisfaction", "/api/v1/reports/satisfaction?to=2026-11-30", expected: 400);
        await CheckAsync("get", "/api/v1/reports/satisfaction", "/api/v1/reports/satisfaction?from=2026-11-01&to=2026-11-30&groupBy=year", expected: 400);

        using var anonymous = host.CreateHttpClient(withApiKey: false);
        await CheckAsync("get", "/api/v1/visit-tasks", "/api/v1/visit-tasks", expected: 401, client: anonymous);
    }

    private static JsonObject RequestExample(string path, string method) =>
        CommittedDocument.Json["paths"]![path]![method]!["requestBody"]!["content"]!["application/json"]!["example"]!.DeepClone().AsObject();

    /// <summary>Sends the request, asserts the status and that it is documented, validates the body against the documented schema.</summary>
    private async Task<JsonNode> CheckAsync(string method, string template, string path, JsonNode? body = null, int expected = 200, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await (client ?? _http).SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var where = $"{method.ToUpperInvariant()} {path} → {(int)response.StatusCode}";
        Assert.True(expected == (int)response.StatusCode, $"{where}, expected {expected}: {text}");

        var documented = CommittedDocument.Json["paths"]![template]![method]!["responses"]![expected.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        Assert.True(documented is not null, $"{where}: status not documented for {method.ToUpperInvariant()} {template}");
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        var schema = documented!["content"]?[mediaType]?["schema"];
        Assert.True(schema is not null, $"{where}: no schema documented for {mediaType}");

        var json = JsonNode.Parse(text)!;
        var errors = CommittedDocument.Validate(schema!, json);
        Assert.True(errors.Count == 0, $"{where}: the body contradicts the documented schema: {string.Join("; ", errors)}\n{text}");
        return json;
    }
}
