using System.Net;
using System.Text.Json.Nodes;
using HuiFang.IntegrationTests.Escalations;
using HuiFang.IntegrationTests.Infrastructure;
using static HuiFang.IntegrationTests.ServiceRecords.ServiceRecordRequests;

namespace HuiFang.IntegrationTests.ServiceRecords;

public sealed class SqliteReceiveServiceRecordBatchTests(SqliteApiFixture fixture) : ReceiveServiceRecordBatchTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresReceiveServiceRecordBatchTests(PostgresApiFixture fixture) : ReceiveServiceRecordBatchTests(fixture), IClassFixture<PostgresApiFixture>;

/// <summary>Receiving service records in a batch: decided in order, a bad item fails alone.</summary>
public abstract class ReceiveServiceRecordBatchTests(ApiFixture fixture) : LoopTestBase(fixture)
{
    [Fact]
    public async Task A_batch_decides_items_in_order_and_a_bad_item_fails_alone()
    {
        var items = new JsonArray(Record("WO-B1", "Activity", "B1"), Record("WO-B2", "Repair", ""), Record("WO-B3", "Complaint", "B3"), Record("WO-B3", "Complaint", "B3"));
        var response = await Client.PostAsync("/api/v1/service-records/batch", Json(new JsonObject { ["items"] = items }));
        var body = await ReadObjectAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([201, 400, 201, 200], body["results"]!.AsArray().Select(r => (int)r!["status"]!));
        Assert.Equal((2, 1, 1), ((int)body["received"]!, (int)body["repeated"]!, (int)body["failed"]!));
        Assert.Contains("customer.externalId", body["results"]![1]!["problem"]!["errors"]!.AsObject().Select(e => e.Key));
    }
}
