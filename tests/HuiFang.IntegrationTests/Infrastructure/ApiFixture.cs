using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Respawn;
using Respawn.Graph;
using Microsoft.Extensions.DependencyInjection;

namespace HuiFang.IntegrationTests.Infrastructure;

/// <summary>
/// The service hosted in-process on one storage provider, with a test clock and a database of its own.
/// Bearer tokens are on and trust <see cref="TestTokens"/>; no bootstrap key is created and rate limits
/// are out of the way, unless the given settings say otherwise.
/// </summary>
public sealed class HuiFangApp(IReadOnlyDictionary<string, string?> settings, TestClock clock, CapturedLogs? logs = null, Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public static readonly IReadOnlyDictionary<string, string?> TestDefaults = new Dictionary<string, string?>
    {
        ["HuiFang:Auth:CreateBootstrapKey"] = "false",
        ["HuiFang:Auth:Jwt:Enabled"] = "true",
        ["HuiFang:Auth:Jwt:Authority"] = TestTokens.Issuer,
        ["HuiFang:Auth:Jwt:Audience"] = TestTokens.Audience,
        ["HuiFang:Limits:RequestsPerSecond"] = "100000",
        ["HuiFang:Limits:Burst"] = "1000000",

        // Tests drive the SLA monitor tick by tick on the test clock.
        ["HuiFang:SlaMonitor:Enabled"] = "false",
        ["HuiFang:SurveyMonitor:Enabled"] = "false",
        ["HuiFang:CorrectiveActionMonitor:Enabled"] = "false",
        ["HuiFang:ReviewMonitor:Enabled"] = "false",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in TestDefaults.Where(d => !settings.ContainsKey(d.Key)).Concat(settings))
        {
            builder.UseSetting(key, value);
        }

        if (logs is not null)
        {
            // Everything, whatever the configured levels say: the point is to see what could ever be written.
            builder.ConfigureLogging(l => l.AddProvider(logs).AddFilter<CapturedLogs>(null, LogLevel.Trace));
        }

        builder.ConfigureTestServices(testServices =>
        {
            testServices.AddSingleton<TimeProvider>(clock);
            services?.Invoke(testServices);
            testServices.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
            {
                // The identity provider's metadata, given directly instead of fetched from the authority.
                var configuration = new OpenIdConnectConfiguration { Issuer = TestTokens.Issuer };
                configuration.SigningKeys.Add(TestTokens.Key);
                o.Configuration = configuration;
                o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
            });
        });
    }

    /// <summary>Creates an API key the way the command line does, and returns the secret.</summary>
    public async Task<string> CreateApiKeyAsync(string tenant, IEnumerable<string> scopes, string name = "test key")
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentCaller>().Set(Caller.System(tenant, "tests"));
        var issued = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(name, scopes, null, CancellationToken.None);
        return issued.Secret;
    }

    /// <summary>A client authenticated with a new key of <paramref name="tenant"/> holding every scope.</summary>
    public async Task<HttpClient> CreateAuthenticatedClientAsync(string tenant = ApiFixture.TenantA)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, await CreateApiKeyAsync(tenant, Scopes.All));
        return client;
    }
}

/// <summary>
/// A hosted service for one test class. Subclasses choose the provider; tests call
/// <see cref="PrepareTestAsync"/> first, which skips them (or fails them in CI) when the provider's
/// infrastructure is missing, empties every table and resets the clock.
/// </summary>
public abstract class ApiFixture : IAsyncLifetime
{
    public const string TenantA = "tenant-a";
    public const string TenantB = "tenant-b";

    private HuiFangApp? _app;

    public TestClock Clock { get; } = new();

    public string? Unavailable { get; private set; }

    /// <summary>A key of <see cref="TenantA"/> with every scope, new for each test; what <see cref="CreateClient"/> sends.</summary>
    public string AdminKey { get; private set; } = "";

    /// <summary>Every log line of the service, when <see cref="CaptureLogs"/>.</summary>
    public CapturedLogs? Logs { get; private set; }

    protected virtual bool CaptureLogs => false;

    /// <summary>Settings this fixture adds to (or overrides in) the provider's.</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    /// <summary>Services this fixture adds to (or replaces in) the service's, after its own.</summary>
    protected virtual void ExtraServices(IServiceCollection services)
    {
    }

    public abstract string ProviderName { get; }

    public HuiFangApp App => _app ?? throw new InvalidOperationException(Unavailable ?? "The fixture is not initialised.");

