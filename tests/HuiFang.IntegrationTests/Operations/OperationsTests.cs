using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HuiFang.IntegrationTests.Infrastructure;

namespace HuiFang.IntegrationTests.Operations;

public sealed class SqliteOperationsTests(SqliteApiFixture fixture) : OperationsTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresOperationsTests(PostgresApiFixture fixture) : OperationsTests(fixture), IClassFixture<PostgresApiFixture>;

public abstract class OperationsTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task Liveness_answers_without_checking_dependencies()
    {
        var response = await Client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", (string?)(await ReadObjectAsync(response))["status"]);
    }

    [Fact]
    public async Task Readiness_checks_the_database_and_the_bus()
    {
        var response = await Client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await ReadObjectAsync(response);
        Assert.Equal("Healthy", (string?)report["checks"]!["database"]!["status"]);
        Assert.Equal("Healthy", (string?)report["checks"]!["bus"]!["status"]);
    }

    [Fact]
    public async Task Swagger_ui_is_served_and_the_root_leads_to_it()
    {
        var ui = await Client.GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
        Assert.Contains("swagger-ui", await ui.Content.ReadAsStringAsync());

        var root = await Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/swagger", root.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_openapi_document_is_served_as_json()
    {
        var document = await Client.GetFromJsonAsync<JsonObject>("/openapi/v1.json");

        Assert.StartsWith("3.", (string?)document!["openapi"]);
        Assert.NotNull(document["paths"]!["/api/v1/visit-tasks"]);
    }
}
