using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HuiFang.Api.Features.Escalations.MonitorSla;
using HuiFang.IntegrationTests.Infrastructure;
using HuiFang.IntegrationTests.VisitTasks;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HuiFang.IntegrationTests.Escalations;

/// <summary>
/// The loop as production runs it — PostgreSQL and a real RabbitMQ broker — with the test clock: the
/// events a CRM reacts to arrive on their exchanges; two SLA monitors on one database raise each breach
/// once; and the cost of a monitor tick with 100,000 open escalations. Each test has a database of its own.
/// </summary>
public sealed class LoopOnPostgresAndBrokerTests() : OwnDatabaseTestBase(needsBroker: true)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>This class's own tenant: the broker is shared with test classes subscribed to tenant A's events.</summary>
    private const string Tenant = "tenant-loop";
    private int _n;

    [Fact]
    public async Task CustomerStillUnsatisfied_the_breach_and_FollowUpLoopClosed_reach_subscribers_on_the_realBroker()
    {
        var subscriber = await EventSubscriber.StartForTenantAsync(Broker, Tenant, "huifang.escalation-sla-breached", "huifang.customer-still-unsatisfied", "huifang.follow-up-loop-closed");
        Own(subscriber);
        var clock = new TestClock();
        var app = StartApp(clock);
        using var client = await app.CreateAuthenticatedClientAsync(Tenant);

        var taskId = await CreateTaskAsync(client);
        var escalationId = IdOf((await PostAsync(client, $"/api/v1/visit-tasks/{taskId}/feedback", Feedback(1, "Complaint", "Urgent")))["escalation"]!["id"]);
        clock.Advance(TimeSpan.FromHours(2.5));
        Assert.Equal(1, (await TickAsync(app)).Breaches);
        await PostAsync(client, $"/api/v1/escalations/{escalationId}/acknowledge", new JsonObject(), HttpStatusCode.OK);
        var revisit = IdOf((await PostAsync(client, $"/api/v1/escalations/{escalationId}/resolve", new JsonObject { ["resolution"] = "fixed" }, HttpStatusCode.OK))["revisitTaskId"]);
        await PostAsync(client, $"/api/v1/visit-tasks/{revisit}/feedback", Feedback(2, "Suggestion", null, "仍有噪音"));
        await PostAsync(client, $"/api/v1/escalations/{escalationId}/acknowledge", new JsonObject(), HttpStatusCode.OK);
        var second = IdOf((await PostAsync(client, $"/api/v1/escalations/{escalationId}/resolve", new JsonObject { ["resolution"] = "replaced the fan" }, HttpStatusCode.OK))["revisitTaskId"]);
        await PostAsync(client, $"/api/v1/visit-tasks/{second}/feedback", Feedback(5, "Praise", null));

        var received = await subscriber.WaitUntilAsync(r => r.Count >= 3, Patience, "breach, still-unsatisfied and loop-closed");
        var byType = received.ToDictionary(m => (string)m.Headers["huifang-event-type"], m => m.Event);
        Assert.Equal(escalationId.ToString(), (string?)byType["EscalationSlaBreached"]["escalationId"]);
        Assert.Equal("Response", (string?)byType["EscalationSlaBreached"]["target"]);
        var still = byType["CustomerStillUnsatisfied"];
        Assert.Equal(2, (int)still["cycle"]!);
        Assert.Equal(revisit.ToString(), (string?)still["revisitTaskId"]);
        Assert.Equal("仍有噪音", (string?)still["unresolvedProblems"]);
        Assert.Equal(2, (int)byType["FollowUpLoopClosed"]["cycles"]!);
        Assert.Equal(second.ToString(), (string?)byType["FollowUpLoopClosed"]["revisitTaskId"]);
        Assert.DoesNotContain(received, m => m.Body.ToJsonString().Contains("13812345678", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_SLA_monitors_on_oneDatabase_raise_one_breach_per_escalation_and_target()
    {
        var settings = new Dictionary<string, string?> { ["HuiFang:SlaMonitor:BatchSize"] = "7", ["HuiFang:Outbox:DispatcherEnabled"] = "false" };
        var clockA = new TestClock();
        var clockB = new TestClock();
        var a = StartApp(clockA, settings);
        var b = StartApp(clockB, settings);
        using var client = await a.CreateAuthenticatedClientAsync();
        const int count = 40;
        for (var i = 0; i < count; i++)
        {
            await PostAsync(client, $"/api/v1/visit-tasks/{await CreateTaskAsync(client)}/feedback", Feedback(1, "Complaint", "Urgent"));
        }

        // Past both targets (response 2 h, resolution 24 h): each escalation owes two breaches.
        clockA.Advance(TimeSpan.FromHours(25));
        clockB.Advance(TimeSpan.FromHours(25));
        async Task<int> DrainAsync(HuiFangApp app)
        {
            var breaches = 0;
            SlaTickResult result;
            do
            {
                result = await TickAsync(app);
                breaches += result.Breaches;
            }
            while (result.Claimed > 0);
            return breaches;
        }

        var split = await Task.WhenAll(DrainAsync(a), DrainAsync(b), DrainAsync(a), DrainAsync(b));
        Assert.Equal(2 * count, split.Sum());
        Assert.Equal(2 * count, await ScalarAsync("""SELECT count(*) FROM "OutboxMessages" WHERE "Type" = 'EscalationSlaBreached'"""));
        Assert.Equal(0L, await ScalarAsync("""
            SELECT count(*) FROM (
              SELECT "Payload"::jsonb ->> 'escalationId', "Payload"::jsonb ->> 'target' FROM "OutboxMessages"
              WHERE "Type" = 'EscalationSlaBreached' GROUP BY 1, 2 HAVING count(*) > 1) twice
            """));
        TestContext.Current.TestOutputHelper?.WriteLine($"breaches per drain: {string.Join(", ", split)}");
    }

    [Fact]
    public async Task A_monitor_tick_with_100000_open_escalations_claims_only_what_falls_due_through_the_next_check_index()
    {
        var clock = new TestClock();
        var app = StartApp(clock, new Dictionary<string, string?> { ["HuiFang:SlaMonitor:BatchSize"] = "500", ["HuiFang:Outbox:DispatcherEnabled"] = "false" });
        using var client = await app.CreateAuthenticatedClientAsync(Tenant);
        var template = IdOf((await PostAsync(client, $"/api/v1/visit-tasks/{await CreateTaskAsync(client)}/feedback", Feedback(1, "Complaint", "Urgent")))["escalation"]!["id"]);

        // 99 copies that fall due with the template, 100,000 that do not (next check a month later).
        await CloneAsync(template, 99, TimeSpan.Zero);
        await CloneAsync(template, 100_000, TimeSpan.FromDays(30));
        await ExecuteAsync("""ANALYZE "Escalations" """);
        Assert.Equal(100_100L, await ScalarAsync("""SELECT count(*) FROM "Escalations" WHERE "NextCheckAt" IS NOT NULL"""));

        var plan = await PlanAsync(clock.GetUtcNow().AddHours(3));
        Assert.Contains("IX_Escalations_NextCheck", plan);

        // 1 h 31 min: the 100 pass their warning share (this first tick also warms the process up).
        clock.Advance(TimeSpan.FromMinutes(91));
        var warm = await TickAsync(app);
        Assert.Equal(100, warm.Warnings);

        // 2 h 01 min: the same 100 breach; then nothing is due.
        clock.Advance(TimeSpan.FromMinutes(30));
        var due = await TickAsync(app);
        var idle = await TickAsync(app);
        Assert.Equal(100, due.Breaches);
        Assert.Equal(0, idle.Claimed);
        var line = $"[measure] SLA monitor tick, 100,100 open escalations: 100 falling due {due.Duration.TotalMilliseconds:0.0} ms (claim, check, audit, 100 events, commit; first tick of the process {warm.Duration.TotalMilliseconds:0.0} ms); nothing due {idle.Duration.TotalMilliseconds:0.0} ms";
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        Console.WriteLine(line);
    }

    private HuiFangApp StartApp(TestClock clock, Dictionary<string, string?>? extra = null)
    {
        var all = RabbitMqServer.Settings(Broker);
        all["HuiFang:Database:Provider"] = "PostgreSql";
        all["ConnectionStrings:HuiFang"] = Database;
        all["HuiFang:Outbox:PollInterval"] = "00:00:01";
        foreach (var (key, value) in extra ?? [])
        {
            all[key] = value;
        }

        var app = new HuiFangApp(all, clock);
        Own(app);
        _ = app.Server;
        return app;
    }

    private static Task<SlaTickResult> TickAsync(HuiFangApp app) => app.Services.GetRequiredService<SlaMonitor>().TickAsync(CancellationToken.None);

    private async Task<Guid> CreateTaskAsync(HttpClient client)
    {
        var n = Interlocked.Increment(ref _n);
        return IdOf((await PostAsync(client, "/api/v1/visit-tasks", VisitTaskRequests.NewTask(customer: $"C-PB-{n}", workOrder: $"WO-PB-{n}")))["id"]);
    }

    private static JsonObject Feedback(int score, string category, string? level, string? problems = null) => new()
    {
        ["score"] = score,
        ["categories"] = new JsonArray(category),
        ["complaintLevel"] = level,
        ["unresolvedProblems"] = problems,
    };

    private static async Task<JsonObject> PostAsync(HttpClient client, string path, JsonObject body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await client.PostAsync(path, ApiTestBase.Json(body));
        var result = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(expected == response.StatusCode, $"{path}: {(int)response.StatusCode} {result.ToJsonString()}");
        return result;
    }

    private static Guid IdOf(JsonNode? node) => Guid.Parse((string)node!);

    /// <summary>Copies an escalation n times with new ids (and new task ids: one open escalation per task), its deadlines shifted.</summary>
    private async Task CloneAsync(Guid template, int n, TimeSpan shift)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        var columns = new List<(string Name, string Type)>();
        await using (var read = new NpgsqlCommand("""SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'Escalations' ORDER BY ordinal_position""", connection))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var select = columns.Select(c => c.Name switch
        {
            "Id" or "TaskId" => "gen_random_uuid()",
            _ when c.Type.StartsWith("timestamp", StringComparison.Ordinal) && c.Name is "NextCheckAt" or "ResponseDueBy" or "ResolutionDueBy" or "ResponseWarnAt" or "ResolutionWarnAt" or "NextDueBy"
                => $"\"{c.Name}\" + make_interval(secs => {shift.TotalSeconds})",
            _ => $"\"{c.Name}\"",
        });
        var sql = $"""INSERT INTO "Escalations" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) SELECT {string.Join(", ", select)} FROM "Escalations", generate_series(1, {n}) WHERE "Id" = '{template}'""";
        await using var insert = new NpgsqlCommand(sql, connection) { CommandTimeout = 120 };
        await insert.ExecuteNonQueryAsync();
    }

    private async Task<string> PlanAsync(DateTimeOffset now)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""EXPLAIN SELECT "Id" FROM "Escalations" WHERE "NextCheckAt" IS NOT NULL AND "NextCheckAt" <= @now ORDER BY "NextCheckAt" LIMIT 500 FOR UPDATE SKIP LOCKED""", connection);
        command.Parameters.AddWithValue("now", now);
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
