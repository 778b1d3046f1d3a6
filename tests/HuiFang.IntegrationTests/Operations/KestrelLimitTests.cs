using System.Net;
using System.Net.Sockets;
using System.Text;
using HuiFang.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace HuiFang.IntegrationTests.Operations;

/// <summary>The service on a real Kestrel listener on 127.0.0.1, for what only a real server does.</summary>
public sealed class KestrelFixture : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "huifang-tests", $"{Guid.NewGuid():N}.db");

    public HuiFangApp App { get; private set; } = null!;

    public Uri Address { get; private set; } = null!;

    public string Key { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        App = new HuiFangApp(new Dictionary<string, string?>
        {
            ["HuiFang:Database:Provider"] = "Sqlite",
            ["ConnectionStrings:HuiFang"] = $"Data Source={_path};Default Timeout=30",
            ["HuiFang:Limits:MaxRequestBodyBytes"] = "2048",
            ["urls"] = "http://127.0.0.1:0",
        }, new TestClock());
        App.UseKestrel();
        App.StartServer();
        var addresses = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Address = new Uri(addresses.First());
        Key = await App.CreateApiKeyAsync(ApiFixture.TenantA, HuiFang.Api.Infrastructure.Security.Scopes.All);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_path)!, Path.GetFileName(_path) + "*"))
        {
            File.Delete(file);
        }
    }
}

/// <summary>
/// Kestrel answers its own limits with a bare status and no body. Its limits sit above the service's, so an
/// oversized URL, header block or chunked body meets the service and gets a problem; what is beyond Kestrel's
/// (or not HTTP at all) keeps Kestrel's documented bare answer.
/// </summary>
public sealed class KestrelLimitTests(KestrelFixture fixture) : IClassFixture<KestrelFixture>
{
    private const string Browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = fixture.Address };
        client.DefaultRequestHeaders.Add("X-Api-Key", fixture.Key);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept", Browser);
        return client;
    }

    [Fact]
    public async Task A_url_over_the_service_limit_is_a_414_problem()
    {
        using var client = Client();
        using var response = await client.GetAsync("/api/v1/visit-tasks?customerId=" + new string('x', 10_000));

        Assert.Empty(await ProblemsForEveryClientTests.ProblemDefects(response, HttpStatusCode.RequestUriTooLong, "uri-too-long"));
    }

    [Fact]
    public async Task Headers_over_the_service_limit_are_a_431_problem()
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/visit-tasks");
        request.Headers.Add("X-Padding", new string('x', 40 * 1024));
        using var response = await client.SendAsync(request);

        Assert.Empty(await ProblemsForEveryClientTests.ProblemDefects(response, HttpStatusCode.RequestHeaderFieldsTooLarge, "headers-too-large"));
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_a_413_problem()
    {
        using var client = Client();
        var content = new StreamContent(new ChunkedOnly(Encoding.UTF8.GetBytes(new string(' ', 10_000) + "{}")));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync("/api/v1/visit-tasks", content);

        Assert.Empty(await ProblemsForEveryClientTests.ProblemDefects(response, HttpStatusCode.RequestEntityTooLarge, "body-too-large"));
    }

    [Fact]
    public async Task What_only_the_server_can_refuse_keeps_its_documented_bare_status()
    {
        // A header line that is not a header, and a request line past Kestrel's own limit (4 × the service's).
        Assert.StartsWith("HTTP/1.1 400", await RawAsync("GET /api/v1/visit-tasks HTTP/1.1\r\nHost: x\r\nthis is not a header\r\n\r\n"));
        Assert.StartsWith("HTTP/1.1 414", await RawAsync($"GET /api/v1/visit-tasks?q={new string('x', 40_000)} HTTP/1.1\r\nHost: x\r\n\r\n"));
    }

    private async Task<string> RawAsync(string request)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(IPAddress.Loopback, fixture.Address.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        return Encoding.Latin1.GetString(buffer, 0, read);
    }

    private sealed class ChunkedOnly(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
