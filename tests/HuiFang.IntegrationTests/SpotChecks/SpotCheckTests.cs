using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using HuiFang.Api.Domain.FollowUp;
using HuiFang.IntegrationTests.Infrastructure;
using HuiFang.IntegrationTests.VisitTasks;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.IntegrationTests.SpotChecks;

public sealed class SqliteSpotCheckTests(SqliteApiFixture fixture) : SpotCheckTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresSpotCheckTests(PostgresApiFixture fixture) : SpotCheckTests(fixture), IClassFixture<PostgresApiFixture>;

/// <summary>
/// Monthly spot-checks over HTTP: the sample per agent (percent or count), its reproducibility and explanation, the
/// judgments with If-Match, completion with its events, the report, tenant isolation and bad inputs. The test clock
/// stands on Wednesday 2026-11-25 10:00 in Shanghai, so the visits recorded now fall in 2026-11.
/// </summary>
public abstract class SpotCheckTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    private int _n;

    /// <summary>A visit of <paramref name="agent"/> recorded now; <paramref name="lateMinutes"/> after the call's end.</summary>
    private async Task<Guid> VisitAsync(string agent, string department = "AfterSales", string? comment = "客户表示维修及时", int lateMinutes = 5, HttpClient? client = null)
    {
        client ??= Client;
        var n = Interlocked.Increment(ref _n);
        var task = VisitTaskRequests.NewTask(customer: $"C-SC-{n}", workOrder: $"WO-SC-{n}", assignee: agent);
        task["serviceRecord"]!["department"] = department;
        var created = await client.PostAsync("/api/v1/visit-tasks", Json(task));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var taskId = (Guid)(await ReadObjectAsync(created))["id"]!;
        var feedback = new JsonObject
        {
            ["score"] = 5,
            ["categories"] = new JsonArray("Praise"),
            ["comment"] = comment,
            ["recordedBy"] = agent,
            ["callEndedAt"] = Fixture.Clock.GetUtcNow().AddMinutes(-lateMinutes).ToString("O"),
            ["callDurationSeconds"] = 120,
        };
        var recorded = await client.PostAsync($"/api/v1/visit-tasks/{taskId}/feedback", Json(feedback));
        Assert.True(recorded.StatusCode == HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync());
        return taskId;
    }

    private async Task<(HttpStatusCode Status, JsonObject Body, HttpResponseMessage Response)> SendAsync(HttpMethod method, string path, JsonNode? body = null, string? ifMatch = null, string? idempotencyKey = null, HttpClient? client = null)
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

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var response = await (client ?? Client).SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? new JsonObject() : (JsonNode.Parse(text) as JsonObject ?? new JsonObject { ["array"] = JsonNode.Parse(text) }), response);
    }

    private async Task<JsonObject> OpenAsync(JsonObject body, string? idempotencyKey = null)
    {
        var (status, created, _) = await SendAsync(HttpMethod.Post, "/api/v1/spot-checks", body, idempotencyKey: idempotencyKey);
        Assert.True(status == HttpStatusCode.Created, created.ToJsonString());
        return created;
    }

    private static JsonObject Body(string month = "2026-11", string level = "Supervisor", int? percent = null, int? count = null, string? department = null)
    {
        var body = new JsonObject { ["month"] = month, ["level"] = level };
        if (percent is not null)
        {
            body["percent"] = percent;
        }

        if (count is not null)
        {
            body["countPerAgent"] = count;
        }

        if (department is not null)
        {
            body["department"] = department;
        }

        return body;
    }

    private static List<Guid> TaskIds(JsonObject check) => [.. check["picks"]!.AsArray().Select(p => (Guid)p!["taskId"]!)];

    private static JsonObject Judgment(bool pass = true, params string[] reasons) => new()
    {
        ["real"] = true,
        ["complete"] = true,
        ["objective"] = pass,
        ["onTime"] = true,
        ["reasons"] = new JsonArray([.. reasons.Select(r => (JsonNode)JsonValue.Create(r)!)]),
        ["note"] = "抽查",
    };

    [Fact]
    public async Task A_spot_check_is_sampled_per_agent_judged_with_If_Match_completed_once_every_pick_is_judged_and_reported()
    {
        for (var i = 0; i < 12; i++)
        {
            await VisitAsync("agent-a");
        }

        await VisitAsync("agent-b", comment: "我觉得客户无理取闹, I think he is rude", lateMinutes: 25);
        await VisitAsync("agent-b", comment: null, lateMinutes: 25);
        await VisitAsync("agent-b", comment: null, lateMinutes: 25);

        var (status, check, response) = await SendAsync(HttpMethod.Post, "/api/v1/spot-checks", Body(percent: 25));
        Assert.True(status == HttpStatusCode.Created, check.ToJsonString());
        var id = (Guid)check["id"]!;
        Assert.Equal($"/api/v1/spot-checks/{id}", response.Headers.Location?.ToString());
        Assert.Equal("\"1\"", response.Headers.ETag?.ToString());
        Assert.Equal("Open", (string)check["status"]!);
        Assert.Equal(15, (int)check["population"]!);
        Assert.Equal(2, (int)check["agents"]!);
        Assert.Equal(25, (int)check["rule"]!["percent"]!);
        Assert.False((bool)check["rule"]!["fromPolicy"]!);
        Assert.StartsWith("tests admin (", (string)check["openedBy"]!);
        var picks = check["picks"]!.AsArray();
        Assert.Equal(4, picks.Count); // ceil(12 × 25 %) = 3 of agent-a, ceil(3 × 25 %) = 1 of agent-b
        var ofA = picks.Where(p => (string?)p!["explanation"]!["agent"] == "agent-a").ToList();
        var ofB = Assert.Single(picks, p => (string?)p!["explanation"]!["agent"] == "agent-b");
        Assert.Equal(3, ofA.Count);
        Assert.Equal([1, 2, 3], ofA.Select(p => (int)p!["explanation"]!["rank"]!));
        Assert.All(ofA, p => Assert.Equal("ceil(12 × 25 %) = 3", (string)p!["explanation"]!["takenBecause"]!));
        Assert.Equal("ceil(3 × 25 %) = 1", (string)ofB!["explanation"]!["takenBecause"]!);
        Assert.Equal(12, (int)ofA[0]!["explanation"]!["population"]!);

        // What the service sees: agent-b's visits were entered 25 minutes after the call and one says what the agent thought.
        Assert.All(ofA, p => Assert.True((bool)p!["facts"]!["recordedWithinLimit"]!));
        Assert.False((bool)ofB["facts"]!["recordedWithinLimit"]!);

        // Judging: If-Match must name the current version; a fail needs a reason.
        var first = (Guid)picks[0]!["id"]!;
        var judgeFirst = $"/api/v1/spot-checks/{id}/picks/{first}/judgment";
        var (judged, body, judgedResponse) = await SendAsync(HttpMethod.Post, judgeFirst, Judgment(), ifMatch: "\"1\"");
        Assert.True(judged == HttpStatusCode.OK, body.ToJsonString());
        Assert.Equal("\"2\"", judgedResponse.Headers.ETag?.ToString());
        Assert.True((bool)body["picks"]!.AsArray().Single(p => (Guid)p!["id"]! == first)!["judgment"]!["passed"]!);
        Assert.Equal(1, (int)body["judged"]!);
        var (stale, staleBody, _) = await SendAsync(HttpMethod.Post, judgeFirst, Judgment(), ifMatch: "\"1\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale);
        Assert.Equal("\"2\"", (string)staleBody["currentETag"]!);
        var (noReason, noReasonBody, _) = await SendAsync(HttpMethod.Post, judgeFirst, Judgment(pass: false));
        Assert.Equal(HttpStatusCode.BadRequest, noReason);
        Assert.True(noReasonBody["errors"]!.AsObject().ContainsKey("reasons"), noReasonBody.ToJsonString());
        var (unknownPick, unknownBody, _) = await SendAsync(HttpMethod.Post, $"/api/v1/spot-checks/{id}/picks/{Guid.NewGuid()}/judgment", Judgment());
        Assert.Equal(HttpStatusCode.NotFound, unknownPick);
        Assert.Equal("spot-check-pick-not-found", (string)unknownBody["code"]!);

        // Not every pick judged: no completion.
        var (early, earlyBody, _) = await SendAsync(HttpMethod.Post, $"/api/v1/spot-checks/{id}/complete", new JsonObject());
        Assert.Equal(HttpStatusCode.Conflict, early);
        Assert.Equal("spot-check-picks-not-judged", (string)earlyBody["code"]!);
        Assert.Equal(3, (int)earlyBody["notJudged"]!);

        foreach (var pick in picks.Skip(1))
        {
            var failing = (string?)pick!["explanation"]!["agent"] == "agent-b";
            var (s, b, _) = await SendAsync(HttpMethod.Post, $"/api/v1/spot-checks/{id}/picks/{(Guid)pick["id"]!}/judgment", failing ? Judgment(false, "主观描述") : Judgment());
            Assert.True(s == HttpStatusCode.OK, b.ToJsonString());
        }

        var (completed, done, doneResponse) = await SendAsync(HttpMethod.Post, $"/api/v1/spot-checks/{id}/complete", new JsonObject { ["note"] = "本月抽查完成" }, ifMatch: "\"5\"");
        Assert.True(completed == HttpStatusCode.OK, done.ToJsonString());
        Assert.Equal("Completed", (string)done["status"]!);
        Assert.Equal(3, (int)done["passed"]!);
        Assert.Equal(1, (int)done["failed"]!);
        Assert.Equal(0.75, (double)done["passRate"]!);
        Assert.Equal("\"6\"", doneResponse.Headers.ETag?.ToString());
        var (after, afterBody, _) = await SendAsync(HttpMethod.Post, judgeFirst, Judgment());
        Assert.Equal(HttpStatusCode.Conflict, after);
        Assert.Equal("invalid-transition", (string)afterBody["code"]!);

        // Read back with its ETag (304 for the same one), the list, the history and the events.
        var read = await Client.GetAsync($"/api/v1/spot-checks/{id}");
        Assert.Equal("\"6\"", read.Headers.ETag?.ToString());
        using (var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/spot-checks/{id}"))
        {
            conditional.Headers.TryAddWithoutValidation("If-None-Match", "\"6\"");
            Assert.Equal(HttpStatusCode.NotModified, (await Client.SendAsync(conditional)).StatusCode);
        }

        var (_, list, _) = await SendAsync(HttpMethod.Get, "/api/v1/spot-checks?month=2026-11&level=Supervisor&status=Completed");
        Assert.Equal(id, (Guid)Assert.Single(list["items"]!.AsArray())!["id"]!);
        var (_, none, _) = await SendAsync(HttpMethod.Get, "/api/v1/spot-checks?status=Open");
        Assert.Empty(none["items"]!.AsArray());
        var (_, history, _) = await SendAsync(HttpMethod.Get, $"/api/v1/spot-checks/{id}/history");
        Assert.Equal(
            ["opened", "pick-judged", "pick-judged", "pick-judged", "pick-judged", "completed"],
            history["entries"]!.AsArray().Select(e => (string)e!["action"]!));
        Assert.Equal("本月抽查完成", (string?)history["entries"]![5]!["note"]);
        var events = await Fixture.InScopeAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Type.StartsWith("SpotCheck")).Select(m => new { m.Type, m.Payload, m.StreamId }).ToListAsync());
        events = [.. events.OrderBy(e => e.Type == "SpotCheckCompleted")];
        Assert.Equal(["SpotCheckOpened", "SpotCheckCompleted"], events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal($"spot-check/{id}", e.StreamId));
        var completedEvent = JsonNode.Parse(events[1].Payload)!;
        Assert.Equal(4, (int)completedEvent["checked"]!);
        Assert.Equal(1, (int)completedEvent["notObjective"]!);
        Assert.Equal("Supervisor", (string)completedEvent["level"]!);

        // The report: per agent (default), per level, per department, per month; and as CSV.
        var (_, byAgent, _) = await SendAsync(HttpMethod.Get, "/api/v1/reports/spot-checks?from=2026-11-01&to=2026-11-30");
        Assert.Equal("Assignee", (string)byAgent["groupBy"]!);
        var rowA = byAgent["rows"]!.AsArray().Single(r => (string)r!["group"]! == "agent-a")!;
        var rowB = byAgent["rows"]!.AsArray().Single(r => (string)r!["group"]! == "agent-b")!;
        Assert.Equal((3, 3, 0), ((int)rowA["checked"]!, (int)rowA["passed"]!, (int)rowA["failed"]!));
        Assert.Equal((1, 0, 1, 1), ((int)rowB["checked"]!, (int)rowB["passed"]!, (int)rowB["failed"]!, (int)rowB["notObjective"]!));
        Assert.Equal(0.75, (double)byAgent["total"]!["passRate"]!);
        var (_, byLevel, _) = await SendAsync(HttpMethod.Get, "/api/v1/reports/spot-checks?from=2026-11-01&to=2026-11-30&groupBy=level");
        Assert.Equal("Supervisor", (string)Assert.Single(byLevel["rows"]!.AsArray())!["group"]!);
        var (_, byMonth, _) = await SendAsync(HttpMethod.Get, "/api/v1/reports/spot-checks?from=2026-11-01&to=2026-11-30&groupBy=month");
        Assert.Equal("2026-11", (string)Assert.Single(byMonth["rows"]!.AsArray())!["group"]!);
        var (_, byDepartment, _) = await SendAsync(HttpMethod.Get, "/api/v1/reports/spot-checks?from=2026-11-01&to=2026-11-30&groupBy=department");
        Assert.Equal(4, (int)Assert.Single(byDepartment["rows"]!.AsArray())!["checked"]!);
        var (_, october, _) = await SendAsync(HttpMethod.Get, "/api/v1/reports/spot-checks?from=2026-10-01&to=2026-10-31");
        Assert.Equal(0, (int)october["total"]!["checked"]!);
        var csv = await Client.GetAsync("/api/v1/reports/spot-checks?from=2026-11-01&to=2026-11-30&format=csv");
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("group,checked,passed,failed,passRate,notReal,incomplete,notObjective,late", lines[0]);
        Assert.Equal("total,4,3,1,0.75,0,0,1,0", lines[^1]);
    }

    [Fact]
    public async Task The_same_inputs_give_the_same_picks_another_level_or_key_another_sample_and_every_explanation_recomputes()
    {
        var tasks = new List<Guid>();
        for (var i = 0; i < 30; i++)
        {
            tasks.Add(await VisitAsync("agent-a"));
        }

        var first = await OpenAsync(Body(percent: 20));
        var again = await OpenAsync(Body(percent: 20));
        Assert.NotEqual((Guid)first["id"]!, (Guid)again["id"]!);
        Assert.Equal(6, TaskIds(first).Count);
        Assert.Equal(TaskIds(first), TaskIds(again));

        // The preview draws the same, without creating anything.
        var (previewStatus, preview, _) = await SendAsync(HttpMethod.Get, "/api/v1/spot-checks/preview?month=2026-11&level=Supervisor&percent=20");
        Assert.True(previewStatus == HttpStatusCode.OK, preview.ToJsonString());
        Assert.Equal(TaskIds(first), preview["picks"]!.AsArray().Select(p => (Guid)p!["taskId"]!));
        Assert.Equal(2, await Fixture.InScopeAsync(db => db.SpotChecks.CountAsync()));

        // Every explanation recomputes with the tenant's key (the tenant id while the follow-up policy names none).
        foreach (var pick in first["picks"]!.AsArray())
        {
            var explanation = pick!["explanation"]!;
            var taskId = (Guid)pick["taskId"]!;
            Assert.Equal($"spot-check:2026-11:Supervisor\n{taskId:D}", (string)explanation["hashInput"]!);
            Assert.Equal(Sampling.HashScore(ApiFixture.TenantA, "spot-check:2026-11:Supervisor", taskId.ToString("D")), (double)explanation["hashScore"]!);
            Assert.True((double)explanation["hashScore"]! <= (double)explanation["cutOff"]!);
        }

        var ranked = tasks.OrderBy(t => Sampling.HashScore(ApiFixture.TenantA, "spot-check:2026-11:Supervisor", t.ToString("D"))).Take(6).ToList();
        Assert.Equal(ranked, TaskIds(first));

        // Another level checks other visits; another month has none of these.
        var manager = await OpenAsync(Body(level: "ProjectManager", percent: 20));
        Assert.NotEqual(TaskIds(first).ToHashSet(), TaskIds(manager).ToHashSet());
        var (_, october, _) = await SendAsync(HttpMethod.Get, "/api/v1/spot-checks/preview?month=2026-10&level=Supervisor&percent=20");
        Assert.Equal(0, (int)october["population"]!);

        // A new sampling key in the follow-up policy draws a new sample, recomputable with that key.
        using (var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/policies/follow-up") { Content = Json(new JsonObject { ["samplingKey"] = "audit-2026" }) })
        {
            Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(put)).StatusCode);
        }

        var rekeyed = await OpenAsync(Body(percent: 20));
        Assert.Equal(tasks.OrderBy(t => Sampling.HashScore("audit-2026", "spot-check:2026-11:Supervisor", t.ToString("D"))).Take(6).ToList(), TaskIds(rekeyed));
        Assert.NotEqual(TaskIds(first).ToHashSet(), TaskIds(rekeyed).ToHashSet());
    }

    [Fact]
    public async Task A_count_per_agent_takes_that_many_or_all_and_the_default_comes_from_the_policy()
    {
        for (var i = 0; i < 5; i++)
        {
            await VisitAsync("agent-a");
        }

        await VisitAsync("agent-b");
        await VisitAsync("agent-c", department: "Engineering");

        var counted = await OpenAsync(Body(count: 2));
        Assert.Equal(2, counted["picks"]!.AsArray().Count(p => (string?)p!["explanation"]!["agent"] == "agent-a"));
        Assert.Equal("min(2, 5) = 2", (string)counted["picks"]![0]!["explanation"]!["takenBecause"]!);
        Assert.Equal(1, counted["picks"]!.AsArray().Count(p => (string?)p!["explanation"]!["agent"] == "agent-b"));
        Assert.Equal(4, counted["picks"]!.AsArray().Count); // 2 of agent-a, all of agent-b and agent-c (1 each)
        Assert.Equal(2, (int)counted["rule"]!["countPerAgent"]!);
        Assert.Null(counted["rule"]!["percent"]);

        var byDefault = await OpenAsync(Body(level: "QualityDepartment"));
        Assert.True((bool)byDefault["rule"]!["fromPolicy"]!);
        Assert.Equal(10, (int)byDefault["rule"]!["percent"]!);
        Assert.Equal(3, byDefault["picks"]!.AsArray().Count); // at least one per agent

        // The tenant's quality policy sets the default: here a count per agent.
        using (var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/policies/quality") { Content = Json(new JsonObject { ["spotCheckCountPerAgent"] = 4 }) })
        {
            var answer = await Client.SendAsync(put);
            Assert.True(answer.StatusCode == HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
        }

        var byPolicy = await OpenAsync(Body(level: "ProjectManager"));
        Assert.True((bool)byPolicy["rule"]!["fromPolicy"]!);
        Assert.Equal(4, (int)byPolicy["rule"]!["countPerAgent"]!);
        Assert.Equal(4, byPolicy["picks"]!.AsArray().Count(p => (string?)p!["explanation"]!["agent"] == "agent-a"));

        var engineering = await OpenAsync(Body(level: "RegionalDirector", percent: 100, department: "Engineering"));
        Assert.Equal("agent-c", (string?)Assert.Single(engineering["picks"]!.AsArray())!["explanation"]!["agent"]);
        Assert.Equal(1, (int)engineering["population"]!);

        // Idempotency-Key: a retry answers the first spot-check again.
        var once = await OpenAsync(Body(count: 1), idempotencyKey: "sc-open-1");
        var retried = await OpenAsync(Body(count: 1), idempotencyKey: "sc-open-1");
        Assert.Equal((Guid)once["id"]!, (Guid)retried["id"]!);
    }

    [Fact]
    public async Task Another_tenant_sees_nothing_and_samples_only_its_own_visits()
    {
        await VisitAsync("agent-a");
        var check = await OpenAsync(Body(percent: 100));
        var id = (Guid)check["id"]!;
        var pick = (Guid)check["picks"]![0]!["id"]!;
        using var other = await Fixture.CreateClientAsync(ApiFixture.TenantB, "reports:read", "quality:write", "tasks:write", "feedback:write");

        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, $"/api/v1/spot-checks/{id}", client: other)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, $"/api/v1/spot-checks/{id}/history", client: other)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Post, $"/api/v1/spot-checks/{id}/picks/{pick}/judgment", Judgment(), client: other)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Post, $"/api/v1/spot-checks/{id}/complete", new JsonObject(), client: other)).Status);
        Assert.Empty((await SendAsync(HttpMethod.Get, "/api/v1/spot-checks", client: other)).Body["items"]!.AsArray());

        await VisitAsync("agent-z", client: other);
        var (status, theirs, _) = await SendAsync(HttpMethod.Post, "/api/v1/spot-checks", Body(percent: 100), client: other);
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(1, (int)theirs["population"]!);
        Assert.Equal("agent-z", (string?)theirs["picks"]![0]!["explanation"]!["agent"]);
        var (_, ours, _) = await SendAsync(HttpMethod.Get, "/api/v1/spot-checks");
        Assert.Equal(id, (Guid)Assert.Single(ours["items"]!.AsArray())!["id"]!);
    }

    public static TheoryData<string> BadOpenBodies() =>
    [
        """{"month":"2026-13","level":"Supervisor"}""",
        """{"month":"2026-00","level":"Supervisor"}""",
        """{"month":"2026-1","level":"Supervisor"}""",
        """{"month":"26-11","level":"Supervisor"}""",
        """{"month":"2026-11-01","level":"Supervisor"}""",
        """{"month":"２０２６-11","level":"Supervisor"}""",
        """{"month":"2026-11\u0000","level":"Supervisor"}""",
        """{"month":"2026-11","level":"Supervisor","department":"After\u0000Sales"}""",
        """{"month":"2026-11","level":"Supervisor","department":""}""",
        """{"level":"Supervisor"}""",
        """{"month":"2026-11"}""",
        """{"month":"2026-11","level":"Boss"}""",
        """{"month":"2026-11","level":"1"}""",
        """{"month":"2026-11","level":1}""",
        """{"month":"2026-11","level":"Supervisor,ProjectManager"}""",
        """{"month":"2026-11","level":"Supervisor","percent":0}""",
        """{"month":"2026-11","level":"Supervisor","percent":101}""",
        """{"month":"2026-11","level":"Supervisor","percent":-5}""",
        """{"month":"2026-11","level":"Supervisor","countPerAgent":0}""",
        """{"month":"2026-11","level":"Supervisor","countPerAgent":1001}""",
        """{"month":"2026-11","level":"Supervisor","percent":10,"countPerAgent":2}""",
        """{"month":"2026-11","level":"Supervisor","percent":"ten"}""",
        """{"month":2026,"level":"Supervisor"}""",
    ];

    [Theory]
    [MemberData(nameof(BadOpenBodies))]
    public async Task A_bad_open_request_is_a_400_problem_and_opens_nothing(string body)
    {
        var response = await Client.PostAsync("/api/v1/spot-checks", Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{body}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await Fixture.InScopeAsync(db => db.SpotChecks.CountAsync()));
    }

    [Fact]
    public async Task A_month_that_has_not_begun_is_a_400_problem_like_a_week_that_has_not_begun()
    {
        // Tenant time (Asia/Shanghai) is at most 14 h ahead of UTC, so two months on from the clock has not begun anywhere.
        var future = Fixture.Clock.GetUtcNow().AddMonths(2).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var opened = await Client.PostAsync("/api/v1/spot-checks", Json($$"""{"month":"{{future}}","level":"Supervisor"}"""));
        var text = await opened.Content.ReadAsStringAsync();
        Assert.True(opened.StatusCode == HttpStatusCode.BadRequest, $"{future}: {(int)opened.StatusCode} {text}");
        Assert.Equal("application/problem+json", opened.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"month\"", text);
        Assert.Equal(0, await Fixture.InScopeAsync(db => db.SpotChecks.CountAsync(s => s.Month == future)));

        var preview = await Client.GetAsync($"/api/v1/spot-checks/preview?month={future}&level=Supervisor");
        Assert.Equal(HttpStatusCode.BadRequest, preview.StatusCode);
        Assert.Equal("application/problem+json", preview.Content.Headers.ContentType?.MediaType);

        // The running month stays allowed (the sample of the visits so far).
        var running = Fixture.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var current = await Client.GetAsync($"/api/v1/spot-checks/preview?month={running}&level=Supervisor");
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/spot-checks/preview?month=2026-13&level=Supervisor")]
    [InlineData("/api/v1/spot-checks/preview?level=Supervisor")]
    [InlineData("/api/v1/spot-checks/preview?month=2026-11")]
    [InlineData("/api/v1/spot-checks/preview?month=2026-11&level=2")]
    [InlineData("/api/v1/spot-checks/preview?month=2026-11&level=Supervisor,QualityDepartment")]
    [InlineData("/api/v1/spot-checks/preview?month=2026-11&level=Supervisor&percent=0")]
    [InlineData("/api/v1/spot-checks/preview?month=2026-11&level=Supervisor&percent=10&countPerAgent=1")]
    [InlineData("/api/v1/spot-checks/preview?month=2026-11%00&level=Supervisor")]
    [InlineData("/api/v1/spot-checks?month=2026-W48")]
    [InlineData("/api/v1/spot-checks?level=Boss")]
    [InlineData("/api/v1/spot-checks?status=1")]
    [InlineData("/api/v1/spot-checks?limit=0")]
    [InlineData("/api/v1/spot-checks?cursor=not-a-cursor")]
    [InlineData("/api/v1/reports/spot-checks?from=2026-11-01&to=2026-11-30&groupBy=week")]
    [InlineData("/api/v1/reports/spot-checks?from=2026-11-01&to=2026-11-30&groupBy=channel")]
    [InlineData("/api/v1/reports/spot-checks?from=2026-11-30&to=2026-11-01")]
    [InlineData("/api/v1/reports/satisfaction?from=2026-11-01&to=2026-11-30&groupBy=level")]
    [InlineData("/api/v1/reports/visits?from=2026-11-01&to=2026-11-30&groupBy=level")]
    public async Task A_bad_query_is_a_400_problem(string path)
    {
        var response = await Client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_bad_judgment_is_a_400_problem_and_an_unknown_spot_check_a_404()
    {
        await VisitAsync("agent-a");
        var check = await OpenAsync(Body(percent: 100));
        var path = $"/api/v1/spot-checks/{(Guid)check["id"]!}/picks/{(Guid)check["picks"]![0]!["id"]!}/judgment";
        foreach (var body in new[]
        {
            """{"complete":true,"objective":true,"onTime":true}""",
            """{"real":"yes","complete":true,"objective":true,"onTime":true}""",
            """{"real":true,"complete":true,"objective":false,"onTime":true,"reasons":[]}""",
            """{"real":true,"complete":true,"objective":false,"onTime":true,"reasons":["bad\u0000"]}""",
            """{"real":true,"complete":true,"objective":false,"onTime":true,"reasons":[null]}""",
            """{"real":true,"complete":true,"objective":false,"onTime":true,"reasons":[""]}""",
            "{\"real\":true,\"complete\":true,\"objective\":true,\"onTime\":true,\"reasons\":[\"" + new string('x', 201) + "\"]}",
            "{\"real\":true,\"complete\":true,\"objective\":true,\"onTime\":true,\"note\":\"" + new string('x', 2001) + "\"}",
        })
        {
            var response = await Client.PostAsync(path, Json(body));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{body}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var (malformed, _, _) = await SendAsync(HttpMethod.Post, path, Judgment(), ifMatch: "not-an-etag");
        Assert.Equal(HttpStatusCode.BadRequest, malformed);
        var (unknown, problem, _) = await SendAsync(HttpMethod.Get, $"/api/v1/spot-checks/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Equal("spot-check-not-found", (string)problem["code"]!);
        Assert.Equal(1, (int)(await SendAsync(HttpMethod.Get, $"/api/v1/spot-checks/{(Guid)check["id"]!}")).Body["version"]!);
    }
}