    public async ValueTask InitializeAsync()
    {
        var (settings, unavailable) = await CreateSettingsAsync();
        if (settings is null)
        {
            Unavailable = unavailable;
            return;
        }

        Logs = CaptureLogs ? new CapturedLogs() : null;
        _app = new HuiFangApp(settings.Concat(ExtraSettings).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Last().Value), Clock, Logs, ExtraServices);
        _ = _app.Server; // start the host now: migrations run here, not inside the first test
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await CleanUpAsync();
        GC.SuppressFinalize(this);
    }

    public async Task PrepareTestAsync()
    {
        if (Unavailable is not null)
        {
            TestEnvironment.SkipOrFail(Unavailable);
        }

        Clock.Reset();
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HuiFangDbContext>();
        await ResetDatabaseAsync(db);
        var tenants = scope.ServiceProvider.GetRequiredService<HuiFang.Api.Services.Tenants.TenantSettings>();
        tenants.Forget(TenantA);
        tenants.Forget(TenantB);
        AdminKey = await App.CreateApiKeyAsync(TenantA, Scopes.All, "tests admin");
    }

    /// <summary>A client of <see cref="TenantA"/> holding every scope.</summary>
    public HttpClient CreateClient(string? language = null) => CreateClientWithKey(AdminKey, language);

    /// <summary>A client that sends <paramref name="apiKey"/> (none when null).</summary>
    public HttpClient CreateClientWithKey(string? apiKey, string? language = null)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, apiKey);
        }

        return client;
    }

    /// <summary>A client of <paramref name="tenant"/> holding exactly <paramref name="scopes"/>.</summary>
    public async Task<HttpClient> CreateClientAsync(string tenant, params string[] scopes) =>
        CreateClientWithKey(await App.CreateApiKeyAsync(tenant, scopes));

    /// <summary>One SLA monitor tick at the test clock's now.</summary>
    public Task<HuiFang.Api.Features.Escalations.MonitorSla.SlaTickResult> TickAsync() =>
        App.Services.GetRequiredService<HuiFang.Api.Features.Escalations.MonitorSla.SlaMonitor>().TickAsync(CancellationToken.None);

    /// <summary>Runs <paramref name="work"/> against the database as the system acting for <paramref name="tenant"/>.</summary>
    public async Task<T> InScopeAsync<T>(Func<HuiFangDbContext, Task<T>> work, string tenant = TenantA)
    {
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentCaller>().Set(Caller.System(tenant, "tests"));
        return await work(scope.ServiceProvider.GetRequiredService<HuiFangDbContext>());
    }

    protected abstract Task<(IReadOnlyDictionary<string, string?>? Settings, string? Unavailable)> CreateSettingsAsync();

    protected abstract Task CleanUpAsync();

    /// <summary>
    /// Empties every table of the service's database but its migration history and the Data Protection key ring
    /// (<see cref="KeyRingTable"/>): the key ring belongs to the host, not to a test, and the host keeps it in
    /// memory too; emptied under it, the database would no longer hold the key the host protects forms with.
    /// </summary>
    protected abstract Task ResetDatabaseAsync(HuiFangDbContext db);

    /// <summary>Where Data Protection keeps its keys; kept from one test to the next.</summary>
    protected const string KeyRingTable = "DataProtectionKeys";
}

public class SqliteApiFixture : ApiFixture
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "huifang-tests", $"{Guid.NewGuid():N}.db");

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

    /// <summary>
    /// Every table of the model, dependents first, so that foreign keys never object. Respawn has no SQLite
    /// adapter; a DELETE per table of the model is all it takes here.
    /// </summary>
#pragma warning disable EF1002 // table names come from the model, not from input
    protected override async Task ResetDatabaseAsync(HuiFangDbContext db)
    {
        var tables = db.Model.GetEntityTypes()
            .OrderByDescending(e => e.GetForeignKeys().Count())
            .Select(e => e.GetTableName())
            .OfType<string>()
            .Where(t => t != KeyRingTable)
            .Distinct();
        foreach (var table in tables)
        {
            await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{table}\"");
        }
    }
#pragma warning restore EF1002

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

public class PostgresApiFixture : ApiFixture
{
    private string? _connectionString;
    private Respawner? _respawner;

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

    /// <summary>Respawn empties every table of the database, in foreign-key order, except the migration history and the key ring.</summary>
    protected override async Task ResetDatabaseAsync(HuiFangDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
            {
                DbAdapter = DbAdapter.Postgres,
                SchemasToInclude = ["public"],
                TablesToIgnore = [new Table("__EFMigrationsHistory"), new Table(KeyRingTable)],
            });
            await _respawner.ResetAsync(connection);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    protected override async Task CleanUpAsync()
    {
        if (_connectionString is not null)
        {
            await PostgresServer.DropDatabaseAsync(_connectionString);
        }
    }
}
