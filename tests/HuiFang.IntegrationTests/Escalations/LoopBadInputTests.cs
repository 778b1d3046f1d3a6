using System.Net;
using System.Text.Json.Nodes;
using HuiFang.IntegrationTests.Infrastructure;

namespace HuiFang.IntegrationTests.Escalations;

public sealed class SqliteLoopBadInputTests(SqliteApiFixture fixture) : LoopBadInputTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresLoopBadInputTests(PostgresApiFixture fixture) : LoopBadInputTests(fixture), IClassFixture<PostgresApiFixture>;

/// <summary>Every wrong input or wrong moment gets a clear 400/409 problem, and nothing is written.</summary>
public abstract class LoopBadInputTests(ApiFixture fixture) : LoopTestBase(fixture)
{
    public static TheoryData<string, string, string> BadFeedback => new()
    {
        { """{"score":6,"categories":["Praise"]}""", "score", "Must be between 1 and 5." },
        { """{"score":0,"categories":["Praise"]}""", "score", "Must be between 1 and 5." },
        { """{"categories":["Praise"]}""", "score", "" },
        { """{"score":2,"categories":["Complaint"]}""", "complaintLevel", "Required when the categories include Complaint." },
        { """{"score":2,"categories":["Praise"],"complaintLevel":"Urgent"}""", "complaintLevel", "Only allowed when the categories include Complaint." },
        { """{"score":2,"categories":[]}""", "categories", "" },
        { """{"score":2,"categories":["Praise","Praise"]}""", "categories", "Give each category once." },
        { """{"score":4,"categories":["Praise"],"nps":11}""", "nps", "" },
        { """{"score":4,"categories":["Praise"],"dimensions":{"quality":9}}""", "dimensions.quality", "" },
        { """{"score":4,"categories":["Praise"],"pendingInquiry":"保修期？"}""", "pendingInquiry", "Only allowed when the categories include Inquiry." },
        { """{"score":4,"categories":["Praise"],"callEndedAt":"2030-01-01T00:00:00+08:00"}""", "callEndedAt", "Must not be in the future." },
    };

    [Theory]
    [MemberData(nameof(BadFeedback))]
    public async Task Bad_feedback_is_a_400_naming_the_field_and_the_task_stays_open(string body, string field, string message)
    {
        var taskId = await CreateTaskAsync();
        var response = await Client.PostAsync($"/api/v1/visit-tasks/{taskId}/feedback", Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadObjectAsync(response);
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), problem.ToJsonString());
        if (message.Length > 0)
        {
            Assert.Contains(message, errors[field]!.AsArray().Select(m => (string?)m));
        }

