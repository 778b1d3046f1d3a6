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
    public async Task Swagger_ui_health_and_the_document_need_no_credentials_and_the_root_leads_to_swagger()
    {
        // A newcomer has no key yet: the UI, its assets, the document and the probes must open without one.
        using var anonymous = Fixture.CreateClientWithKey(null);
        var ui = await anonymous.GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
        Assert.Contains("swagger-ui", await ui.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/swagger/swagger-ui-bundle.js")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/swagger/index.js")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);

        var root = await anonymous.GetAsync("/");
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
