using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HuiFang.IntegrationTests.Infrastructure;
using static HuiFang.IntegrationTests.VisitTasks.VisitTaskRequests;

namespace HuiFang.IntegrationTests.VisitTasks;

[Collection(SqliteVisitTaskApi.Name)]
public sealed class SqliteRescheduleVisitTaskTests(SqliteApiFixture fixture) : RescheduleVisitTaskTests(fixture);

[Collection(PostgresVisitTaskApi.Name)]
public sealed class PostgresRescheduleVisitTaskTests(PostgresApiFixture fixture) : RescheduleVisitTaskTests(fixture);

/// <summary>Rescheduling a visit task: the next contact and the deadline move; the past is refused.</summary>
public abstract class RescheduleVisitTaskTests(ApiFixture fixture) : VisitTaskApiTestBase(fixture)
{
    [Fact]
    public async Task Reschedule_moves_the_next_contact_and_the_deadline()
    {
        var id = (await CreateAsync(NewTask()))["id"];

        var response = await Client.PostAsync($"{Route}/{id}/reschedule", Json("""{"scheduledFor":"2026-12-02T15:00:00+08:00","dueBy":"2026-12-04T18:00:00+08:00"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var task = await ReadObjectAsync(response);
        Assert.Equal("2026-12-02T07:00:00+00:00", (string?)task["scheduledFor"]);
        Assert.Equal("2026-12-04T10:00:00+00:00", (string?)task["dueWindow"]!["by"]);
        Assert.Equal("CallerSpecified", (string?)task["dueWindow"]!["rule"]);
    }

    [Fact]
    public async Task Rescheduling_into_the_past_is_400_and_changes_nothing()
    {
        var created = await CreateAsync(NewTask());

        var response = await Client.PostAsync($"{Route}/{created["id"]}/reschedule", Json("""{"scheduledFor":"2026-11-24T15:00:00+08:00"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await ReadObjectAsync(response))["errors"]!["scheduledFor"]);
        Assert.Equal(created.ToJsonString(), (await Client.GetFromJsonAsync<JsonObject>($"{Route}/{created["id"]}"))!.ToJsonString());
    }
}
