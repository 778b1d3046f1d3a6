using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HuiFang.IntegrationTests.Infrastructure;
using static HuiFang.IntegrationTests.VisitTasks.VisitTaskRequests;

namespace HuiFang.IntegrationTests.VisitTasks;

[Collection(SqliteVisitTaskApi.Name)]
public sealed class SqliteAssignVisitTaskTests(SqliteApiFixture fixture) : AssignVisitTaskTests(fixture);

[Collection(PostgresVisitTaskApi.Name)]
public sealed class PostgresAssignVisitTaskTests(PostgresApiFixture fixture) : AssignVisitTaskTests(fixture);

/// <summary>Assigning and reassigning a visit task, and the transition refused once it is closed.</summary>
public abstract class AssignVisitTaskTests(ApiFixture fixture) : VisitTaskApiTestBase(fixture)
{
    [Fact]
    public async Task Assign_reassign_and_cancel_follow_the_task_life()
    {
        var task = await CreateAsync(NewTask(assignee: null));
        Assert.Equal("Pending", (string?)task["status"]);
        var id = task["id"];

        var assigned = await ReadObjectAsync(await Client.PostAsync($"{Route}/{id}/assign", Json("""{"assignee":"agent-01"}""")));
        Assert.Equal("Assigned", (string?)assigned["status"]);
        var reassigned = await ReadObjectAsync(await Client.PostAsync($"{Route}/{id}/assign", Json("""{"assignee":"agent-02"}""")));
        Assert.Equal("agent-02", (string?)reassigned["assignee"]);
        Assert.Equal(3, (int)reassigned["version"]!);

        var cancelled = await ReadObjectAsync(await Client.PostAsync($"{Route}/{id}/cancel", Json("""{"reason":"客户已搬离"}""")));
        Assert.Equal("Cancelled", (string?)cancelled["status"]);
        Assert.Equal("客户已搬离", (string?)cancelled["cancellationReason"]);
        Assert.Equal("2026-11-25T02:00:00+00:00", (string?)cancelled["closedAt"]);

        var again = await Client.PostAsync($"{Route}/{id}/assign", Json("""{"assignee":"agent-03"}"""));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await ReadObjectAsync(again);
        Assert.Equal("urn:huifang:problem:invalid-transition", (string?)problem["type"]);
        Assert.Equal("Cancelled", (string?)problem["taskStatus"]);
        Assert.Equal("assign", (string?)problem["action"]);
        Assert.Equal("agent-02", (string?)(await Client.GetFromJsonAsync<JsonObject>($"{Route}/{id}"))!["assignee"]);
    }
}
