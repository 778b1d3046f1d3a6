using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HuiFang.IntegrationTests.Infrastructure;
using static HuiFang.IntegrationTests.VisitTasks.VisitTaskRequests;

namespace HuiFang.IntegrationTests.VisitTasks;

[Collection(SqliteVisitTaskApi.Name)]
public sealed class SqliteListVisitTasksTests(SqliteApiFixture fixture) : ListVisitTasksTests(fixture);

[Collection(PostgresVisitTaskApi.Name)]
public sealed class PostgresListVisitTasksTests(PostgresApiFixture fixture) : ListVisitTasksTests(fixture);

/// <summary>Listing visit tasks: keyset pages in due order, and the filters.</summary>
public abstract class ListVisitTasksTests(ApiFixture fixture) : VisitTaskApiTestBase(fixture)
{
    [Fact]
    public async Task Listing_pages_through_every_task_once_in_due_order()
    {
        for (var i = 0; i < 7; i++)
        {
            var body = NewTask(customer: $"C-{i}", workOrder: $"WO-{i}");
            body["dueWindow"] = new JsonObject { ["by"] = $"2026-12-0{1 + (i % 3)}T18:00:00+08:00" }; // ties on purpose
            await CreateAsync(body);
        }

        var seen = new List<JsonObject>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = $"{Route}?limit=3" + (cursor is null ? "" : $"&cursor={cursor}");
            var page = await Client.GetFromJsonAsync<JsonObject>(url);
            seen.AddRange(page!["items"]!.AsArray().Select(n => n!.AsObject()));
            cursor = (string?)page["nextCursor"];
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(7, seen.Select(t => (string?)t["id"]).Distinct().Count());
        var keys = seen.Select(t => ((string)t["dueWindow"]!["by"]!, (string)t["id"]!)).ToList();
        Assert.Equal(keys.OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2, StringComparer.Ordinal), keys);
    }

    [Fact]
    public async Task Listing_filters_combine()
    {
        var a = await CreateAsync(NewTask(customer: "C-1", workOrder: "WO-1", assignee: "agent-a"));
        await CreateAsync(NewTask(customer: "C-2", workOrder: "WO-2", assignee: "agent-b"));
        await CreateAsync(NewTask(customer: "C-3", workOrder: "WO-3", assignee: null, purpose: "ComplaintFollowUp"));

        async Task<string[]> Ids(string query) =>
            (await Client.GetFromJsonAsync<JsonObject>($"{Route}?{query}"))!["items"]!.AsArray().Select(t => (string)t!["customer"]!["externalId"]!).Order().ToArray();

        Assert.Equal(["C-1"], await Ids("assignee=agent-a"));
        Assert.Equal(["C-3"], await Ids("status=Pending"));
        Assert.Equal(["C-3"], await Ids("purpose=ComplaintFollowUp"));
        Assert.Equal(["C-2"], await Ids("customerId=C-2"));
        Assert.Equal(["C-1"], await Ids("workOrderNo=WO-1"));
        Assert.Equal(["C-1", "C-2", "C-3"], await Ids("channel=Phone"));
        Assert.Equal(["C-3"], await Ids("dueBefore=2026-11-27T00:00:00%2B08:00")); // complaint: due within 24 h
        Assert.Equal(["C-1", "C-2"], await Ids("dueAfter=2026-11-27T00:00:00Z&status=Assigned"));
        Assert.Empty(await Ids("assignee=agent-a&status=Pending"));
        Assert.Equal((string?)a["id"], (string?)(await Client.GetFromJsonAsync<JsonObject>($"{Route}?workOrderNo=WO-1"))!["items"]![0]!["id"]);
    }
}
