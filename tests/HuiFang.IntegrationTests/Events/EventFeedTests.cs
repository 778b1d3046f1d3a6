using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using HuiFang.Api.Infrastructure.Outbox;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Contracts;
using HuiFang.IntegrationTests.Infrastructure;
using HuiFang.IntegrationTests.VisitTasks;
using Microsoft.Extensions.DependencyInjection;

namespace HuiFang.IntegrationTests.Events;

public sealed class SqliteEventFeedTests(SqliteApiFixture fixture) : EventFeedTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresEventFeedTests(PostgresApiFixture fixture) : EventFeedTests(fixture), IClassFixture<PostgresApiFixture>
{
    [Fact]
    public async Task An_event_that_commits_late_is_not_skipped_by_a_reader_that_already_saw_later_commits()
    {
        var before = await CreateAsync("C-0", "WO-0");
        var e0 = (await ReadUntilAsync(null, 1)).Single();
        var cursor = (string)e0["position"]!;

        // A transaction writes an event and stays open, while a later one commits.
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentCaller>().Set(Caller.System(ApiFixture.TenantA, "tests"));
        var db = scope.ServiceProvider.GetRequiredService<HuiFangDbContext>();
        var slow = Guid.NewGuid();
        await using var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
        scope.ServiceProvider.GetRequiredService<EventOutbox>().Add(
            new VisitTaskCancelled(Guid.NewGuid(), TestClock.Start, ApiFixture.TenantA, slow, "C-slow", "WO-slow", "AfterSales", "slow"),
            EventStreams.VisitTask(slow));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var fast = await CreateAsync("C-1", "WO-1");

        // The later commit is held back: handing it out now would move the cursor past the open one.
        var meanwhile = await ReadAsync($"?after={cursor}");
        Assert.Empty(meanwhile["events"]!.AsArray());
        Assert.Equal(cursor, (string?)meanwhile["nextCursor"]);

        await transaction.CommitAsync(TestContext.Current.CancellationToken);
        var after = await ReadUntilAsync(cursor, 2);
        Assert.Equal([slow.ToString(), fast.ToString()], after.Select(e => (string?)e["payload"]!["taskId"]));
        Assert.NotEqual(before, fast);
    }
}

