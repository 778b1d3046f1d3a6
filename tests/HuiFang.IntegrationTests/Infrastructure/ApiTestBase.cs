using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HuiFang.IntegrationTests.Infrastructure;

/// <summary>Base of the API specifications; each runs once per provider through a subclass.</summary>
public abstract class ApiTestBase(ApiFixture fixture) : IAsyncLifetime
{
    protected ApiFixture Fixture { get; } = fixture;

    protected HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Fixture.PrepareTestAsync();
        Client = Fixture.CreateClient();
    }

    public ValueTask DisposeAsync()
    {
        Client?.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    protected static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    internal static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    internal static StringContent Json(JsonNode node) => Json(node.ToJsonString());

    protected static JsonSerializerOptions Web { get; } = new(JsonSerializerDefaults.Web);
}
