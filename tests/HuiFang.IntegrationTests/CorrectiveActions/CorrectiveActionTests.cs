using System.Net;
using System.Text.Json.Nodes;
using HuiFang.Api.Features.CorrectiveActions.MonitorCorrectiveActions;
using HuiFang.IntegrationTests.Escalations;
using HuiFang.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HuiFang.IntegrationTests.CorrectiveActions;

public sealed class SqliteCorrectiveActionTests(SqliteApiFixture fixture) : CorrectiveActionTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresCorrectiveActionTests(PostgresApiFixture fixture) : CorrectiveActionTests(fixture), IClassFixture<PostgresApiFixture>;

/// <summary>
/// Corrective and preventive actions over HTTP: opened by hand or proposed by the recurrence rule (3 unsatisfied visits of one
/// service type and department within 90 days, the default policy), their lifecycle with If-Match and history, the verification's
/// evidence, the overdue event raised once, the report, and tenant isolation. The test clock starts on Wednesday 2026-11-25 10:00
/// in Shanghai.
/// </summary>
public abstract class CorrectiveActionTests(ApiFixture fixture) : LoopTestBase(fixture)
{
    private const string Route = "/api/v1/corrective-actions";

    private int _n;

    protected async Task<(HttpStatusCode Status, JsonObject Body, string? ETag)> SendAsync(HttpMethod method, string path, JsonNode? body = null, string? ifMatch = null, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = Json(body);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        using var response = await (client ?? Client).SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var parsed = text.Length == 0 ? new JsonObject() : JsonNode.Parse(text) as JsonObject ?? new JsonObject { ["value"] = JsonNode.Parse(text) };
        return (response.StatusCode, parsed, response.Headers.ETag?.Tag);
    }

    private async Task<JsonObject> Expect(HttpStatusCode expected, HttpMethod method, string path, JsonNode? body = null, string? ifMatch = null)
    {
        var (status, result, _) = await SendAsync(method, path, body, ifMatch);
        Assert.True(expected == status, $"{method} {path}: expected {(int)expected}, got {(int)status}: {result.ToJsonString()}");
        return result;
    }

    private async Task<JsonObject> OpenAsync(JsonObject? body = null)
    {
        var (status, result, etag) = await SendAsync(HttpMethod.Post, Route, body ?? new JsonObject { ["nonConformity"] = "回访记录未在 10 分钟内录入", ["owner"] = "张主管" });
        Assert.True(status == HttpStatusCode.Created, result.ToJsonString());
        Assert.Equal($"\"{(int)result["version"]!}\"", etag);
        return result;
    }

    /// <summary>One unsatisfied visit (score 1) of <paramref name="serviceType"/> in department AfterSales; its feedback id.</summary>
    private async Task<Guid> UnsatisfiedAsync(string serviceType = "Repair")
    {
        var n = Interlocked.Increment(ref _n);
        var taskId = await CreateTaskAsync($"C-CA-{n}", serviceType);
        var recorded = await RecordAsync(taskId, Feedback(1));
        return IdOf(recorded["feedback"]!["id"]);
    }

    private Task<List<JsonObject>> ActionsAsync() => ListAsync("");

    private async Task<List<JsonObject>> ListAsync(string query) =>
        [.. (await GetAsync(Route + query))["items"]!.AsArray().Select(i => i!.AsObject())];