        Assert.Equal("Assigned", (string?)(await GetAsync($"/api/v1/visit-tasks/{taskId}"))["status"]);
        Assert.Equal(0, await CountEventsAsync("FeedbackRecorded"));
    }

    [Fact]
    public async Task Feedback_on_a_cancelled_or_completed_task_is_a_409_and_writes_nothing()
    {
        var cancelled = await CreateTaskAsync();
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync($"/api/v1/visit-tasks/{cancelled}/cancel", Json(new JsonObject { ["reason"] = "customer moved" }))).StatusCode);
        var problem = await RecordAsync(cancelled, Feedback(5), HttpStatusCode.Conflict);
        Assert.Equal("invalid-transition", (string?)problem["code"]);

        var done = await CreateTaskAsync();
        await RecordAsync(done, Feedback(1));
        await RecordAsync(done, Feedback(5), HttpStatusCode.Conflict);
        Assert.Equal(1, await CountEventsAsync("FeedbackRecorded"));
        Assert.Equal(1, await CountEventsAsync("ComplaintEscalated"));
        Assert.Single((await GetAsync($"/api/v1/feedback?taskId={done}"))["items"]!.AsArray());
        await RecordAsync(Guid.NewGuid(), Feedback(5), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Resolving_an_escalation_never_acknowledged_is_a_409_and_plans_no_revisit()
    {
        var id = IdOf((await RecordAsync(await CreateTaskAsync(), Feedback(1)))["escalation"]!["id"]);
        var problem = await StepAsync(id, "resolve", new JsonObject { ["resolution"] = "fixed" }, HttpStatusCode.Conflict);
        Assert.Equal("escalation-not-acknowledged", (string?)problem["code"]);
        Assert.Equal("Open", (string?)(await GetAsync($"/api/v1/escalations/{id}"))["status"]);
        Assert.Equal(1, await CountEventsAsync("VisitTaskCreated"));
        Assert.Equal(0, await CountEventsAsync("EscalationResolved"));
    }

    [Fact]
    public async Task Wrong_steps_and_bodies_on_an_escalation_are_problems_and_change_nothing()
    {
        var id = IdOf((await RecordAsync(await CreateTaskAsync(), Feedback(1)))["escalation"]!["id"]);
        var before = await GetAsync($"/api/v1/escalations/{id}");

        await StepAsync(id, "resume", expected: HttpStatusCode.Conflict);
        await StepAsync(id, "progress", new JsonObject { ["note"] = "x" }, HttpStatusCode.Conflict); // not acknowledged
        Assert.Contains("note", (await StepAsync(id, "progress", new JsonObject(), HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains("reason", (await StepAsync(id, "pause", new JsonObject(), HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains("department", (await StepAsync(id, "reassign", new JsonObject { ["department"] = "" }, HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key));
        await StepAsync(id, "acknowledge", expected: HttpStatusCode.BadRequest, ifMatch: "W/\"1\" garbage");
        await StepAsync(Guid.NewGuid(), "acknowledge", expected: HttpStatusCode.NotFound);
        var stale = await StepAsync(id, "acknowledge", expected: HttpStatusCode.PreconditionFailed, ifMatch: "\"99\"");
        Assert.Equal("\"1\"", (string?)stale["currentETag"]);

        var after = await GetAsync($"/api/v1/escalations/{id}");
        Assert.Equal((int)before["version"]!, (int)after["version"]!);
        Assert.Equal(["opened"], (await GetAsync($"/api/v1/escalations/{id}/history"))["entries"]!.AsArray().Select(e => (string?)e!["action"]));
    }

    [Fact]
    public async Task Opening_a_second_escalation_for_a_task_or_one_for_a_revisit_task_is_a_409()
    {
        var taskId = await CreateTaskAsync();
        var opened = await Client.PostAsync("/api/v1/escalations", Json(new JsonObject { ["taskId"] = taskId, ["severity"] = "General", ["reason"] = "manual" }));
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var second = await Client.PostAsync("/api/v1/escalations", Json(new JsonObject { ["taskId"] = taskId, ["severity"] = "Urgent", ["reason"] = "again" }));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("escalation-already-open", (string?)(await ReadObjectAsync(second))["code"]);

        // Unsatisfied feedback on that task joins the open escalation instead of opening another.
        var joined = await RecordAsync(taskId, Feedback(1));
        Assert.Equal("Joined", (string?)joined["escalation"]!["outcome"]);
        Assert.Equal(1, await CountEventsAsync("ComplaintEscalated"));

        var bad = await Client.PostAsync("/api/v1/escalations", Json(new JsonObject { ["taskId"] = taskId, ["severity"] = "Critical", ["reason"] = "x" }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var orphan = await Client.PostAsync("/api/v1/escalations", Json(new JsonObject { ["taskId"] = Guid.NewGuid(), ["severity"] = "General", ["reason"] = "x" }));
        Assert.Equal(HttpStatusCode.NotFound, orphan.StatusCode);
    }

    [Fact]
    public async Task A_policy_with_overlapping_routes_or_impossible_thresholds_is_a_400_naming_them_and_is_not_stored()
    {
        var overlapping = new JsonObject
        {
            ["verdict"] = new JsonObject { ["satisfiedFrom"] = 2, ["unsatisfiedUpTo"] = 3 },
            ["warningPercent"] = 100,
            ["urgent"] = new JsonObject { ["response"] = new JsonObject { ["duration"] = "00:00:00" } },
            ["routes"] = new JsonArray(
                new JsonObject { ["serviceType"] = "Repair", ["toDepartment"] = "Engineering" },
                new JsonObject { ["serviceType"] = "repair", ["toDepartment"] = "AfterSales" }),
        };
        var response = await Client.PutAsync("/api/v1/policies/escalation", Json(overlapping));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ReadObjectAsync(response))["errors"]!.AsObject();
        Assert.Contains("routes[1] overlaps routes[0]", (string?)errors["routes[1]"]![0]);
        Assert.True(errors.ContainsKey("verdict"));
        Assert.True(errors.ContainsKey("warningPercent"));
        Assert.True(errors.ContainsKey("urgent.response.duration"));
        Assert.True((bool)(await GetAsync("/api/v1/policies/escalation"))["isDefault"]!);

        var badJson = await Client.PutAsync("/api/v1/policies/escalation", Json("""{"reminderInterval":"soon"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
    }

    /// <summary>
    /// A setting that would make later requests fail is refused when it is set. Before, a calendar with a
    /// minute of working time a week was stored, and every general complaint's feedback afterwards was a 500.
    /// </summary>
    [Fact]
    public async Task A_calendar_without_room_for_the_deadlines_is_refused_and_complaints_go_on_being_escalated()
    {
        var thin = new JsonObject
        {
            ["name"] = "Thin calendar",
            ["calendar"] = new JsonObject
            {
                ["timeZone"] = "Asia/Shanghai",
                ["workingDays"] = new JsonArray("Monday"),
                ["workingHours"] = new JsonArray("09:00-09:01"),
            },
        };

        var response = await Client.PutAsync("/api/v1/admin/tenant", Json(thin));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ReadObjectAsync(response))["errors"]!.AsObject();
        Assert.Contains("working hours", (string?)errors["calendar"]![0]);

        var taskId = await CreateTaskAsync();
        var feedback = await RecordAsync(taskId, new JsonObject { ["score"] = 2, ["categories"] = new JsonArray("Complaint"), ["complaintLevel"] = "General" });
        Assert.Equal("Opened", (string?)feedback["escalation"]!["outcome"]);
    }

    [Fact]
    public async Task A_business_hours_target_longer_than_the_calendar_guarantees_is_refused_also_when_it_inherits_the_clock()
    {
        var policy = new JsonObject
        {
            ["general"] = new JsonObject
            {
                ["response"] = new JsonObject { ["duration"] = "100.00:00:00", ["clock"] = "BusinessHours" },
                ["resolution"] = new JsonObject { ["duration"] = "200.00:00:00", ["clock"] = "WallClock" },
            },
            ["urgent"] = new JsonObject { ["resolution"] = new JsonObject { ["duration"] = "91.00:00:00" } },
        };

        var response = await Client.PutAsync("/api/v1/policies/escalation", Json(policy));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ReadObjectAsync(response))["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("general.response.duration"), errors.ToJsonString());
        Assert.False(errors.ContainsKey("general.resolution.duration"), errors.ToJsonString());
        Assert.Equal(
            errors.ContainsKey("urgent.resolution.duration"),
            HuiFang.Api.Domain.Escalations.EscalationPolicy.Default.Urgent.Resolution.Clock == HuiFang.Api.Domain.Escalations.SlaClockKind.BusinessHours);
    }

    [Theory]
    [InlineData("""{"name":"x","calendar":{"timeZone":"Asia/Shanghai","workingDays":["Monday",null],"workingHours":["09:00-18:00"]}}""", "calendar.workingDays[1]")]
    [InlineData("""{"name":"x","calendar":{"timeZone":"Asia/Shanghai","workingDays":["Monday"],"workingHours":[null]}}""", "calendar.workingHours[0]")]
    [InlineData("""{"name":"x","calendar":{"timeZone":"Asia/Shanghai","workingDays":["Monday"],"workingHours":["09:00-18:00"],"holidays":["2026-10-01",null]}}""", "calendar.holidays[1]")]
    [InlineData("""{"name":"x","calendar":{"timeZone":"Asia/Shanghai","workingDays":["Monday, Tuesday"],"workingHours":["09:00-18:00"]}}""", "calendar.workingDays[0]")]
    [InlineData("""{"name":"x\u0000y"}""", "name")]
    public async Task Settings_with_null_items_combined_values_or_unstorable_text_are_refused_naming_the_item(string body, string field)
    {
        var response = await Client.PutAsync("/api/v1/admin/tenant", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ReadObjectAsync(response))["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), errors.ToJsonString());
    }

    /// <summary>The calendar is stored as JSON in a column of 20,000 characters; a longer one was a 500 (22001) on PostgreSQL.</summary>
    [Fact]
    public async Task A_calendar_too_large_to_store_is_a_400_on_both_providers()
    {
        var holidays = new JsonArray([.. Enumerable.Range(0, 500).Select(i => (JsonNode)JsonValue.Create($"{2026 + i / 100}-03-{1 + i % 28:00}..{2026 + i / 100}-03-{1 + i % 28:00}"))]);
        var makeUp = new JsonArray([.. Enumerable.Range(0, 500).Select(i => (JsonNode)JsonValue.Create($"{2026 + i / 100}-06-{1 + i % 28:00}..{2026 + i / 100}-06-{1 + i % 28:00}"))]);
        var body = new JsonObject
        {
            ["name"] = "Big calendar",
            ["calendar"] = new JsonObject
            {
                ["timeZone"] = "Asia/Shanghai",
                ["workingDays"] = new JsonArray("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"),
                ["workingHours"] = new JsonArray("09:00-18:00"),
                ["holidays"] = holidays,
                ["makeUpWorkdays"] = makeUp,
            },
        };

        var response = await Client.PutAsync("/api/v1/admin/tenant", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ReadObjectAsync(response))["errors"]!.AsObject().ContainsKey("calendar"));
    }
}
