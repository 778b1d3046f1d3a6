using System.Net;
using HuiFang.IntegrationTests.Infrastructure;
using static HuiFang.IntegrationTests.VisitTasks.VisitTaskRequests;

namespace HuiFang.IntegrationTests.VisitTasks;

[Collection(SqliteVisitTaskApi.Name)]
public sealed class SqliteRecordContactAttemptTests(SqliteApiFixture fixture) : RecordContactAttemptTests(fixture);

[Collection(PostgresVisitTaskApi.Name)]
public sealed class PostgresRecordContactAttemptTests(PostgresApiFixture fixture) : RecordContactAttemptTests(fixture);

/// <summary>Recording contact attempts: failed calls lead to Unreachable, a requested callback moves the next contact.</summary>
public abstract class RecordContactAttemptTests(ApiFixture fixture) : VisitTaskApiTestBase(fixture)
{
    [Fact]
    public async Task Three_unanswered_calls_make_a_task_unreachable()
    {
        var id = (await CreateAsync(NewTask()))["id"];

        var first = await ReadObjectAsync(await Client.PostAsync($"{Route}/{id}/attempts", Json("""{"outcome":"NoAnswer","note":"无人接听","recordedBy":"agent-07"}""")));
        Assert.Equal("2026-11-25T05:30:00+00:00", (string?)first["scheduledFor"]); // 10:00 + 2 working hours reaches lunch: 13:30 Beijing
        Assert.Equal(1, (int)first["failedAttempts"]!);

        await Client.PostAsync($"{Route}/{id}/attempts", Json("""{"outcome":"Busy"}"""));
        var third = await ReadObjectAsync(await Client.PostAsync($"{Route}/{id}/attempts", Json("""{"outcome":"WrongNumber"}""")));

        Assert.Equal("Unreachable", (string?)third["status"]);
        Assert.Equal(["NoAnswer", "Busy", "WrongNumber"], third["attempts"]!.AsArray().Select(a => (string)a!["outcome"]!));
        var fourth = await Client.PostAsync($"{Route}/{id}/attempts", Json("""{"outcome":"NoAnswer"}"""));
        Assert.Equal(HttpStatusCode.Conflict, fourth.StatusCode);
    }

    [Fact]
    public async Task A_requested_callback_moves_the_next_contact_to_the_customers_time()
    {
        var id = (await CreateAsync(NewTask()))["id"];

        var task = await ReadObjectAsync(await Client.PostAsync($"{Route}/{id}/attempts", Json("""{"outcome":"CallbackRequested","callbackAt":"2026-11-26T16:00:00+08:00"}""")));

        Assert.Equal("2026-11-26T08:00:00+00:00", (string?)task["scheduledFor"]);
        Assert.Equal(0, (int)task["failedAttempts"]!);
        Assert.Equal("Assigned", (string?)task["status"]);
    }
}
