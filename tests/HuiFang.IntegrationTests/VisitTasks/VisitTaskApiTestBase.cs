using System.Net;
using System.Text.Json.Nodes;
using HuiFang.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.IntegrationTests.VisitTasks;

/// <summary>
/// The visit-task API on SQLite: one hosted service for all the use-case classes of this folder, which run one
/// after another on it (a collection), as the single class they were split from did.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SqliteVisitTaskApi : ICollectionFixture<SqliteApiFixture>
{
    public const string Name = "Visit-task API on SQLite";
}

/// <summary>The visit-task API on PostgreSQL, shared the same way.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresVisitTaskApi : ICollectionFixture<PostgresApiFixture>
{
    public const string Name = "Visit-task API on PostgreSQL";
}

/// <summary>The visit-task API over HTTP, the same specification on every provider; one class per use case.</summary>
public abstract class VisitTaskApiTestBase(ApiFixture fixture) : ApiTestBase(fixture)
{
    protected const string Route = "/api/v1/visit-tasks";

    protected async Task<JsonObject> CreateAsync(JsonObject body)
    {
        var response = await Client.PostAsync(Route, Json(body));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await ReadObjectAsync(response);
    }

    protected Task<int> CountTasksAsync() => Fixture.InScopeAsync(db => db.VisitTasks.CountAsync());
}
