using System.Net;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace HuiFang.BrowserTests.Infrastructure;

/// <summary>
/// The real clock moved forward on demand: Kestrel, timers and rate limits see time pass as usual, and a
/// test can still jump past an expiry date.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}

/// <summary>
/// The service on Kestrel at a real loopback port (a browser needs a socket; the in-memory test server has
/// none), on one storage provider, with no bootstrap key and the per-key rate limit out of the way.
/// </summary>
public sealed class SiteHost(IReadOnlyDictionary<string, string?> settings, ShiftedClock clock) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("HuiFang:Auth:CreateBootstrapKey", "false");
        builder.UseSetting("HuiFang:Limits:RequestsPerSecond", "100000");
        builder.UseSetting("HuiFang:Limits:Burst", "1000000");
        // No monitor runs on its own: the review monitor once opened a week's review between the dashboard's
        // page and the JSON report it was compared with. Tests that need a monitor's round run it themselves.
        builder.UseSetting("HuiFang:SlaMonitor:Enabled", "false");
        builder.UseSetting("HuiFang:SurveyMonitor:Enabled", "false");
        builder.UseSetting("HuiFang:ReviewMonitor:Enabled", "false");
        builder.UseSetting("HuiFang:CorrectiveActionMonitor:Enabled", "false");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
    }
}

/// <summary>
/// One hosted service per test class and provider. <see cref="Base"/> is its address on 127.0.0.1; tests
/// call <see cref="PrepareAsync"/> first, which skips them (or fails them in CI) when the provider's
/// infrastructure is missing. Tests use customers of their own, so nothing is emptied between them.
/// </summary>
public abstract class SiteFixture : IAsyncLifetime
{
    public const string Tenant = "tenant-a";

    private SiteHost? _host;

    public ShiftedClock Clock { get; } = new();

    public string? Unavailable { get; private set; }

    public abstract string ProviderName { get; }

    public Uri Base { get; private set; } = null!;

    /// <summary>An API key of <see cref="Tenant"/> holding every scope.</summary>
    public string AdminKey { get; private set; } = "";

    public IServiceProvider Services => (_host ?? throw new InvalidOperationException(Unavailable)).Services;

    public async ValueTask InitializeAsync()
    {
        var (settings, unavailable) = await CreateSettingsAsync();
        if (settings is null)
        {
            Unavailable = unavailable;
            return;
        }

        _host = new SiteHost(settings, Clock);
        _host.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _host.StartServer();
        var address = _host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Base = new Uri(address.TrimEnd('/') + "/");

        await using var scope = _host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentCaller>().Set(Caller.System(Tenant, "tests"));
        AdminKey = (await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync("browser tests", Scopes.All, null, CancellationToken.None)).Secret;

        // The organisation the page names, set the way an administrator sets it.
        using var api = CreateApiClient();
        using var put = await api.PutAsync("api/v1/admin/tenant", new StringContent($$"""{"name":"{{OrganisationName}}"}""", System.Text.Encoding.UTF8, "application/json"));
        if (!put.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Naming the tenant failed: {(int)put.StatusCode} {await put.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>The tenant's name, which the survey page shows as the organisation asking.</summary>
    public const string OrganisationName = "示例物业服务中心";

    public Task PrepareAsync()
    {
        if (Unavailable is not null)
        {
            TestEnvironment.SkipOrFail(Unavailable);
        }

        Clock.Offset = TimeSpan.Zero;
        return Task.CompletedTask;
    }

    /// <summary>A plain HTTP client of the API over the same socket the browser uses, holding <paramref name="key"/> (default <see cref="AdminKey"/>).</summary>
    public HttpClient CreateApiClient(string? key = null)
    {
        var client = new HttpClient { BaseAddress = Base };
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key ?? AdminKey);
        return client;
    }

    /// <summary>A new API key of <paramref name="tenant"/> with <paramref name="scopes"/>, made the way the key command makes one.</summary>
    public async Task<string> CreateKeyAsync(string tenant, IReadOnlyCollection<string> scopes, string name = "browser tests")
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentCaller>().Set(Caller.System(tenant, "tests"));
        return (await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(name, scopes, null, CancellationToken.None)).Secret;
    }

    /// <summary>Runs <paramref name="work"/> against the database as the system acting for <see cref="Tenant"/>.</summary>
    public async Task<T> InScopeAsync<T>(Func<HuiFangDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentCaller>().Set(Caller.System(Tenant, "tests"));
        return await work(scope.ServiceProvider.GetRequiredService<HuiFangDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await CleanUpAsync();
        GC.SuppressFinalize(this);
    }

    protected abstract Task<(IReadOnlyDictionary<string, string?>? Settings, string? Unavailable)> CreateSettingsAsync();

    protected abstract Task CleanUpAsync();
}

public sealed class SqliteSite : SiteFixture
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "huifang-browser-tests", $"{Guid.NewGuid():N}.db");

    public override string ProviderName => "Sqlite";

    protected override Task<(IReadOnlyDictionary<string, string?>? Settings, string? Unavailable)> CreateSettingsAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        IReadOnlyDictionary<string, string?> settings = new Dictionary<string, string?>
        {
            ["HuiFang:Database:Provider"] = "Sqlite",
            ["ConnectionStrings:HuiFang"] = $"Data Source={_path};Default Timeout=30",
        };
        return Task.FromResult<(IReadOnlyDictionary<string, string?>?, string?)>((settings, null));
    }

    protected override Task CleanUpAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_path)!, Path.GetFileName(_path) + "*"))
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }
}

public sealed class PostgresSite : SiteFixture
{
    private string? _connectionString;

    public override string ProviderName => "PostgreSql";

    protected override async Task<(IReadOnlyDictionary<string, string?>? Settings, string? Unavailable)> CreateSettingsAsync()
    {
        var (connectionString, unavailable) = await PostgresServer.CreateDatabaseAsync();
        if (connectionString is null)
        {
            return (null, unavailable);
        }

        _connectionString = connectionString;
        return (new Dictionary<string, string?>
        {
            ["HuiFang:Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:HuiFang"] = connectionString,
        }, null);
    }

    protected override async Task CleanUpAsync()
    {
        if (_connectionString is not null)
        {
            await PostgresServer.DropDatabaseAsync(_connectionString);
        }
    }
}
