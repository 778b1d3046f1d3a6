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
    public async Task The_supervisors_desk_through_its_life_is_answered_as_documented()
    {
        // An unsatisfied visit of a department of its own, recorded now: this week's review has one item.
        var suffix = Unique.Suffix();
        var department = $"Desk{suffix}";
        var example = RequestExample("/api/v1/visit-tasks", "post");
        example["customer"]!["externalId"] = $"C-{suffix}";
        example["serviceRecord"]!["workOrderNo"] = $"WO-{suffix}";
        example["serviceRecord"]!["department"] = department;
        example["serviceRecord"]!["completedAt"] = Unique.CompletedAt().ToString("yyyy-MM-dd'T'HH:mm:sszzz");
        var task = (string)(await CheckAsync("post", "/api/v1/visit-tasks", "/api/v1/visit-tasks", example, 201))["id"]!;
        var feedback = RequestExample("/api/v1/visit-tasks/{id}/feedback", "post");
        feedback.Remove("callEndedAt");
        await CheckAsync("post", "/api/v1/visit-tasks/{id}/feedback", $"/api/v1/visit-tasks/{task}/feedback", feedback, 201);

        var beijing = DateTime.UtcNow.AddHours(8);
        var week = $"{System.Globalization.ISOWeek.GetYear(beijing)}-W{System.Globalization.ISOWeek.GetWeekOfYear(beijing):00}";
        var review = await CheckAsync("post", "/api/v1/reviews", "/api/v1/reviews", new JsonObject { ["department"] = department, ["week"] = week }, 201);
        var reviewId = (string)review["id"]!;
        var itemId = (string)review["items"]![0]!["id"]!;
        await CheckAsync("get", "/api/v1/reviews", $"/api/v1/reviews?department={department}", expected: 200);
        await CheckAsync("post", "/api/v1/reviews/{id}/items/{itemId}/decision", $"/api/v1/reviews/{reviewId}/items/{itemId}/decision",
            new JsonObject { ["decision"] = "CorrectiveAction", ["note"] = "同类问题反复出现", ["owner"] = "张经理" }, 200);
        var completed = await CheckAsync("post", "/api/v1/reviews/{id}/complete", $"/api/v1/reviews/{reviewId}/complete", expected: 200);
        await CheckAsync("get", "/api/v1/reviews/{id}/history", $"/api/v1/reviews/{reviewId}/history", expected: 200);
        var actionId = (string)completed["items"]![0]!["correctiveActionId"]!;

        var action = $"/api/v1/corrective-actions/{actionId}";
        await CheckAsync("get", "/api/v1/corrective-actions/{id}", action, expected: 200);
        await CheckAsync("get", "/api/v1/corrective-actions", $"/api/v1/corrective-actions?department={department}", expected: 200);
        await CheckAsync("patch", "/api/v1/corrective-actions/{id}", action,
            new JsonObject { ["rootCause"] = "维修后未试机", ["correctiveAction"] = "回访复修", ["preventiveAction"] = "维修后当场试机" }, 200);
        await CheckAsync("post", "/api/v1/corrective-actions/{id}/implement", $"{action}/implement", new JsonObject(), 200);
        await CheckAsync("post", "/api/v1/corrective-actions/{id}/verify", $"{action}/verify", new JsonObject(), 200);
        await CheckAsync("post", "/api/v1/corrective-actions/{id}/close", $"{action}/close", new JsonObject(), 200);
        await CheckAsync("get", "/api/v1/corrective-actions/{id}/history", $"{action}/history", expected: 200);
        var manual = await CheckAsync("post", "/api/v1/corrective-actions", "/api/v1/corrective-actions",
            new JsonObject { ["nonConformity"] = "回访记录不完整", ["department"] = department }, 201);
        await CheckAsync("post", "/api/v1/corrective-actions/{id}/dismiss", $"/api/v1/corrective-actions/{(string)manual["id"]!}/dismiss", new JsonObject(), 409);

        var month = beijing.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        await CheckAsync("get", "/api/v1/spot-checks/preview", $"/api/v1/spot-checks/preview?month={month}&level=Supervisor&department={department}", expected: 200);
        var check = await CheckAsync("post", "/api/v1/spot-checks", "/api/v1/spot-checks",
            new JsonObject { ["month"] = month, ["level"] = "QualityDepartment", ["countPerAgent"] = 1, ["department"] = department }, 201);
        var checkId = (string)check["id"]!;
        var pickId = (string)check["picks"]![0]!["id"]!;
        await CheckAsync("post", "/api/v1/spot-checks/{id}/picks/{pickId}/judgment", $"/api/v1/spot-checks/{checkId}/picks/{pickId}/judgment",
            new JsonObject { ["real"] = true, ["complete"] = true, ["objective"] = true, ["onTime"] = false, ["reasons"] = new JsonArray("录入超过 10 分钟") }, 200);
        await CheckAsync("post", "/api/v1/spot-checks/{id}/complete", $"/api/v1/spot-checks/{checkId}/complete", expected: 200);
        await CheckAsync("get", "/api/v1/spot-checks/{id}", $"/api/v1/spot-checks/{checkId}", expected: 200);
        await CheckAsync("get", "/api/v1/spot-checks", $"/api/v1/spot-checks?month={month}", expected: 200);
        await CheckAsync("get", "/api/v1/spot-checks/{id}/history", $"/api/v1/spot-checks/{checkId}/history", expected: 200);

        await CheckAsync("get", "/api/v1/policies/quality", "/api/v1/policies/quality", expected: 200);
        var day = beijing.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var report in new[] { "reviews", "spot-checks", "corrective-actions" })
        {
            await CheckAsync("get", $"/api/v1/reports/{report}", $"/api/v1/reports/{report}?from={day}&to={day}&groupBy=department", expected: 200);
        }
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
