using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HuiFang.IntegrationTests.Infrastructure;
using static HuiFang.IntegrationTests.VisitTasks.VisitTaskRequests;

namespace HuiFang.IntegrationTests.VisitTasks;

[Collection(SqliteVisitTaskApi.Name)]
public sealed class SqliteCancelVisitTaskTests(SqliteApiFixture fixture) : CancelVisitTaskTests(fixture);

[Collection(PostgresVisitTaskApi.Name)]
public sealed class PostgresCancelVisitTaskTests(PostgresApiFixture fixture) : CancelVisitTaskTests(fixture);

/// <summary>Cancelling a visit task: of parallel cancellations one wins.</summary>
public abstract class CancelVisitTaskTests(ApiFixture fixture) : VisitTaskApiTestBase(fixture)
{
    [Fact]
    public async Task Of_parallel_conflicting_transitions_on_one_task_exactly_one_wins()
    {
        var id = (await CreateAsync(NewTask()))["id"];

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Fixture.CreateClient().PostAsync($"{Route}/{id}/cancel", Json($$"""{"reason":"reason {{i}}"}"""))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var task = await Client.GetFromJsonAsync<JsonObject>($"{Route}/{id}");
        Assert.Equal(2, (int)task!["version"]!);
    }
}
