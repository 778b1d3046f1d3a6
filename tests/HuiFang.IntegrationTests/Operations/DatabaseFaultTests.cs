using System.Data.Common;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using HuiFang.IntegrationTests.Infrastructure;
using HuiFang.IntegrationTests.VisitTasks;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HuiFang.IntegrationTests.Operations;

/// <summary>
/// What a caller gets when PostgreSQL fails under a request: the connection cut at each step of a write
/// (the statement, the savepoint an Idempotency-Key request runs its command under, the commit), and a
/// database that takes reads only. Each is a 503 with Retry-After, never a 500, and loses nothing: the
/// retry stores the change once. The connection is cut by a <see cref="TcpFaultProxy"/> in front of the
/// server, at a step chosen by an interceptor, so each case is the same on every run.
/// </summary>
public sealed class DatabaseFaultTests() : OwnDatabaseTestBase(needsBroker: false)
{
    private const string Route = "/api/v1/visit-tasks";

    public enum Step
    {
        CreateSavepoint,
        Insert,
        ReleaseSavepoint,
        Commit,
    }

    [Theory]
    [InlineData(Step.CreateSavepoint, true)]
    [InlineData(Step.Insert, true)]
    [InlineData(Step.ReleaseSavepoint, true)]
    [InlineData(Step.Commit, true)]
    [InlineData(Step.Insert, false)]
    [InlineData(Step.Commit, false)]
    public async Task A_connection_lost_during_a_create_answers_503_with_retry_after_and_the_retry_stores_the_task_once(Step step, bool withIdempotencyKey)
    {
        var (app, proxy, cut) = StartApp();
        using var client = await app.CreateAuthenticatedClientAsync();
        var body = VisitTaskRequests.NewTask(workOrder: $"WO-CUT-{step}-{withIdempotencyKey}").ToJsonString();
        var key = withIdempotencyKey ? Guid.NewGuid().ToString("N") : null;

        cut.Arm(step);
        var failed = await PostAsync(client, body, key);
        Assert.False(cut.Armed, $"the {step} step was never reached");
        proxy.Start();

        var text = await failed.Content.ReadAsStringAsync();
        Assert.True(failed.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)failed.StatusCode}: {text}\n{Log}");
        Assert.Equal("application/problem+json", failed.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(failed.Headers.RetryAfter);
        var problem = JsonNode.Parse(text)!;
        Assert.Equal("urn:huifang:problem:database-unavailable", (string?)problem["type"]);
        if (step == Step.Commit)
        {
            // The commit may or may not have reached the server: the caller is told to check or retry with the key.
            Assert.Contains("Idempotency-Key", (string?)problem["detail"]);
        }

        var retried = await PostAsync(client, body, key);
        Assert.True(retried.StatusCode == HttpStatusCode.Created, $"{await retried.Content.ReadAsStringAsync()}\n{Log}");
        var stored = await CountTasksAsync($"WO-CUT-{step}-{withIdempotencyKey}");
        Assert.Equal(1, stored);
    }

    [Fact]
    public async Task A_read_only_database_answers_writes_with_503_reads_with_200_and_readiness_with_503_until_it_takes_writes_again()
    {
        var (app, _, _) = StartApp();
        using var client = await app.CreateAuthenticatedClientAsync();
        var database = new NpgsqlConnectionStringBuilder(Database).Database;

        // What an old primary becomes in a failover: every new session reads only.
        await ExecuteAsync($"ALTER DATABASE \"{database}\" SET default_transaction_read_only = on");
        NpgsqlConnection.ClearAllPools();
        try
        {
            var write = await PostAsync(client, VisitTaskRequests.NewTask(workOrder: "WO-RO-1").ToJsonString(), null);
            var text = await write.Content.ReadAsStringAsync();
            Assert.True(write.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)write.StatusCode}: {text}");
            Assert.NotNull(write.Headers.RetryAfter);
            Assert.Equal("urn:huifang:problem:database-unavailable", (string?)JsonNode.Parse(text)!["type"]);

            var read = await client.GetAsync(Route);
            Assert.True(read.StatusCode == HttpStatusCode.OK, $"{(int)read.StatusCode}: {await read.Content.ReadAsStringAsync()}\n{Log}");

            var ready = await client.GetAsync("/health/ready");
            var report = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!;
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Contains("read-only", (string?)report["checks"]!["database"]!["description"]);
        }
        finally
        {
            await ExecuteAsync($"ALTER DATABASE \"{database}\" SET default_transaction_read_only = off");
            NpgsqlConnection.ClearAllPools();
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        var again = await PostAsync(client, VisitTaskRequests.NewTask(workOrder: "WO-RO-1").ToJsonString(), null);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    private readonly CapturedLogs _logs = new();

    private string Log => string.Join("\n", _logs.Lines.Where(l => l.Contains("Exception", StringComparison.Ordinal) || l.Contains("fail", StringComparison.OrdinalIgnoreCase)).TakeLast(3));

    private (HuiFangApp App, TcpFaultProxy Proxy, ConnectionCut Cut) StartApp()
    {
        var target = new NpgsqlConnectionStringBuilder(Database);
        var proxy = Own(new TcpFaultProxy(target.Host!, target.Port));
        proxy.Start();
        var cut = new ConnectionCut(proxy);
        var through = new NpgsqlConnectionStringBuilder(Database) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 5 };
        var app = Own(new HuiFangApp(
            new Dictionary<string, string?>
            {
                ["HuiFang:Database:Provider"] = "PostgreSql",
                ["ConnectionStrings:HuiFang"] = through.ConnectionString,
                ["HuiFang:Messaging:Transport"] = "InMemory",
            },
            new TestClock(),
            _logs,
            services: s => s.AddSingleton<IInterceptor>(cut)));
        _ = app.Server;
        return (app, proxy, cut);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string? idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Route) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    private async Task<long> CountTasksAsync(string workOrder)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT count(*) FROM "VisitTasks" WHERE "WorkOrderNo" = @w""", connection);
        command.Parameters.AddWithValue("w", workOrder);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Database) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Cuts every connection through the proxy once, just before the armed step of a write runs.</summary>
    private sealed class ConnectionCut(TcpFaultProxy proxy) : DbCommandInterceptor, IDbTransactionInterceptor
    {
        private Step? _armed;

        public bool Armed => _armed is not null;

        public void Arm(Step step) => _armed = step;

        private void At(Step step)
        {
            if (_armed == step)
            {
                _armed = null;
                proxy.Stop();
            }
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("INSERT INTO \"VisitTasks\"", StringComparison.Ordinal))
            {
                At(Step.Insert);
            }

            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("INSERT INTO \"VisitTasks\"", StringComparison.Ordinal))
            {
                At(Step.Insert);
            }

            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public ValueTask<InterceptionResult> CreatingSavepointAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            At(Step.CreateSavepoint);
            return ValueTask.FromResult(result);
        }

        public ValueTask<InterceptionResult> ReleasingSavepointAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            At(Step.ReleaseSavepoint);

            return ValueTask.FromResult(result);
        }

        public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            At(Step.Commit);
            return ValueTask.FromResult(result);
        }
    }
}
