using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HuiFang.IntegrationTests.Escalations;
using HuiFang.IntegrationTests.Infrastructure;
using HuiFang.IntegrationTests.VisitTasks;
using Npgsql;

namespace HuiFang.IntegrationTests.Reports;

/// <summary>
/// The monthly reports over 1,000,000 feedback rows on PostgreSQL (own database): the figures are exact and
/// the time of each report is printed (run with <c>--logger "console;verbosity=detailed"</c>). Times are
/// reported, not asserted: speed is the benchmark's business.
/// </summary>
public sealed class ReportsAtScaleTests(ITestOutputHelper output) : OwnDatabaseTestBase(needsBroker: false)
{
    private const string Tenant = "tenant-scale";
    private const int Rows = 1_000_000;

    [Fact]
    public async Task Monthly_reports_over_1000000_feedback_rows_are_exact_and_timed()
    {
        var app = Own(new HuiFangApp(new Dictionary<string, string?> { ["HuiFang:Database:Provider"] = "PostgreSql", ["ConnectionStrings:HuiFang"] = Database }, new TestClock()));
        using var client = await app.CreateAuthenticatedClientAsync(Tenant);
        var created = await client.PostAsync("/api/v1/visit-tasks", ApiTestBase.Json(VisitTaskRequests.NewTask(customer: "C-SCALE", workOrder: "WO-SCALE")));
        var taskId = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var recorded = await client.PostAsync($"/api/v1/visit-tasks/{taskId}/feedback", ApiTestBase.Json(new JsonObject { ["score"] = 5, ["categories"] = new JsonArray("Praise") }));
        var template = (string)(await recorded.Content.ReadFromJsonAsync<JsonObject>())!["feedback"]!["id"]!;

        var seeding = Stopwatch.StartNew();
        await CloneAsync(template);
        output.WriteLine($"seeded {Rows:N0} feedback rows (+ ANALYZE) in {seeding.Elapsed.TotalSeconds:0.0} s");

        var month = "from=2026-11-01&to=2026-11-30";
        var satisfaction = await TimedAsync(client, $"/api/v1/reports/satisfaction?{month}&groupBy=week");
        var total = satisfaction["total"]!;
        Assert.Equal(Rows, (int)total["feedback"]!);
        Assert.Equal(Enumerable.Repeat(Rows / 5, 5), Enumerable.Range(1, 5).Select(s => (int)total[$"score{s}"]!));
        Assert.Equal(0.4, (double)total["satisfactionRate"]!);
        Assert.Equal(3.0, (double)total["averageScore"]!);
        Assert.Equal(["2026-W44", "2026-W45", "2026-W46", "2026-W47", "2026-W48", "2026-W49"], satisfaction["rows"]!.AsArray().Select(r => (string?)r!["group"]));

        var byDepartment = await TimedAsync(client, $"/api/v1/reports/satisfaction?{month}&groupBy=department");
        Assert.All(byDepartment["rows"]!.AsArray(), r => Assert.Equal(Rows / 8, (int)r!["feedback"]!));

        var categories = await TimedAsync(client, $"/api/v1/reports/categories?{month}&groupBy=month");
        Assert.Equal(Rows / 4, (int)categories["total"]!["complaint"]!);
        Assert.Equal(Rows / 4, (int)categories["total"]!["complaintsGeneral"]!);

        await TimedAsync(client, $"/api/v1/reports/satisfaction?{month}&groupBy=channel&format=csv", json: false);

        // Split by channel: the same single pass, one row per week and channel, the same total.
        var split = await TimedAsync(client, $"/api/v1/reports/satisfaction?{month}&groupBy=week&splitBy=channel");
        Assert.Equal(Rows, split["rows"]!.AsArray().Sum(r => (int)r!["feedback"]!));
        Assert.Equal(Rows, (int)split["total"]!["feedback"]!);
    }

    private async Task<JsonObject> TimedAsync(HttpClient client, string path, bool json = true)
    {
        var times = new List<double>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            var watch = Stopwatch.StartNew();
            last = await client.GetAsync(path);
            var body = await last.Content.ReadAsByteArrayAsync();
            times.Add(watch.Elapsed.TotalMilliseconds);
            Assert.True(last.IsSuccessStatusCode, $"{path}: {(int)last.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
        }

        // The first request pays for query compilation; the rest show the steady cost.
        var steady = times.Skip(1).OrderBy(t => t).ToList();
        output.WriteLine($"{path}: first {times[0]:0} ms, then median {steady[1]:0} ms (min {steady[0]:0}, max {steady[2]:0})");
        return json ? (await client.GetFromJsonAsync<JsonObject>(path))! : [];
    }

    /// <summary>1,000,000 copies of the template spread evenly over November (Beijing), scores 1–5, NPS 0–10, 8 departments, 4 categories in turn.</summary>
    private async Task CloneAsync(string template)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        var columns = new List<string>();
        await using (var read = new NpgsqlCommand("""SELECT column_name FROM information_schema.columns WHERE table_name = 'FeedbackRecords' ORDER BY ordinal_position""", connection))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
        }

        var select = columns.Select(c => c switch
        {
            "Id" or "TaskId" => "gen_random_uuid()",
            "RecordedAt" => "timestamptz '2026-11-01 00:00:00+08' + make_interval(secs => (i - 1) * 2.592)",
            "Score" => "1 + i % 5",
            "Verdict" => "CASE WHEN 1 + i % 5 >= 4 THEN 'Satisfied' WHEN 1 + i % 5 = 3 THEN 'Neutral' ELSE 'Unsatisfied' END",
            "Nps" => "i % 11",
            "Department" => "'Dept-' || (i % 8)",
            "CategoryMask" => "1 << (i % 4)",
            "ComplaintLevel" => "CASE WHEN i % 4 = 2 THEN 'General' END",
            "CustomerExternalId" => "'C-' || (i % 50000)",
            _ => $"\"{c}\"",
        });
        // In transactions of 100,000 rows: the cluster's event feed waits for every open transaction, and
        // one of 1,000,000 rows held back other test classes' feeds on this server for 15 s.
        const int Chunk = 100_000;
        for (var from = 1; from <= Rows; from += Chunk)
        {
            var sql = $"""
                INSERT INTO "FeedbackRecords" ({string.Join(", ", columns.Select(c => $"\"{c}\""))})
                SELECT {string.Join(", ", select)} FROM "FeedbackRecords", generate_series({from}, {from + Chunk - 1}) AS i WHERE "Id" = '{template}'
                """;
            await using var insert = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
            await insert.ExecuteNonQueryAsync();
        }

        await using var tidy = new NpgsqlCommand($"""DELETE FROM "FeedbackRecords" WHERE "Id" = '{template}'""", connection);
        await tidy.ExecuteNonQueryAsync();
        await using var analyze = new NpgsqlCommand("""ANALYZE "FeedbackRecords" """, connection) { CommandTimeout = 300 };
        await analyze.ExecuteNonQueryAsync();
    }
}
