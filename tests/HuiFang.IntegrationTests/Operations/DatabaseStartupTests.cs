using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HuiFang.IntegrationTests.Operations;

/// <summary>
/// A database container may still be starting when the service does: the service waits for it (a retry
/// every 5 s for about a minute), then applies its migrations and starts, instead of failing at once.
/// </summary>
public sealed class DatabaseStartupTests() : OwnDatabaseTestBase(needsBroker: false)
{
    [Fact]
    public async Task A_database_that_answers_only_after_the_service_started_is_waited_for_and_migrated()
    {
        var target = new NpgsqlConnectionStringBuilder(Database);

        // Not started yet: connections to it are refused, as to a server that is still coming up.
        var proxy = Own(new TcpFaultProxy(target.Host!, target.Port));
        var logs = new CapturedLogs();
        var through = new NpgsqlConnectionStringBuilder(Database) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 5 };
        var app = Own(new HuiFangApp(
            new Dictionary<string, string?>
            {
                ["HuiFang:Database:Provider"] = "PostgreSql",
                ["ConnectionStrings:HuiFang"] = through.ConnectionString,
                ["HuiFang:Messaging:Transport"] = "InMemory",
            },
            new TestClock(),
            logs));

        var starting = Task.Run(() => app.Server);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!logs.Lines.Any(l => l.Contains("Database not reachable yet", StringComparison.Ordinal)))
        {
            Assert.False(starting.IsCompleted, $"the service finished starting without the database: {starting.Exception?.GetBaseException().Message}");
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "the service never said it was waiting for the database");
            await Task.Delay(50);
        }

        proxy.Start();
        await starting.WaitAsync(TimeSpan.FromSeconds(30));

        await using var db = new PostgresHuiFangDbContext(new DbContextOptionsBuilder<PostgresHuiFangDbContext>().UseNpgsql(Database).Options);
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        using var client = await app.CreateAuthenticatedClientAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/api/v1/visit-tasks")).StatusCode);
    }
}
