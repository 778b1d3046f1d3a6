using System.Net;
using HuiFang.IntegrationTests.Infrastructure;
using static HuiFang.IntegrationTests.VisitTasks.VisitTaskRequests;

namespace HuiFang.IntegrationTests.VisitTasks;

[Collection(SqliteVisitTaskApi.Name)]
public sealed class SqliteUnknownVisitTaskTests(SqliteApiFixture fixture) : UnknownVisitTaskTests(fixture);

[Collection(PostgresVisitTaskApi.Name)]
public sealed class PostgresUnknownVisitTaskTests(PostgresApiFixture fixture) : UnknownVisitTaskTests(fixture);

/// <summary>Every route of one visit task answers an unknown id with the same 404 problem.</summary>
public abstract class UnknownVisitTaskTests(ApiFixture fixture) : VisitTaskApiTestBase(fixture)
{
    [Theory]
    [InlineData("GET", "")]
    [InlineData("POST", "/assign")]
    [InlineData("POST", "/reschedule")]
    [InlineData("POST", "/cancel")]
    [InlineData("POST", "/attempts")]
    public async Task An_unknown_task_id_is_404(string method, string action)
    {
        var body = action switch
        {
            "/assign" => """{"assignee":"a"}""",
            "/reschedule" => """{"scheduledFor":"2026-12-02T15:00:00+08:00"}""",
            "/cancel" => """{"reason":"r"}""",
            "/attempts" => """{"outcome":"Busy"}""",
            _ => null,
        };
        var request = new HttpRequestMessage(new HttpMethod(method), $"{Route}/{Guid.NewGuid()}{action}") { Content = body is null ? null : Json(body) };

        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await ReadObjectAsync(response);
        Assert.Equal("urn:huifang:problem:visit-task-not-found", (string?)problem["type"]);
        Assert.NotNull(problem["traceId"]);
    }
}
