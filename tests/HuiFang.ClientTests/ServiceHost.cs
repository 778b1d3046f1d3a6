using HuiFang.Api.Infrastructure.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HuiFang.ClientTests;

/// <summary>
/// The service hosted in-process on a SQLite database of its own (embedded mode: in-memory bus), and an
/// HttpClient that sends an API key of one tenant with every scope: what a generated client is handed.
/// </summary>
public sealed class ServiceHost : IAsyncLifetime
{
    public const string Tenant = "client-tests";

    private readonly string _database = Path.Combine(Path.GetTempPath(), "huifang-client-tests", $"{Guid.NewGuid():N}.db");
    private readonly App _app;
    private string _apiKey = "";

    public ServiceHost()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_database)!);
        _app = new App(_database);
    }

    public async ValueTask InitializeAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentCaller>().Set(Caller.System(Tenant, "client tests"));
        var issued = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync("client tests", Scopes.All, null, CancellationToken.None);
        _apiKey = issued.Secret;
    }

    /// <summary>A client of the hosted service (base address http://localhost/), with the tenant's key unless told otherwise.</summary>
    public HttpClient CreateHttpClient(bool withApiKey = true)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (withApiKey)
        {
            client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, _apiKey);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_database)!, Path.GetFileName(_database) + "*"))
        {
            File.Delete(file);
        }
    }

    private sealed class App(string database) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("HuiFang:Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:HuiFang", $"Data Source={database};Default Timeout=30");
            builder.UseSetting("HuiFang:Auth:CreateBootstrapKey", "false");
            builder.UseSetting("HuiFang:SlaMonitor:Enabled", "false");
            builder.UseSetting("HuiFang:SurveyMonitor:Enabled", "false");
            builder.UseSetting("HuiFang:ReviewMonitor:Enabled", "false");
            builder.UseSetting("HuiFang:CorrectiveActionMonitor:Enabled", "false");
        }
    }
}

/// <summary>A visit task's request data that no other test uses (the do-not-disturb rule looks at customers).</summary>
internal static class Unique
{
    public static string Suffix() => Guid.NewGuid().ToString("N")[..12];

    /// <summary>Yesterday at 10:00 Beijing time: completed, never in the future.</summary>
    public static DateTimeOffset CompletedAt()
    {
        var beijing = TimeSpan.FromHours(8);
        var yesterday = DateTimeOffset.UtcNow.ToOffset(beijing).Date.AddDays(-1);
        return new DateTimeOffset(yesterday.AddHours(10), beijing);
    }
}