/// <summary>The event feed over HTTP: what it returns, in which order, and what it refuses.</summary>
public abstract class EventFeedTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    private const string Feed = "/api/v1/events";

    [Fact]
    public async Task Creating_a_task_puts_VisitTaskCreated_in_the_feed_without_personal_data()
    {
        var taskId = await CreateAsync("C-1", "WO-1");

        var e = (await ReadUntilAsync(null, 1)).Single();

        Assert.Equal("VisitTaskCreated", (string?)e["type"]);
        Assert.Equal(1, (int)e["version"]!);
        Assert.Equal(TestClock.Start, (DateTimeOffset)e["occurredAt"]!);
        var payload = e["payload"]!;
        Assert.Equal((string?)e["eventId"], (string?)payload["eventId"]);
        Assert.Equal(taskId.ToString(), (string?)payload["taskId"]);
        Assert.Equal(ApiFixture.TenantA, (string?)payload["tenantId"]);
        Assert.Equal("C-1", (string?)payload["customerExternalId"]);
        Assert.Equal("WO-1", (string?)payload["workOrderNo"]);
        Assert.DoesNotContain("13812345678", e.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("王先生", e.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_of_one_task_follow_its_changes_in_order()
    {
        var unreachable = await CreateAsync("C-1", "WO-1");
        var cancelled = await CreateAsync("C-2", "WO-2");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync($"/api/v1/visit-tasks/{unreachable}/attempts", Json(new JsonObject { ["outcome"] = "NoAnswer" }))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync($"/api/v1/visit-tasks/{cancelled}/cancel", Json(new JsonObject { ["reason"] = "客户已搬家" }))).StatusCode);

        var events = await ReadUntilAsync(null, 4);
        Assert.Equal(
            [("VisitTaskCreated", unreachable), ("VisitTaskCreated", cancelled), ("VisitTaskUnreachable", unreachable), ("VisitTaskCancelled", cancelled)],
            events.Select(e => ((string)e["type"]!, (Guid)e["payload"]!["taskId"]!)));
        var gone = events[2]["payload"]!;
        Assert.Equal(3, (int)gone["failedAttempts"]!);
        Assert.Equal("NoAnswer", (string?)gone["lastOutcome"]);
        Assert.Equal("客户已搬家", (string?)events[3]["payload"]!["reason"]);
    }

    [Fact]
    public async Task Paging_with_the_cursor_returns_each_event_once_and_the_same_cursor_when_nothing_is_new()
    {
        for (var i = 0; i < 5; i++)
        {
            await CreateAsync($"C-{i}", $"WO-{i}");
        }

        await ReadUntilAsync(null, 5);
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        bool hasMore;
        do
        {
            var page = await ReadAsync($"?limit=2{(cursor is null ? "" : $"&after={cursor}")}");
            seen.AddRange(page["events"]!.AsArray().Select(e => (string)e!["eventId"]!));
            hasMore = (bool)page["hasMore"]!;
            cursor = (string?)page["nextCursor"];
            pages++;
        }
        while (hasMore);

        Assert.Equal(3, pages);
        Assert.Equal(5, seen.Distinct().Count());
        Assert.Equal(5, seen.Count);

        var nothingNew = await ReadAsync($"?after={cursor}");
        Assert.Empty(nothingNew["events"]!.AsArray());
        Assert.Equal(cursor, (string?)nothingNew["nextCursor"]);
        Assert.False((bool)nothingNew["hasMore"]!);

        var later = await CreateAsync("C-9", "WO-9");
        var next = await ReadUntilAsync(cursor, 1);
        Assert.Equal(later.ToString(), (string?)next.Single()["payload"]!["taskId"]);
    }

    [Fact]
    public async Task The_type_filter_returns_only_the_types_asked_for()
    {
        var task = await CreateAsync("C-1", "WO-1");
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync($"/api/v1/visit-tasks/{task}/cancel", Json(new JsonObject { ["reason"] = "重复" }))).StatusCode);
        await ReadUntilAsync(null, 2);

        var cancelled = await ReadAsync("?type=VisitTaskCancelled");
        Assert.Equal(["VisitTaskCancelled"], cancelled["events"]!.AsArray().Select(e => (string?)e!["type"]));
        var both = await ReadAsync("?type=VisitTaskCancelled,VisitTaskCreated");
        Assert.Equal(2, both["events"]!.AsArray().Count);
        var repeated = await ReadAsync("?type=VisitTaskCancelled&type=VisitTaskCreated");
        Assert.Equal(2, repeated["events"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("?type=TaskCreated", "type", "VisitTaskCreated")]
    [InlineData("?after=not-a-cursor", "after", "cursor")]
    [InlineData("?limit=0", "limit", "1")]
    [InlineData("?limit=1001", "limit", "1000")]
    public async Task Bad_feed_parameters_are_problems_that_name_the_parameter(string query, string field, string hint)
    {
        var response = await Client.GetAsync(Feed + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadObjectAsync(response);
        Assert.Equal("validation", (string?)problem["code"]);
        Assert.Contains(hint, string.Join(' ', problem["errors"]![field]!.AsArray().Select(m => (string?)m)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasing_a_customer_rewrites_their_stored_events()
    {
        var task = await CreateAsync("C-ERASE", "WO-1");
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync($"/api/v1/visit-tasks/{task}/cancel", Json(new JsonObject { ["reason"] = "王先生要求取消" }))).StatusCode);
        var other = await CreateAsync("C-KEEP", "WO-2");

        var erased = await Client.PostAsync("/api/v1/customers/C-ERASE/erasure", null);
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        var result = await ReadObjectAsync(erased);
        Assert.Equal(2, (int)result["eventsAnonymised"]!);

        var events = await ReadUntilAsync(null, 3);
        var text = string.Join('\n', events.Select(e => e.ToJsonString()));
        Assert.DoesNotContain("C-ERASE", text, StringComparison.Ordinal);
        Assert.DoesNotContain("王先生", text, StringComparison.Ordinal);
        Assert.Equal((string?)result["customerPseudonym"], (string?)events[0]["payload"]!["customerExternalId"]);
        Assert.Equal("[erased]", (string?)events.Single(e => (string?)e["type"] == "VisitTaskCancelled")["payload"]!["reason"]);
        Assert.Equal("C-KEEP", (string?)events.Single(e => (string?)e["payload"]!["taskId"] == other.ToString())["payload"]!["customerExternalId"]);
    }

    [Fact]
    public async Task A_cursor_the_retention_has_overtaken_is_answered_410_instead_of_skipping_events()
    {
        await CreateAsync("C-1", "WO-1");
        var first = (await ReadUntilAsync(null, 1, published: true)).Single();
        await CreateAsync("C-2", "WO-2");
        await ReadUntilAsync(null, 2, published: true);

        Fixture.Clock.Advance(TimeSpan.FromDays(15));
        var purged = await Fixture.InScopeAsync(db => Fixture.App.Services.CreateScope().ServiceProvider.GetRequiredService<OutboxPurger>().PurgeAsync(CancellationToken.None));
        Assert.Equal(2, purged);

        var response = await Client.GetAsync($"{Feed}?after={(string)first["position"]!}");
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("cursor-expired", (string?)(await ReadObjectAsync(response))["code"]);

        // Starting over works, and finds what is still kept.
        var fresh = await CreateAsync("C-3", "WO-3");
        var again = await ReadUntilAsync(null, 1);
        Assert.Equal(fresh.ToString(), (string?)again.Single()["payload"]!["taskId"]);
    }

    [Fact]
    public async Task A_reader_paging_while_writers_commit_sees_every_event_exactly_once()
    {
        var created = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            using var client = Fixture.CreateClient();
            for (var i = 0; i < 20; i++)
            {
                var response = await client.PostAsync("/api/v1/visit-tasks", Json(VisitTaskRequests.NewTask(customer: $"W{w}-{i}", workOrder: $"WO-W{w}-{i}")));
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                created.Add((Guid)(await ReadObjectAsync(response))["id"]!);
            }
        })).ToList();

        var seen = new List<string>();
        string? cursor = null;
        var deadline = Stopwatch.StartNew();
        while (seen.Count < 80 && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            var page = await ReadAsync($"?limit=7{(cursor is null ? "" : $"&after={cursor}")}");
            seen.AddRange(page["events"]!.AsArray().Select(e => (string)e!["payload"]!["taskId"]!));
            cursor = (string?)page["nextCursor"];
            if (!(bool)page["hasMore"]!)
            {
                await Task.Delay(20);
            }
        }

        await Task.WhenAll(writers);
        Assert.Equal(80, seen.Count);
        Assert.Equal(created.Select(id => id.ToString()).Order(), seen.Order());
    }

    [Fact]
    public async Task An_event_the_dispatcher_cannot_read_holds_back_only_its_own_stream()
    {
        await Fixture.InScopeAsync(async db =>
        {
            db.OutboxMessages.Add(OutboxMessage.Create(Guid.NewGuid(), "FromANewerVersion", 2, "visit-task/poison", "C-0", "{}", TestClock.Start));
            return await db.SaveChangesAsync();
        });

        var task = await CreateAsync("C-1", "WO-1");

        var created = (await ReadUntilAsync(null, 2, published: false)).Single(e => (string?)e["type"] == "VisitTaskCreated");
        var deadline = Stopwatch.StartNew();
        while (!(bool)created["published"]!)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(15), "the readable event was not published past the unreadable one");
            await Task.Delay(50);
            created = (await ReadAsync("?type=VisitTaskCreated"))["events"]![0]!;
        }

        Assert.Equal(task.ToString(), (string?)created["payload"]!["taskId"]);
        var poison = await Fixture.InScopeAsync(db => Task.FromResult(db.OutboxMessages.Single(m => m.Type == "FromANewerVersion")));
        Assert.Null(poison.PublishedAt);
        Assert.True(poison.Attempts > 0);
        Assert.Contains("unknown type", poison.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_reports_the_outbox_backlog()
    {
        await CreateAsync("C-1", "WO-1");
        await ReadUntilAsync(null, 1, published: true);

        var report = JsonNode.Parse(await Client.GetStringAsync("/health/ready"))!;
        var outbox = report["checks"]!["outbox"]!;
        Assert.Equal("Healthy", (string?)outbox["status"]);
        Assert.True((bool)outbox["data"]!["dispatcherRunning"]!);
        Assert.NotNull(outbox["data"]!["pending"]);
    }

    protected async Task<Guid> CreateAsync(string customer, string workOrder)
    {
        var response = await Client.PostAsync("/api/v1/visit-tasks", Json(VisitTaskRequests.NewTask(customer: customer, workOrder: workOrder)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (Guid)(await ReadObjectAsync(response))["id"]!;
    }

    protected async Task<JsonObject> ReadAsync(string query)
    {
        var response = await Client.GetAsync(Feed + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadObjectAsync(response);
    }

    /// <summary>
    /// Reads from <paramref name="after"/> until <paramref name="count"/> events are there. On PostgreSQL a
    /// transaction still running anywhere in the cluster (another test's) may hold the feed back briefly.
    /// </summary>
    protected async Task<List<JsonNode>> ReadUntilAsync(string? after, int count, bool published = false)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var page = await ReadAsync($"?limit=1000{(after is null ? "" : $"&after={after}")}");
            var events = page["events"]!.AsArray().Select(e => e!).ToList();
            if (events.Count >= count && (!published || events.All(e => (bool)e["published"]!)))
            {
                return events;
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(15), $"expected {count} event(s){(published ? " published" : "")}, the feed has {events.Count}");
            await Task.Delay(50);
        }
    }
}