    [Fact]
    public async Task An_action_opened_by_hand_goes_through_implementation_verification_and_closing_with_its_history_and_events()
    {
        var feedbackId = await UnsatisfiedAsync("Install");
        var opened = await OpenAsync(new JsonObject
        {
            ["nonConformity"] = "安装后未清理现场",
            ["owner"] = "张主管",
            ["department"] = "AfterSales",
            ["feedbackIds"] = new JsonArray(feedbackId.ToString()),
        });
        var id = IdOf(opened["id"]);
        Assert.Equal("Manual", (string?)opened["source"]);
        Assert.Equal("Open", (string?)opened["status"]);
        Assert.Equal("2026-12-25", (string?)opened["dueDate"]); // the policy's 30 days after today (Shanghai)
        Assert.Equal(feedbackId, IdOf(opened["feedbackIds"]![0]));
        Assert.Contains("(", (string?)opened["openedBy"]);

        // Read with its ETag; a matching If-None-Match is a 304.
        using (var request = new HttpRequestMessage(HttpMethod.Get, $"{Route}/{id}"))
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", "\"1\"");
            Assert.Equal(HttpStatusCode.NotModified, (await Client.SendAsync(request)).StatusCode);
        }

        // Implementing needs the root cause and the corrective action written down.
        var incomplete = await Expect(HttpStatusCode.Conflict, HttpMethod.Post, $"{Route}/{id}/implement", new JsonObject());
        Assert.Equal("corrective-action-incomplete", (string?)incomplete["code"]);

        // A stale If-Match is a 412 and changes nothing; the current one goes through.
        var stale = await Expect(HttpStatusCode.PreconditionFailed, HttpMethod.Patch, $"{Route}/{id}", new JsonObject { ["rootCause"] = "x" }, "\"7\"");
        Assert.Equal("\"1\"", (string?)stale["currentETag"]);
        var updated = await Expect(HttpStatusCode.OK, HttpMethod.Patch, $"{Route}/{id}",
            new JsonObject { ["rootCause"] = "师傅未带清洁工具", ["correctiveAction"] = "上门清理", ["preventiveAction"] = "工具包加入清洁用品" }, "\"1\"");
        Assert.Equal(2, (int)updated["version"]!);
        Assert.Equal("师傅未带清洁工具", (string?)updated["rootCause"]);
        Assert.Equal("张主管", (string?)updated["owner"]);

        var implemented = await Expect(HttpStatusCode.OK, HttpMethod.Post, $"{Route}/{id}/implement", new JsonObject { ["note"] = "已培训" }, "\"2\"");
        Assert.Equal("Implemented", (string?)implemented["status"]);

        // Not verified yet: no closing. Without a problem the verifier says whether it worked.
        Assert.Equal("corrective-action-not-verified", (string?)(await Expect(HttpStatusCode.Conflict, HttpMethod.Post, $"{Route}/{id}/close", new JsonObject()))["code"]);
        await Expect(HttpStatusCode.BadRequest, HttpMethod.Post, $"{Route}/{id}/verify", new JsonObject());
        Fixture.Clock.Advance(TimeSpan.FromDays(20));
        var verified = await Expect(HttpStatusCode.OK, HttpMethod.Post, $"{Route}/{id}/verify", new JsonObject { ["effective"] = true, ["note"] = "两周无复发" });
        Assert.True((bool)verified["verification"]!["effective"]!);
        Assert.Null(verified["verification"]!["evidence"]);
        Assert.Equal("corrective-action-already-verified", (string?)(await Expect(HttpStatusCode.Conflict, HttpMethod.Post, $"{Route}/{id}/verify", new JsonObject { ["effective"] = true }))["code"]);

        var closed = await Expect(HttpStatusCode.OK, HttpMethod.Post, $"{Route}/{id}/close", new JsonObject());
        Assert.Equal("Closed", (string?)closed["status"]);
        Assert.True((bool)closed["closedEffective"]!);
        Assert.Equal("invalid-transition", (string?)(await Expect(HttpStatusCode.Conflict, HttpMethod.Patch, $"{Route}/{id}", new JsonObject { ["owner"] = "x" }))["code"]);

        var history = await GetAsync($"{Route}/{id}/history");
        Assert.Equal(["opened", "updated", "implemented", "verified", "closed"], history["entries"]!.AsArray().Select(e => (string?)e!["action"]));
        Assert.Equal("安装后未清理现场", (string?)history["entries"]![0]!["note"]);

        var events = (await EventsAsync()).Where(e => ((string)e["type"]!).StartsWith("CorrectiveAction", StringComparison.Ordinal)).ToList();
        Assert.Equal(["CorrectiveActionOpened", "CorrectiveActionClosed"], events.Select(e => (string?)e["type"]));
        Assert.Equal("Manual", (string?)events[0]["payload"]!["source"]);
        Assert.True((bool)events[1]["payload"]!["effective"]!);
        Assert.Equal(id, IdOf(events[1]["payload"]!["correctiveActionId"]));
    }

    [Fact]
    public async Task The_third_unsatisfied_visit_of_a_service_type_and_department_proposes_one_action_and_the_fourth_no_second()
    {
        await UnsatisfiedAsync();
        await UnsatisfiedAsync();
        await UnsatisfiedAsync("Install"); // another problem: does not count
        Assert.Empty(await ActionsAsync());

        Fixture.Clock.Advance(TimeSpan.FromDays(10));
        var third = await UnsatisfiedAsync();
        var proposed = Assert.Single(await ActionsAsync());
        Assert.Equal("Recurrence", (string?)proposed["source"]);
        Assert.Equal("Proposed", (string?)proposed["status"]);
        Assert.Equal("ServiceTypeAndDepartment", (string?)proposed["problem"]!["kind"]);
        Assert.Equal("Repair", (string?)proposed["problem"]!["serviceType"]);
        Assert.Equal("AfterSales", (string?)proposed["department"]);
        Assert.Equal("ServiceTypeAndDepartment:Repair|AfterSales", (string?)proposed["problem"]!["key"]);
        Assert.Equal(3, proposed["feedbackIds"]!.AsArray().Count);
        Assert.Contains(third, proposed["feedbackIds"]!.AsArray().Select(IdOf));
        Assert.Null(proposed["openedBy"]);

        await UnsatisfiedAsync();
        Assert.Single(await ActionsAsync());
        var opened = Assert.Single(await EventsAsync("CorrectiveActionOpened"));
        Assert.Equal("Proposed", (string?)opened["payload"]!["status"]);
        Assert.Equal("Recurrence", (string?)opened["payload"]!["source"]);

        // By hand, the same problem is refused while its action is live.
        var refused = await Expect(HttpStatusCode.Conflict, HttpMethod.Post, Route, new JsonObject
        {
            ["nonConformity"] = "重复维修不满意",
            ["problem"] = new JsonObject { ["kind"] = "ServiceTypeAndDepartment", ["serviceType"] = "Repair", ["department"] = "AfterSales" },
        });
        Assert.Equal("corrective-action-already-open", (string?)refused["code"]);

        // Dismissed, the proposal lets go of the problem: the next recurrence proposes again.
        var id = IdOf(proposed["id"]);
        await Expect(HttpStatusCode.OK, HttpMethod.Post, $"{Route}/{id}/dismiss", new JsonObject { ["reason"] = "个案" });
        await UnsatisfiedAsync();
        Assert.Equal(2, (await ListAsync("?source=Recurrence")).Count);
        Assert.Single(await ListAsync("?status=Dismissed"));
    }

    [Fact]
    public async Task Occurrences_older_than_the_window_do_not_count()
    {
        await UnsatisfiedAsync();
        await UnsatisfiedAsync();
        Fixture.Clock.Advance(TimeSpan.FromDays(91));
        await UnsatisfiedAsync();
        Assert.Empty(await ActionsAsync());
    }

    [Fact]
    public async Task A_policy_without_automatic_proposals_proposes_nothing()
    {
        var (status, body, _) = await SendAsync(HttpMethod.Put, "/api/v1/policies/quality", new JsonObject { ["autoProposeCorrectiveActions"] = false });
        Assert.True(status == HttpStatusCode.OK, body.ToJsonString());
        for (var i = 0; i < 4; i++)
        {
            await UnsatisfiedAsync();
        }

        Assert.Empty(await ActionsAsync());
    }

    [Fact]
    public async Task Verification_reruns_the_rule_over_the_period_after_implementation_and_a_recurring_problem_reopens_the_action()
    {
        for (var i = 0; i < 3; i++)
        {
            await UnsatisfiedAsync();
        }

        var id = IdOf(Assert.Single(await ActionsAsync())["id"]);
        await Expect(HttpStatusCode.OK, HttpMethod.Post, $"{Route}/{id}/accept", new JsonObject());
        await Expect(HttpStatusCode.OK, HttpMethod.Patch, $"{Route}/{id}", new JsonObject { ["rootCause"] = "配件质量", ["correctiveAction"] = "更换供应商" });
        await Expect(HttpStatusCode.OK, HttpMethod.Post, $"{Route}/{id}/implement", new JsonObject());

        // After implementation the problem comes back three times: still one (implemented) action, and the evidence says so.
        Fixture.Clock.Advance(TimeSpan.FromDays(5));
        for (var i = 0; i < 3; i++)
        {
            await UnsatisfiedAsync();
        }

        Assert.Single(await ActionsAsync());
        Fixture.Clock.Advance(TimeSpan.FromDays(5));
        var verified = await Expect(HttpStatusCode.OK, HttpMethod.Post, $"{Route}/{id}/verify", new JsonObject());
        var evidence = verified["verification"]!["evidence"]!;
        Assert.Equal(3, (int)evidence["occurrences"]!);
        Assert.Equal(3, (int)evidence["mostInWindow"]!);
        Assert.Equal(3, (int)evidence["threshold"]!);
        Assert.Equal(90, (int)evidence["windowDays"]!);
        Assert.True((bool)evidence["recurred"]!);
        Assert.False((bool)verified["verification"]!["effective"]!);
        Assert.Equal("2026-11-25T02:00:00+00:00", DateTimeOffset.Parse((string)evidence["from"]!).ToString("yyyy-MM-ddTHH:mm:sszzz"));

        // Not effective: it cannot be reopened as effective would be closed; it is reopened with a new due date.
        var reopened = await Expect(HttpStatusCode.OK, HttpMethod.Post, $"{Route}/{id}/reopen", new JsonObject { ["reason"] = "仍复发", ["dueDate"] = "2027-01-31" });
        Assert.Equal("Open", (string?)reopened["status"]);
        Assert.Equal(1, (int)reopened["reopened"]!);
        Assert.Null(reopened["verification"]);
        Assert.Equal("2027-01-31", (string?)reopened["dueDate"]);

        // Implemented again and this time the problem stays away: effective, closed.
        await Expect(HttpStatusCode.OK, HttpMethod.Post, $"{Route}/{id}/implement", new JsonObject());
        Fixture.Clock.Advance(TimeSpan.FromDays(30));
        var second = await Expect(HttpStatusCode.OK, HttpMethod.Post, $"{Route}/{id}/verify", new JsonObject());
        Assert.Equal(0, (int)second["verification"]!["evidence"]!["occurrences"]!);
        Assert.True((bool)second["verification"]!["effective"]!);
        Assert.Equal("corrective-action-effective", (string?)(await Expect(HttpStatusCode.Conflict, HttpMethod.Post, $"{Route}/{id}/reopen", new JsonObject()))["code"]);
        var closed = await Expect(HttpStatusCode.OK, HttpMethod.Post, $"{Route}/{id}/close", new JsonObject());
        Assert.True((bool)closed["closedEffective"]!);
        var history = await GetAsync($"{Route}/{id}/history");
        Assert.Equal(["opened", "accepted", "updated", "implemented", "verified", "reopened", "implemented", "verified", "closed"], history["entries"]!.AsArray().Select(e => (string?)e!["action"]));
    }

    [Fact]
    public async Task An_action_past_its_due_date_raises_CorrectiveActionOverdue_once_per_due_date_even_with_two_monitors()
    {
        var action = await OpenAsync(new JsonObject { ["nonConformity"] = "逾期测试", ["dueDate"] = "2026-11-26" });
        var id = IdOf(action["id"]);
        var monitor = Fixture.App.Services.GetRequiredService<CorrectiveActionMonitor>();

        // Due on the 26th (Shanghai): still on time at 23:00 that day.
        Fixture.Clock.Advance(TimeSpan.FromHours(37)); // 2026-11-26 23:00 +08:00
        Assert.Equal(0, (await monitor.TickAsync(CancellationToken.None)).Overdue);
        Assert.False((bool)(await GetAsync($"{Route}/{id}"))["overdue"]!);

        Fixture.Clock.Advance(TimeSpan.FromHours(2));
        var ticks = await Task.WhenAll(monitor.TickAsync(CancellationToken.None), monitor.TickAsync(CancellationToken.None));
        Assert.Equal(1, ticks.Sum(t => t.Overdue));
        Assert.Equal(0, (await monitor.TickAsync(CancellationToken.None)).Overdue);
        var overdue = await GetAsync($"{Route}/{id}");
        Assert.True((bool)overdue["overdue"]!);
        Assert.NotNull(overdue["overdueRaisedAt"]);
        Assert.Equal(1, (int)overdue["version"]!); // the monitor's bookkeeping keeps the ETag
        Assert.Single(await ListAsync("?overdue=true"));
        var e = Assert.Single(await EventsAsync("CorrectiveActionOverdue"));
        Assert.Equal("2026-11-26", (string?)e["payload"]!["dueDate"]);

        // A new due date that passes too is raised again, once.
        await Expect(HttpStatusCode.OK, HttpMethod.Patch, $"{Route}/{id}", new JsonObject { ["dueDate"] = "2026-11-30" });
        Assert.Empty(await ListAsync("?overdue=true"));
        Fixture.Clock.Advance(TimeSpan.FromDays(4));
        Assert.Equal(1, (await monitor.TickAsync(CancellationToken.None)).Overdue);
        Assert.Equal(0, (await monitor.TickAsync(CancellationToken.None)).Overdue);
        Assert.Equal(2, await CountEventsAsync("CorrectiveActionOverdue"));

        // An implemented action is not overdue.
        await Expect(HttpStatusCode.OK, HttpMethod.Patch, $"{Route}/{id}", new JsonObject { ["rootCause"] = "r", ["correctiveAction"] = "c" });
        await Expect(HttpStatusCode.OK, HttpMethod.Post, $"{Route}/{id}/implement", new JsonObject());
        Assert.False((bool)(await GetAsync($"{Route}/{id}"))["overdue"]!);
        Assert.Empty(await ListAsync("?overdue=true"));
    }

    [Fact]
    public async Task Links_name_only_the_tenants_own_feedback_and_escalations_and_another_tenant_sees_nothing()
    {
        var feedbackId = await UnsatisfiedAsync("Install");
        var action = await OpenAsync();
        var id = IdOf(action["id"]);
        var unknown = await Expect(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, $"{Route}/{id}/links", new JsonObject { ["escalationIds"] = new JsonArray(Guid.NewGuid().ToString()) });
        Assert.Equal("corrective-action-unknown-link", (string?)unknown["code"]);
        var linked = await Expect(HttpStatusCode.OK, HttpMethod.Post, $"{Route}/{id}/links", new JsonObject { ["feedbackIds"] = new JsonArray(feedbackId.ToString(), feedbackId.ToString()) });
        Assert.Single(linked["feedbackIds"]!.AsArray());
        Assert.Single(await ListAsync($"?feedbackId={feedbackId}"));

        using var other = await Fixture.CreateClientAsync(ApiFixture.TenantB, "reports:read", "quality:write");
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, $"{Route}/{id}", client: other)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, $"{Route}/{id}/history", client: other)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Post, $"{Route}/{id}/implement", new JsonObject(), client: other)).Status);
        var (_, list, _) = await SendAsync(HttpMethod.Get, Route, client: other);
        Assert.Empty(list["items"]!.AsArray());

        // Tenant B cannot link tenant A's feedback to an action of its own.
        var (status, foreign, _) = await SendAsync(HttpMethod.Post, Route, new JsonObject { ["nonConformity"] = "x", ["feedbackIds"] = new JsonArray(feedbackId.ToString()) }, client: other);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("corrective-action-unknown-link", (string?)foreign["code"]);
    }

    [Fact]
    public async Task An_idempotent_open_replays_its_answer()
    {
        var body = new JsonObject { ["nonConformity"] = "重放" };
        HttpResponseMessage first, second;
        using (var request = new HttpRequestMessage(HttpMethod.Post, Route) { Content = Json(body) })
        {
            request.Headers.Add("Idempotency-Key", "capa-1");
            first = await Client.SendAsync(request);
        }

        using (var request = new HttpRequestMessage(HttpMethod.Post, Route) { Content = Json(body) })
        {
            request.Headers.Add("Idempotency-Key", "capa-1");
            second = await Client.SendAsync(request);
        }

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal((string?)(await ReadObjectAsync(first))["id"], (string?)(await ReadObjectAsync(second))["id"]);
        Assert.Single(await ActionsAsync());
    }

    [Theory]
    [InlineData("POST", "", """{"nonConformity":"a\u0000b"}""")]
    [InlineData("POST", "", """{"nonConformity":""}""")]
    [InlineData("POST", "", """{}""")]
    [InlineData("POST", "", """{"nonConformity":"x","owner":"OWNER_TOO_LONG"}""")]
    [InlineData("POST", "", """{"nonConformity":"HUGE"}""")]
    [InlineData("POST", "", """{"nonConformity":"x","dueDate":"2026-02-30"}""")]
    [InlineData("POST", "", """{"nonConformity":"x","dueDate":"2026-11-24"}""")]
    [InlineData("POST", "", """{"nonConformity":"x","dueDate":"9999-12-31"}""")]
    [InlineData("POST", "", """{"nonConformity":"x","dueDate":"2026-11-30T00:00:00Z"}""")]
    [InlineData("POST", "", """{"nonConformity":"x","problem":{"kind":"Category","category":"Praise"}}""")]
    [InlineData("POST", "", """{"nonConformity":"x","problem":{"kind":"Category","category":"Complaint,Suggestion"}}""")]
    [InlineData("POST", "", """{"nonConformity":"x","problem":{"kind":"ServiceTypeAndDepartment"}}""")]
    [InlineData("POST", "", """{"nonConformity":"x","problem":{"kind":1,"serviceType":"Repair"}}""")]
    [InlineData("POST", "", """{"nonConformity":"x","problem":{"kind":"1","serviceType":"Repair"}}""")]
    [InlineData("POST", "", """{"nonConformity":"x","feedbackIds":["not-a-guid"]}""")]
    [InlineData("POST", "", """{"nonConformity":"x","feedbackIds":[null]}""")]
    [InlineData("GET", "?status=Open,Closed", null)]
    [InlineData("GET", "?status=1", null)]
    [InlineData("GET", "?status=Nope", null)]
    [InlineData("GET", "?source=3", null)]
    [InlineData("GET", "?overdue=maybe", null)]
    [InlineData("GET", "?department=%00", null)]
    [InlineData("GET", "?limit=0", null)]
    [InlineData("GET", "?cursor=garbage", null)]
    [InlineData("PATCH", "/ID", """{"nonConformity":""}""")]
    [InlineData("PATCH", "/ID", """{"rootCause":"HUGE"}""")]
    [InlineData("PATCH", "/ID", """{"dueDate":"2026-13-01"}""")]
    [InlineData("PATCH", "/ID", """{"dueDate":"2000-01-01"}""")]
    [InlineData("POST", "/ID/dismiss", """{"reason":"HUGE"}""")]
    [InlineData("POST", "/ID/verify", """{"effective":"yes"}""")]
    [InlineData("POST", "/ID/links", """{"feedbackIds":"x"}""")]
    public async Task Bad_input_is_a_400_problem(string method, string path, string? body)
    {
        var id = IdOf((await OpenAsync())["id"]);
        var huge = new string('长', 2001);
        body = body?.Replace("HUGE", huge, StringComparison.Ordinal).Replace("OWNER_TOO_LONG", new string('o', 101), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(method), Route + path.Replace("ID", id.ToString(), StringComparison.Ordinal));
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {path} {body?[..Math.Min(body.Length, 80)]}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("\"1")]
    [InlineData("W/\"1\"")]
    public async Task A_malformed_or_weak_If_Match_does_not_change_anything(string ifMatch)
    {
        var id = IdOf((await OpenAsync())["id"]);
        var (status, _, _) = await SendAsync(HttpMethod.Patch, $"{Route}/{id}", new JsonObject { ["owner"] = "x" }, ifMatch);
        Assert.True(status is HttpStatusCode.BadRequest or HttpStatusCode.PreconditionFailed, status.ToString());
        Assert.Equal(1, (int)(await GetAsync($"{Route}/{id}"))["version"]!);
    }

    [Fact]
    public async Task Unknown_actions_are_404_problems()
    {
        var id = Guid.NewGuid();
        Assert.Equal("corrective-action-not-found", (string?)(await Expect(HttpStatusCode.NotFound, HttpMethod.Get, $"{Route}/{id}"))["code"]);
        await Expect(HttpStatusCode.NotFound, HttpMethod.Post, $"{Route}/{id}/accept", new JsonObject());
        await Expect(HttpStatusCode.NotFound, HttpMethod.Patch, $"{Route}/{id}", new JsonObject { ["owner"] = "x" });
        await Expect(HttpStatusCode.NotFound, HttpMethod.Get, $"{Route}/{id}/history");
    }

    [Fact]
    public async Task The_report_counts_actions_opened_in_the_period_by_month_and_department_in_JSON_and_CSV()
    {
        for (var i = 0; i < 3; i++)
        {
            await UnsatisfiedAsync();
        }

        var manual = IdOf((await OpenAsync(new JsonObject { ["nonConformity"] = "手工", ["department"] = "Install", ["dueDate"] = "2026-11-26" }))["id"]);
        await Expect(HttpStatusCode.OK, HttpMethod.Patch, $"{Route}/{manual}", new JsonObject { ["rootCause"] = "r", ["correctiveAction"] = "c" });
        await Expect(HttpStatusCode.OK, HttpMethod.Post, $"{Route}/{manual}/implement", new JsonObject());
        await OpenAsync(new JsonObject { ["nonConformity"] = "逾期", ["department"] = "Install", ["dueDate"] = "2026-11-26" });
        Fixture.Clock.Advance(TimeSpan.FromDays(2));
        await Expect(HttpStatusCode.OK, HttpMethod.Post, $"{Route}/{manual}/verify", new JsonObject { ["effective"] = true });
        await Expect(HttpStatusCode.OK, HttpMethod.Post, $"{Route}/{manual}/close", new JsonObject());

        var report = await GetAsync("/api/v1/reports/corrective-actions?from=2026-11-01&to=2026-11-30");
        Assert.Equal("Month", (string?)report["groupBy"]);
        var row = Assert.Single(report["rows"]!.AsArray())!;
        Assert.Equal("2026-11", (string?)row["group"]);
        Assert.Equal(3, (int)row["opened"]!);
        Assert.Equal(1, (int)row["proposed"]!);
        Assert.Equal(2, (int)row["open"]!);
        Assert.Equal(1, (int)row["overdue"]!);
        Assert.Equal(1, (int)row["closed"]!);
        Assert.Equal(1, (int)row["closedEffective"]!);
        Assert.Equal(2.0, (double)row["meanDaysToClose"]!);

        var byDepartment = await GetAsync("/api/v1/reports/corrective-actions?from=2026-11-01&to=2026-11-30&groupBy=department");
        Assert.Equal(["AfterSales", "Install"], byDepartment["rows"]!.AsArray().Select(r => (string?)r!["group"]));
        Assert.Equal(3, (int)byDepartment["total"]!["opened"]!);

        var csv = await Client.GetStringAsync("/api/v1/reports/corrective-actions?from=2026-11-01&to=2026-11-30&format=csv");
        Assert.Contains("2026-11,3,1,2,1,0,1,1,0,2", csv, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync("/api/v1/reports/corrective-actions?from=2026-11-01&to=2026-11-30&groupBy=assignee")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync("/api/v1/reports/corrective-actions?from=2026-11-31&to=2026-11-30")).StatusCode);
    }

    [Fact]
    public async Task Two_saves_of_the_third_occurrence_at_once_propose_one_action()
    {
        await UnsatisfiedAsync();
        await UnsatisfiedAsync();
        var tasks = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            tasks.Add(await CreateTaskAsync($"C-CA-race-{i}"));
        }

        var responses = await Task.WhenAll(tasks.Select(t => Client.PostAsync($"/api/v1/visit-tasks/{t}/feedback", Json(Feedback(1)))));
        foreach (var r in responses)
        {
            Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        }

        var proposed = Assert.Single(await ActionsAsync());
        Assert.Equal("Proposed", (string?)proposed["status"]);
        Assert.Equal(1, await Fixture.InScopeAsync(db => db.CorrectiveActions.CountAsync()));
    }
}
