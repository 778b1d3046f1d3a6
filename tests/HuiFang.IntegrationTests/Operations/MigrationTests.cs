using System.Net;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.IntegrationTests.Infrastructure;
using HuiFang.IntegrationTests.VisitTasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace HuiFang.IntegrationTests.Operations;

/// <summary>
/// Both providers keep their schema under migrations: the model never drifts from them, and a database
/// made by any earlier version is upgraded in place at start-up — never recreated, never left behind.
/// </summary>
public sealed class MigrationTests
{
    [Fact]
    public void The_sqlite_migrations_cover_the_whole_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed: regenerate the baseline of both providers with tools/baseline-migrations");
    }

    [Fact]
    public void The_postgres_migrations_cover_the_whole_model()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed: regenerate the baseline of both providers with tools/baseline-migrations");
    }

    [Fact]
    public async Task An_embedded_database_from_every_earlier_version_is_upgraded_in_place()
    {
        var migrations = SqliteMigrations();
        foreach (var target in migrations)
        {
            var path = Path.Combine(Path.GetTempPath(), "huifang-tests", $"upgrade-{Guid.NewGuid():N}.db");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var connectionString = $"Data Source={path}";
            try
            {
                await using (var old = new SqliteHuiFangDbContext(new DbContextOptionsBuilder<SqliteHuiFangDbContext>().UseSqlite(connectionString).Options))
                {
                    await old.GetService<IMigrator>().MigrateAsync(target);
                    await old.Database.ExecuteSqlRawAsync("CREATE TABLE \"KeptAcrossUpgrade\" (\"Value\" TEXT); INSERT INTO \"KeptAcrossUpgrade\" VALUES ('still here');");
                }

                await using (var app = new HuiFangApp(new Dictionary<string, string?> { ["ConnectionStrings:HuiFang"] = connectionString }, new TestClock()))
                {
                    _ = app.Server;
                }

                await using var upgraded = new SqliteHuiFangDbContext(new DbContextOptionsBuilder<SqliteHuiFangDbContext>().UseSqlite(connectionString).Options);
                Assert.Equal(migrations, await upgraded.Database.GetAppliedMigrationsAsync());
                Assert.Equal("still here", await upgraded.Database.SqlQueryRaw<string>("SELECT \"Value\" FROM \"KeptAcrossUpgrade\"").SingleAsync());
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var file in Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + "*"))
                {
                    File.Delete(file);
                }
            }
        }
    }

    [Fact]
    public async Task Data_survives_a_restart_of_the_embedded_service()
    {
        var path = Path.Combine(Path.GetTempPath(), "huifang-tests", $"restart-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var settings = new Dictionary<string, string?> { ["HuiFang:Database:SqlitePath"] = path };
        string location;
        await using (var first = new HuiFangApp(settings, new TestClock()))
        {
            using var firstClient = await first.CreateAuthenticatedClientAsync();
            var created = await firstClient.PostAsync("/api/v1/visit-tasks", new StringContent(VisitTaskRequests.NewTask().ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            location = created.Headers.Location!.OriginalString;
        }

        await using var second = new HuiFangApp(settings, new TestClock());
        using var secondClient = await second.CreateAuthenticatedClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await secondClient.GetAsync(location)).StatusCode);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(path);
    }

    [Fact]
    public async Task A_postgres_database_from_every_earlier_version_is_upgraded_in_place()
    {
        using var probe = new PostgresDesignTimeFactory().CreateDbContext([]);
        var migrations = probe.Database.GetMigrations().ToList();
        foreach (var target in migrations)
        {
            var (connectionString, unavailable) = await PostgresServer.CreateDatabaseAsync();
            if (connectionString is null)
            {
                TestEnvironment.SkipOrFail(unavailable!);
                return;
            }

            try
            {
                await using (var old = new PostgresHuiFangDbContext(new DbContextOptionsBuilder<PostgresHuiFangDbContext>().UseNpgsql(connectionString).Options))
                {
                    await old.GetService<IMigrator>().MigrateAsync(target);
                    await old.Database.ExecuteSqlRawAsync("CREATE TABLE \"KeptAcrossUpgrade\" (\"Value\" text); INSERT INTO \"KeptAcrossUpgrade\" VALUES ('still here');");
                }

                await using (var app = new HuiFangApp(new Dictionary<string, string?> { ["HuiFang:Database:Provider"] = "PostgreSql", ["ConnectionStrings:HuiFang"] = connectionString }, new TestClock()))
                {
                    _ = app.Server;
                }

                await using var upgraded = new PostgresHuiFangDbContext(new DbContextOptionsBuilder<PostgresHuiFangDbContext>().UseNpgsql(connectionString).Options);
                Assert.Equal(migrations, await upgraded.Database.GetAppliedMigrationsAsync());
                Assert.Equal("still here", await upgraded.Database.SqlQueryRaw<string>("SELECT \"Value\" FROM \"KeptAcrossUpgrade\"").SingleAsync());
            }
            finally
            {
                await PostgresServer.DropDatabaseAsync(connectionString);
            }
        }
    }

    private static List<string> SqliteMigrations()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        return db.Database.GetMigrations().ToList();
    }
}
