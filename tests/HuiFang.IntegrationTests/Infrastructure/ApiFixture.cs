using HuiFang.Api.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HuiFang.IntegrationTests.Infrastructure;

/// <summary>The service hosted in-process on one storage provider, with a test clock and a database of its own.</summary>
public sealed class HuiFangApp(IReadOnlyDictionary<string, string?> settings, TestClock clock) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
    }
}

/// <summary>
/// A hosted service for one test class. Subclasses choose the provider; tests call
/// <see cref="PrepareTestAsync"/> first, which skips them (or fails them in CI) when the provider's
/// infrastructure is missing, empties every table and resets the clock.
/// </summary>
public abstract class ApiFixture : IAsyncLifetime
{
    private HuiFangApp? _app;

    public TestClock Clock { get; } = new();

    public string? Unavailable { get; private set; }

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

        _app = new HuiFangApp(settings, Clock);
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
        await TruncateAsync(db);
    }

    public HttpClient CreateClient(string? language = null)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return client;
    }

    public async Task<T> InScopeAsync<T>(Func<HuiFangDbContext, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<HuiFangDbContext>());
    }

    protected abstract Task<(IReadOnlyDictionary<string, string?>? Settings, string? Unavailable)> CreateSettingsAsync();

    protected abstract Task CleanUpAsync();

    /// <summary>Every table of the model, dependents first, so that foreign keys never object.</summary>
#pragma warning disable EF1002 // table names come from the model, not from input
    private static async Task TruncateAsync(HuiFangDbContext db)
    {
        var tables = db.Model.GetEntityTypes()
            .OrderByDescending(e => e.GetForeignKeys().Count())
            .Select(e => e.GetTableName())
            .OfType<string>()
            .Distinct()
            .ToList();
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"TRUNCATE {string.Join(", ", tables.Select(t => $"\"{t}\""))} CASCADE");
            return;
        }

        foreach (var table in tables)
        {
            await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{table}\"");
        }
    }
#pragma warning restore EF1002
}

public sealed class SqliteApiFixture : ApiFixture
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

public sealed class PostgresApiFixture : ApiFixture
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
