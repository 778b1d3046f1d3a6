using Npgsql;
using Testcontainers.PostgreSql;

namespace HuiFang.IntegrationTests.Infrastructure;

/// <summary>
/// One PostgreSQL server per test run (from <c>HUIFANG_TEST_POSTGRES</c> or a Testcontainers container);
/// every fixture gets a fresh database of its own on it, dropped when the fixture ends.
/// </summary>
public static class PostgresServer
{
    private static readonly RunInfrastructure<string> Server = new(
        "PostgreSQL",
        TestEnvironment.PostgresVariable,
        given => ToServer(given),
        async () =>
        {
            var container = new PostgreSqlBuilder("postgres:15-alpine").Build();
            await container.StartAsync();
            return (ToServer(container.GetConnectionString()), container);
        });

    /// <returns>A connection string to a new empty database, or null with <paramref name="unavailable"/> saying why.</returns>
    public static async Task<(string? ConnectionString, string? Unavailable)> CreateDatabaseAsync()
    {
        var (server, unavailable) = await Server.GetAsync();
        if (server is null)
        {
            return (null, unavailable);
        }

        var name = $"huifang_test_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        return (new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true, MaxPoolSize = 50 }.ConnectionString, null);
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var (server, _) = await Server.GetAsync();
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(server!, $"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(connectionString).Database}\" WITH (FORCE)");
    }

    private static string ToServer(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ConnectionString;

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
