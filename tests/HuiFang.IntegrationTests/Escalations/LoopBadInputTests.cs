using System.Net;
using System.Text.Json.Nodes;
using HuiFang.IntegrationTests.Infrastructure;

namespace HuiFang.IntegrationTests.Escalations;

public sealed class SqliteLoopBadInputTests(SqliteApiFixture fixture) : LoopBadInputTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresLoopBadInputTests(PostgresApiFixture fixture) : LoopBadInputTests(fixture), IClassFixture<PostgresApiFixture>;

/// <summary>Every wrong input or wrong moment gets a clear 400/409 problem, and nothing is written.</summary>
public abstract class LoopBadInputTests(ApiFixture fixture) : LoopTestBase(fixture)
{
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
}
