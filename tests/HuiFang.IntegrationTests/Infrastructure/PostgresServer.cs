using Npgsql;
using Testcontainers.PostgreSql;

namespace HuiFang.IntegrationTests.Infrastructure;

/// <summary>
/// One PostgreSQL server per test run (from <c>HUIFANG_TEST_POSTGRES</c> or a Testcontainers container);
/// every fixture gets a fresh database of its own on it, dropped when the fixture ends.
/// </summary>
public static class PostgresServer
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _serverConnectionString;
    private static string? _unavailable;
    private static PostgreSqlContainer? _container;

    /// <returns>A connection string to a new empty database, or null with <paramref name="unavailable"/> saying why.</returns>
    public static async Task<(string? ConnectionString, string? Unavailable)> CreateDatabaseAsync()
    {
        var server = await ServerAsync();
        if (server is null)
        {
            return (null, _unavailable);
        }

        var name = $"huifang_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return (new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true, MaxPoolSize = 50 }.ConnectionString, null);
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string?> ServerAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_serverConnectionString is not null || _unavailable is not null)
            {
                return _serverConnectionString;
            }

            if (TestEnvironment.FromEnvironment(TestEnvironment.PostgresVariable) is { } given)
            {
                _serverConnectionString = new NpgsqlConnectionStringBuilder(given) { Database = "postgres" }.ConnectionString;
                return _serverConnectionString;
            }

            if (!TestEnvironment.DockerEngineLikely)
            {
                _unavailable = $"PostgreSQL is not available: set {TestEnvironment.PostgresVariable} to a server's connection string, or start a Docker engine for Testcontainers.";
                return null;
            }

            try
            {
                _container = new PostgreSqlBuilder("postgres:15-alpine").Build();
                await _container.StartAsync();
                _serverConnectionString = new NpgsqlConnectionStringBuilder(_container.GetConnectionString()) { Database = "postgres" }.ConnectionString;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => _container.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            catch (Exception e)
            {
                _unavailable = $"PostgreSQL is not available: {TestEnvironment.PostgresVariable} is not set and Testcontainers could not start a container ({e.GetType().Name}: {e.Message}).";
            }

            return _serverConnectionString;
        }
        finally
        {
            Gate.Release();
        }
    }
}
