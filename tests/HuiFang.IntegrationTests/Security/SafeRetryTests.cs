using System.Net;
using System.Text.Json.Nodes;
using HuiFang.IntegrationTests.Infrastructure;
using HuiFang.IntegrationTests.VisitTasks;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.IntegrationTests.Security;

public sealed class SqliteSafeRetryTests(SqliteApiFixture fixture) : SafeRetryTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresSafeRetryTests(PostgresApiFixture fixture) : SafeRetryTests(fixture), IClassFixture<PostgresApiFixture>;

/// <summary>Idempotency keys, ETags and If-Match: retries that change nothing twice, changes that never overwrite each other.</summary>
public abstract class SafeRetryTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    private const string Tasks = "/api/v1/visit-tasks";

    private static HttpRequestMessage Post(string path, string body, string? idempotencyKey = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return request;
    }

    private static string NewTask(string customer = "C-1001", string workOrder = "WO-2026-0001") =>
        VisitTaskRequests.NewTask(customer: customer, workOrder: workOrder).ToJsonString();

    private Task<int> CountAsync() => Fixture.InScopeAsync(db => db.VisitTasks.CountAsync());

    [Fact]
    public async Task The_same_key_and_body_replays_the_first_response_without_a_second_write()
    {
        var first = await Client.SendAsync(Post(Tasks, NewTask(), "\"7b1c9e2a-0d4f-4c55-9a51-5c2b8f0e4d11\""));
        var again = await Client.SendAsync(Post(Tasks, NewTask(), "\"7b1c9e2a-0d4f-4c55-9a51-5c2b8f0e4d11\""));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await CountAsync());
        var history = JsonNode.Parse(await Client.GetStringAsync(first.Headers.Location))!;
        Assert.Equal(1, (int)history["version"]!);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_and_changes_nothing()
    {
        await Client.SendAsync(Post(Tasks, NewTask(), "key-1"));

        var reused = await Client.SendAsync(Post(Tasks, NewTask(customer: "C-2", workOrder: "WO-2"), "key-1"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("idempotency-key-reused", (string?)(await ReadObjectAsync(reused))["code"]);
        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task Parallel_requests_with_one_key_create_exactly_one_task()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Fixture.CreateClient().SendAsync(Post(Tasks, NewTask(), "parallel-key"))));

        Assert.Equal(1, await CountAsync());
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        Assert.NotEmpty(created);
        Assert.Single(created.Select(r => r.Headers.Location).Distinct());
        foreach (var conflict in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            Assert.Equal("idempotency-key-in-flight", (string?)(await ReadObjectAsync(conflict))["code"]);
            Assert.NotNull(conflict.Headers.RetryAfter);
        }
    }

    [Fact]
    public async Task Keys_belong_to_their_caller_expire_and_are_not_stored_for_failures()
    {
        var task = await ReadObjectAsync(await Client.SendAsync(Post(Tasks, NewTask())));
        var assign = $"{Tasks}/{task["id"]}/assign";
        using var other = await Fixture.CreateClientAsync(ApiFixture.TenantA, "tasks:write");

        var mine = await Client.SendAsync(Post(assign, """{"assignee":"agent-09"}""", "shared-key"));
        var theirs = await other.SendAsync(Post(assign, """{"assignee":"agent-09"}""", "shared-key"));
        Assert.Equal(2, (int)(await ReadObjectAsync(mine))["version"]!);
        Assert.Equal(3, (int)(await ReadObjectAsync(theirs))["version"]!); // another caller's key: processed, not replayed
        Assert.False(theirs.Headers.Contains("Idempotent-Replayed"));

        var failed = await Client.SendAsync(Post(Tasks, NewTask(), "dup-key")); // duplicate work order: 409
        Assert.Equal(HttpStatusCode.Conflict, failed.StatusCode);
        Assert.Equal(2, await Fixture.InScopeAsync(db => db.IdempotencyRecords.CountAsync()));

        Fixture.Clock.Advance(TimeSpan.FromHours(25));
        var afterExpiry = await Client.SendAsync(Post(assign, """{"assignee":"agent-09"}""", "shared-key"));
        Assert.Equal(HttpStatusCode.OK, afterExpiry.StatusCode);
        Assert.False(afterExpiry.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(4, (int)(await ReadObjectAsync(afterExpiry))["version"]!);
    }

    [Theory]
    [InlineData("two words")]
    [InlineData("\"\"")]
    [InlineData("schlüssel")]
    public async Task A_malformed_key_is_400(string key)
    {
        var response = await Client.SendAsync(Post(Tasks, NewTask(), key));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Idempotency-Key", (await ReadObjectAsync(response))["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task ETag_and_If_Match_make_a_change_on_a_stale_read_fail_with_412()
    {
        var created = await Client.SendAsync(Post(Tasks, NewTask()));
        var url = created.Headers.Location!.OriginalString;
        var read = await Client.GetAsync(url);
        var etag = read.Headers.ETag!;
        Assert.False(etag.IsWeak);
        Assert.Equal("\"1\"", etag.Tag);

        var unchanged = new HttpRequestMessage(HttpMethod.Get, url);
        unchanged.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await Client.SendAsync(unchanged)).StatusCode);

        var first = await Client.SendAsync(Post($"{url}/assign", """{"assignee":"agent-09"}""", ifMatch: "\"1\""));
        var stale = await Client.SendAsync(Post($"{url}/assign", """{"assignee":"agent-10"}""", ifMatch: "\"1\""));
        var weak = await Client.SendAsync(Post($"{url}/assign", """{"assignee":"agent-10"}""", ifMatch: "W/\"2\""));
        var malformed = await Client.SendAsync(Post($"{url}/assign", """{"assignee":"agent-10"}""", ifMatch: "2"));
        var any = await Client.SendAsync(Post($"{url}/assign", """{"assignee":"agent-11"}""", ifMatch: "*"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("\"2\"", first.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("\"2\"", (string?)(await ReadObjectAsync(stale))["currentETag"]);
        Assert.Equal(HttpStatusCode.PreconditionFailed, weak.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, any.StatusCode);
        Assert.Equal("agent-11", (string?)JsonNode.Parse(await Client.GetStringAsync(url))!["assignee"]);
    }

    [Fact]
    public async Task Of_parallel_conflicting_transitions_exactly_one_wins()
    {
        for (var round = 0; round < 3; round++)
        {
            var created = await ReadObjectAsync(await Client.SendAsync(Post(Tasks, NewTask(customer: $"C-{round}", workOrder: $"WO-{round}"))));
            var url = $"{Tasks}/{created["id"]}";

            // Cancel and assign race from the same read (version 1): whatever the interleaving, one wins.
            var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Fixture.CreateClient().SendAsync(i % 2 == 0
                ? Post($"{url}/cancel", $$"""{"reason":"r{{i}}"}""", ifMatch: "\"1\"")
                : Post($"{url}/assign", $$"""{"assignee":"agent-{{i}}"}""", ifMatch: "\"1\""))));

            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.PreconditionFailed, HttpStatusCode.Conflict }));
            var task = JsonNode.Parse(await Client.GetStringAsync(url))!;
            Assert.Equal(2, (int)task["version"]!);
            var history = JsonNode.Parse(await Client.GetStringAsync($"{url}/history"))!["entries"]!.AsArray();
            Assert.Equal(2, history.Count);
        }
    }
}
