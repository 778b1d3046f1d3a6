using System.Net;
using System.Text.Json.Nodes;
using HuiFang.IntegrationTests.Infrastructure;
using static HuiFang.IntegrationTests.VisitTasks.VisitTaskRequests;

namespace HuiFang.IntegrationTests.VisitTasks;

[Collection(SqliteVisitTaskApi.Name)]
public sealed class SqliteCreateVisitTaskBatchTests(SqliteApiFixture fixture) : CreateVisitTaskBatchTests(fixture);

[Collection(PostgresVisitTaskApi.Name)]
public sealed class PostgresCreateVisitTaskBatchTests(PostgresApiFixture fixture) : CreateVisitTaskBatchTests(fixture);

/// <summary>Creating visit tasks in a batch: each item succeeds or fails alone, up to the batch limit.</summary>
public abstract class CreateVisitTaskBatchTests(ApiFixture fixture) : VisitTaskApiTestBase(fixture)
{
    [Fact]
    public async Task A_batch_stores_the_good_items_and_reports_each_bad_one()
    {
        var bad = NewTask(customer: "C-3", workOrder: "WO-3");
        bad["customer"]!["name"] = "";
        var batch = new JsonObject
        {
            ["items"] = new JsonArray(
                NewTask(customer: "C-1", workOrder: "WO-1"),
                bad,
                NewTask(customer: "C-2", workOrder: "WO-1"), // duplicate of item 0
                NewTask(customer: "C-4", workOrder: "WO-4")),
        };

        var response = await Client.PostAsync($"{Route}/batch", Json(batch));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await ReadObjectAsync(response);
        Assert.Equal(2, (int)result["succeeded"]!);
        Assert.Equal(2, (int)result["failed"]!);
        var statuses = result["results"]!.AsArray().Select(r => (int)r!["status"]!).ToArray();
        Assert.Equal([201, 400, 409, 201], statuses);
        Assert.NotNull(result["results"]![1]!["problem"]!["errors"]!["customer.name"]);
        Assert.Equal((string?)result["results"]![0]!["task"]!["id"], (string?)result["results"]![2]!["problem"]!["existingTaskId"]);
        Assert.Equal(2, await CountTasksAsync());
    }

    [Fact]
    public async Task A_batch_of_500_is_accepted_and_501_is_refused_whole()
    {
        var items = new JsonArray([.. Enumerable.Range(0, 500).Select(i => (JsonNode)NewTask(customer: $"C-{i}", workOrder: $"WO-{i}"))]);
        var ok = await Client.PostAsync($"{Route}/batch", Json(new JsonObject { ["items"] = items }));
        Assert.Equal(500, (int)(await ReadObjectAsync(ok))["succeeded"]!);

        items.Add(NewTask(customer: "C-x", workOrder: "WO-x"));
        var tooMany = await Client.PostAsync($"{Route}/batch", Json(new JsonObject { ["items"] = items.DeepClone() }));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.NotNull((await ReadObjectAsync(tooMany))["errors"]!["items"]);
        Assert.Equal(500, await CountTasksAsync());
    }
}
