using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using HuiFang.IntegrationTests.Infrastructure;

namespace HuiFang.IntegrationTests.Operations;

/// <summary>
/// The committed document under openapi/ is what integrators read and generate clients from: it must be
/// exactly what the service serves. After an intended API change, refresh it with
/// <c>HUIFANG_UPDATE_OPENAPI=1 dotnet test --filter OpenApiDocumentTests</c> and commit the result.
/// </summary>
public sealed class OpenApiDocumentTests(SqliteApiFixture fixture) : ApiTestBase(fixture), IClassFixture<SqliteApiFixture>
{
    private const string UpdateVariable = "HUIFANG_UPDATE_OPENAPI";

    private static readonly string CommittedPath = Path.Combine(RepositoryRoot(), "openapi", "huifang.v1.json");

    [Fact]
    public async Task The_committed_document_matches_the_served_one()
    {
        var served = Normalize(await Client.GetStringAsync("/openapi/v1.json"));
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(CommittedPath, served);
        }

        Assert.True(File.Exists(CommittedPath), $"{CommittedPath} is missing; create it with {UpdateVariable}=1 dotnet test.");
        var committed = await File.ReadAllTextAsync(CommittedPath);
        Assert.True(
            committed == served,
            $"openapi/huifang.v1.json differs from the served document. If the API change is intended, run {UpdateVariable}=1 dotnet test --filter OpenApiDocumentTests and commit the file.");
    }

    [Fact]
    public async Task Every_operation_is_documented_with_summary_description_examples_and_responses()
    {
        var document = (await Client.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Name: $"{op.Key.ToUpperInvariant()} {path.Key}", Op: op.Value!.AsObject())))
            .ToList();

        Assert.NotEmpty(operations);
        Assert.All(operations, o =>
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)o.Op["operationId"]), $"{o.Name}: operationId");
            Assert.False(string.IsNullOrWhiteSpace((string?)o.Op["summary"]), $"{o.Name}: summary");
            Assert.False(string.IsNullOrWhiteSpace((string?)o.Op["description"]), $"{o.Name}: description");
            var responses = o.Op["responses"]!.AsObject();
            var successes = responses.Where(r => r.Key.StartsWith('2')).ToList();
            Assert.NotEmpty(successes);
            Assert.All(successes, success => Assert.NotNull(success.Value!["content"]!["application/json"]!["example"]));
            Assert.Contains(responses, r => r.Key.StartsWith('4'));
            Assert.All(responses.Where(r => r.Key.StartsWith('4')), r => Assert.NotNull(r.Value!["content"]!["application/problem+json"]!["example"]));
            if (o.Op["requestBody"] is { } body)
            {
                Assert.NotNull(body["content"]!["application/json"]!["example"]);
            }
        });
    }

    [Fact]
    public async Task The_documented_examples_work_against_the_service()
    {
        var paths = (await Client.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!["paths"]!;
        var create = paths["/api/v1/visit-tasks"]!["post"]!;
        var example = create["requestBody"]!["content"]!["application/json"]!["example"]!.ToJsonString();

        var created = await Client.PostAsync("/api/v1/visit-tasks", Json(example));
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var id = (string)(await ReadObjectAsync(created))["id"]!;

        foreach (var (path, expected) in new[] { ("/assign", 200), ("/reschedule", 200), ("/attempts", 200), ("/cancel", 200) })
        {
            var operation = paths["/api/v1/visit-tasks/{id}" + path]!["post"]!;
            var body = operation["requestBody"]!["content"]!["application/json"]!["example"]!.ToJsonString();
            var response = await Client.PostAsync($"/api/v1/visit-tasks/{id}{path}", Json(body));
            Assert.True(expected == (int)response.StatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task Timestamps_and_enums_are_described_as_callers_send_them()
    {
        var schemas = (await Client.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!["components"]!["schemas"]!;

        Assert.Equal("date-time", (string?)schemas["ServiceRecordInput"]!["properties"]!["completedAt"]!["format"]);
        Assert.Contains("AfterSales", schemas["VisitPurpose"]!["enum"]!.AsArray().Select(v => (string?)v));
    }

    [Fact]
    public async Task Generators_read_enums_problems_parameters_and_servers_as_the_service_means_them()
    {
        var document = (await Client.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;
        var schemas = document["components"]!["schemas"]!;

        // A string enum without null among its values; the nullable member says null beside the reference.
        var channel = schemas["ContactChannel"]!;
        Assert.Equal("string", (string?)channel["type"]);
        Assert.DoesNotContain(channel["enum"]!.AsArray(), v => v is null);
        var preferred = schemas["CustomerInput"]!["properties"]!["preferredChannel"]!["oneOf"]!.AsArray();
        Assert.Contains(preferred, s => (string?)s!["type"] == "null");
        Assert.Contains(preferred, s => (string?)s!["$ref"] == "#/components/schemas/ContactChannel");

        // Problems are open: every one carries code and traceId beside members of its own type.
        var problem = schemas["ProblemDetails"]!;
        Assert.IsType<JsonObject>(problem["additionalProperties"]);
        Assert.NotNull(problem["properties"]!["code"]);
        Assert.NotNull(problem["properties"]!["traceId"]);
        Assert.Equal(["type", "title", "status"], problem["required"]!.AsArray().Select(r => (string?)r));

        // Report parameters as the README writes them, the period required.
        var parameters = document["paths"]!["/api/v1/reports/satisfaction"]!["get"]!["parameters"]!.AsArray()
            .ToDictionary(p => (string)p!["name"]!, p => (bool?)p!["required"] ?? false);
        Assert.Equal(new Dictionary<string, bool> { ["from"] = true, ["to"] = true, ["groupBy"] = false, ["format"] = false, ["splitBy"] = false, ["department"] = false }, parameters);

        // One server, relative: the committed document names no host.
        Assert.Equal("/", (string?)Assert.Single(document["servers"]!.AsArray())!["url"]);
    }

    private static string Normalize(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HuiFang.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("HuiFang.sln not found above the test output folder.");
    }
}
