using System.Net;
using HuiFang.IntegrationTests.Infrastructure;
using static HuiFang.IntegrationTests.VisitTasks.VisitTaskRequests;

namespace HuiFang.IntegrationTests.VisitTasks;

[Collection(SqliteVisitTaskApi.Name)]
public sealed class SqliteGetVisitTaskTests(SqliteApiFixture fixture) : GetVisitTaskTests(fixture);

[Collection(PostgresVisitTaskApi.Name)]
public sealed class PostgresGetVisitTaskTests(PostgresApiFixture fixture) : GetVisitTaskTests(fixture);

/// <summary>Reading one visit task.</summary>
public abstract class GetVisitTaskTests(ApiFixture fixture) : VisitTaskApiTestBase(fixture)
{
    [Fact]
    public async Task Get_returns_what_create_returned()
    {
        var created = await CreateAsync(NewTask());

        var response = await Client.GetAsync($"{Route}/{created["id"]}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(created.ToJsonString(), (await ReadObjectAsync(response)).ToJsonString());
    }
}
