using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using HuiFang.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace HuiFang.IntegrationTests.Contract;

public sealed class SqliteContractSweepTests(SqliteApiFixture fixture) : ContractSweepTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresContractSweepTests(PostgresApiFixture fixture) : ContractSweepTests(fixture), IClassFixture<PostgresApiFixture>;

/// <summary>
/// The contract, attacked from the document the service serves: every operation it lists gets a valid
/// baseline (its example, pointed at real resources) and then every member, parameter and header of it
/// changed in every way a client could get wrong, sent in turn with a browser's and other non-JSON
/// Accept headers. Every answer must be as documented: no 5xx; every 4xx a complete problem; a status
/// the operation lists; nothing written by a refused request. A new endpoint is covered by being in
/// the document. All failures are reported together, grouped by what went wrong.
/// </summary>
public abstract class ContractSweepTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    private const int MaxGroupsShown = 200;
    private const int ExamplesPerGroup = 3;

    [Fact]
    public async Task Every_request_made_from_the_served_document_is_answered_as_documented()
    {
        var output = TestContext.Current.TestOutputHelper!;
        var logs = new TraceLogs();
        using var writes = new WriteObserver();
        await using var app = Fixture.App.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        using var client = app.CreateClient();
        var operations = OpenApiContract.Read(JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!.AsObject());
        Assert.NotEmpty(operations);

        var n = 0;
        var attacked = new HashSet<(Schema, string)>();
        var plan = operations
            .GroupBy(o => o.PathTemplate)
            .SelectMany(path => path.Select((op, i) => (Operation: op, Cases: AttackGenerator.For(op, i == 0, path.Select(o => o.Method).ToHashSet(), attacked).ToList())))
            .ToList();
        foreach (var c in plan.SelectMany(p => p.Cases).Where(c => !c.AcceptFixed))
        {
            c.Accept = AttackGenerator.Accepts[n++ % AttackGenerator.Accepts.Length];
        }

        // The operations with the most cases first, so that no worker is left with a long one at the end.
        plan = [.. plan.OrderByDescending(p => p.Cases.Count)];
        var sweep = new ContractSweep(app, Fixture, logs, writes, operations);
        var clock = Stopwatch.StartNew();
        await sweep.RunAsync(plan, workers: Fixture.ProviderName == "Sqlite" ? 2 : 4); // SQLite has one writer at a time
        clock.Stop();

        output.WriteLine($"{Fixture.ProviderName}: {sweep.Cases} cases generated from {operations.Count} operations of the served document, run in {clock.Elapsed.TotalSeconds:F1} s; {sweep.Failures.Count} failures; {sweep.Skipped} cursor attacks not made (a list of one page).");
        var unreached = sweep.Baselines.Where(b => b.Value is < 200 or >= 300).OrderBy(b => b.Key).ToList();
        output.WriteLine($"Baselines answered 2xx for {sweep.Baselines.Count - unreached.Count} of {sweep.Baselines.Count} operations; the others: {string.Join("; ", unreached.Select(b => $"{b.Key} {b.Value}"))}");

        output.WriteLine("Cases per operation: " + string.Join(", ", plan.Select(p => $"{p.Operation.Name} {p.Cases.Count}")));
        output.WriteLine("Time per class (ms, summed over workers): " + string.Join(", ", sweep.Time.Take(25).Select(t => $"{t.Class} {t.Milliseconds}")));
        if (sweep.Failures.Count == 0)
        {
            return;
        }

        var report = Report(sweep.Failures);
        var file = Path.Combine(Path.GetTempPath(), $"huifang-contract-sweep-{Fixture.ProviderName}.txt");
        await File.WriteAllLinesAsync(file, sweep.Failures.OrderBy(f => f.Group).ThenBy(f => f.Case.ToString()).Select(f => $"{f.Group} || {f.Case} || {f.Excerpt} || {string.Join(" / ", f.Log)}"));
        output.WriteLine(report);
        Assert.Fail($"{sweep.Failures.Count} of {sweep.Cases} cases were not answered as documented ({Fixture.ProviderName}); every failing case is in {file}.\n{report}");
    }

    private static string Report(IReadOnlyCollection<SweepFailure> failures)
    {
        var text = new StringBuilder();
        var groups = failures.GroupBy(f => f.Group).OrderBy(g => g.Key).ToList();
        text.AppendLine($"{groups.Count} classes of failure (kind | attack | status | Accept):");
        foreach (var group in groups.Take(MaxGroupsShown))
        {
            var operations = group.Select(f => f.Case.Operation.Name).Distinct().ToList();
            text.AppendLine($"- {group.Key}: {group.Count()} cases on {operations.Count} operations");
            foreach (var f in group.DistinctBy(f => f.Case.Operation.Name).Take(ExamplesPerGroup))
            {
                text.AppendLine($"    {f.Case.Operation.Name} [{f.Case.Target}] → {f.Status}: {f.Excerpt}");
                if (f.Log.Count > 0)
                {
                    text.AppendLine($"      log: {string.Join(" / ", f.Log.Take(2)).ReplaceLineEndings(" ")[..Math.Min(400, string.Join(" / ", f.Log.Take(2)).Length)]}");
                }
            }
        }

        if (groups.Count > MaxGroupsShown)
        {
            text.AppendLine($"… and {groups.Count - MaxGroupsShown} more classes (see the file).");
        }

        return text.ToString();
    }
}
