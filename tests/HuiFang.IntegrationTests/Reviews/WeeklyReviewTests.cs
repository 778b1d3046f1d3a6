using System.Net;
using System.Text.Json.Nodes;
using HuiFang.Api.Features.Reviews.MonitorReviews;
using HuiFang.IntegrationTests.Escalations;
using HuiFang.IntegrationTests.Infrastructure;
using HuiFang.IntegrationTests.VisitTasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HuiFang.IntegrationTests.Reviews;

public sealed class SqliteWeeklyReviewTests(SqliteApiFixture fixture) : WeeklyReviewTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresWeeklyReviewTests(PostgresApiFixture fixture) : WeeklyReviewTests(fixture), IClassFixture<PostgresApiFixture>;

/// <summary>
/// Weekly reviews over HTTP: opening by hand and by the monitor, decisions (a follow-up planned, a corrective action
/// opened), completion, If-Match, history, events, the overdue notice raised once (also by two monitors at once), the
/// report, tenant isolation and bad input. The test clock starts on Wednesday 2026-11-25 10:00 in Shanghai (2026-W48,
/// Monday 23 to Sunday 29 November); the week's review is due Monday 30 November 12:00 (04:00 UTC).
/// </summary>
public abstract class WeeklyReviewTests(ApiFixture fixture) : LoopTestBase(fixture)
{
    private const string Reviews = "/api/v1/reviews";
    private static readonly DateTimeOffset DueW48 = new(2026, 11, 30, 4, 0, 0, TimeSpan.Zero);
    private int _n;

    /// <summary>A visit task of <paramref name="department"/> with feedback of <paramref name="score"/> recorded now; returns (task, feedback).</summary>
    private async Task<(Guid Task, Guid Feedback)> FeedbackAsync(string department, int score = 1, HttpClient? client = null)
    {
        client ??= Client;
        var n = Interlocked.Increment(ref _n);
        var body = VisitTaskRequests.NewTask(customer: $"C-R-{n}", workOrder: $"WO-R-{n}");
        body["serviceRecord"]!["department"] = department.Length == 0 ? null : department;
        var created = await client.PostAsync("/api/v1/visit-tasks", Json(body));
        var task = await ReadObjectAsync(created);
        Assert.True(created.StatusCode == HttpStatusCode.Created, task.ToJsonString());
        var taskId = IdOf(task["id"]);
        var response = await client.PostAsync($"/api/v1/visit-tasks/{taskId}/feedback", Json(Feedback(score)));
        var feedback = await ReadObjectAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, feedback.ToJsonString());
        return (taskId, IdOf(feedback["feedback"]!["id"]));
    }

    private async Task<(HttpStatusCode Status, JsonObject Body, HttpResponseMessage Response)> SendAsync(HttpMethod method, string path, JsonNode? body = null, string? ifMatch = null, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = Json(body);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        var response = await (client ?? Client).SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? [] : JsonNode.Parse(text) as JsonObject ?? [], response);
    }

    private async Task<JsonObject> OpenAsync(string? department, string week = "2026-W48")
    {
        var (status, body, _) = await SendAsync(HttpMethod.Post, Reviews, new JsonObject { ["department"] = department, ["week"] = week });
        Assert.True(status == HttpStatusCode.Created, body.ToJsonString());
        return body;
    }

    private Task<(HttpStatusCode Status, JsonObject Body, HttpResponseMessage Response)> DecideAsync(Guid review, Guid item, JsonObject decision, string? ifMatch = null) =>
        SendAsync(HttpMethod.Post, $"{Reviews}/{review}/items/{item}/decision", decision, ifMatch);

    private Task<ReviewTickResult> TickAsync() =>
        Fixture.App.Services.GetRequiredService<ReviewMonitor>().TickAsync(CancellationToken.None);

    [Fact]
    public async Task A_review_is_opened_decided_item_by_item_and_completed_with_its_events_history_and_report()
    {
        var first = await FeedbackAsync("AfterSales", 1);
        Fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await FeedbackAsync("AfterSales", 2);
        await FeedbackAsync("AfterSales", 5);
        await FeedbackAsync("Engineering", 1);

        var review = await OpenAsync("AfterSales");
        var id = IdOf(review["id"]);
        Assert.Equal("2026-W48", (string)review["week"]!);
        Assert.Equal("Open", (string)review["status"]!);
        Assert.Equal(DueW48, DateTimeOffset.Parse((string)review["dueAt"]!));
        Assert.False((bool)review["openedAutomatically"]!);
        var items = review["items"]!.AsArray();
        Assert.Equal([first.Feedback, second.Feedback], items.Select(i => IdOf(i!["feedbackId"])));
        Assert.All(items, i => Assert.Null(i!["decision"]));

        // One review per department and week.
        var (again, againBody, _) = await SendAsync(HttpMethod.Post, Reviews, new JsonObject { ["department"] = "AfterSales", ["week"] = "2026-W48" });
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Equal("weekly-review-exists", (string)againBody["code"]!);

        var read = await Client.GetAsync($"{Reviews}/{id}");
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        var item1 = IdOf(items[0]!["id"]);
        var item2 = IdOf(items[1]!["id"]);

        var (stale, _, _) = await DecideAsync(id, item1, new JsonObject { ["decision"] = "NoAction" }, "\"7\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale);
        var (ok, decided, okResponse) = await DecideAsync(id, item1, new JsonObject { ["decision"] = "NoAction", ["note"] = "客户已接受解释" }, "\"1\"");
        Assert.True(ok == HttpStatusCode.OK, decided.ToJsonString());
        Assert.Equal("\"2\"", okResponse.Headers.ETag?.Tag);
        Assert.Equal("NoAction", (string)decided["items"]![0]!["decision"]!);
        Assert.StartsWith("tests admin", (string)decided["items"]![0]!["reviewedBy"]!);
        var (twice, twiceBody, _) = await DecideAsync(id, item1, new JsonObject { ["decision"] = "FollowUpAgain" });
        Assert.Equal(HttpStatusCode.Conflict, twice);
        Assert.Equal("review-item-decided", (string)twiceBody["code"]!);

        var (early, earlyBody, _) = await SendAsync(HttpMethod.Post, $"{Reviews}/{id}/complete");
        Assert.Equal(HttpStatusCode.Conflict, early);
        Assert.Equal(1, (int)earlyBody["undecided"]!);

        var (followed, followedBody, _) = await DecideAsync(id, item2, new JsonObject { ["decision"] = "FollowUpAgain" });
        Assert.True(followed == HttpStatusCode.OK, followedBody.ToJsonString());
        var followUpId = IdOf(followedBody["items"]![1]!["followUpTaskId"]);
        var followUp = await GetAsync($"/api/v1/visit-tasks/{followUpId}");
        Assert.Equal("ComplaintFollowUp", (string)followUp["purpose"]!);
        Assert.Equal($"WO-R-2", (string)followUp["serviceRecord"]!["workOrderNo"]!);

        var (completed, completedBody, _) = await SendAsync(HttpMethod.Post, $"{Reviews}/{id}/complete", ifMatch: "\"3\"");
        Assert.True(completed == HttpStatusCode.OK, completedBody.ToJsonString());
        Assert.Equal("Completed", (string)completedBody["status"]!);
        Assert.False((bool)completedBody["isOverdue"]!);
        var (late, _, _) = await SendAsync(HttpMethod.Post, $"{Reviews}/{id}/complete");
        Assert.Equal(HttpStatusCode.Conflict, late);

        var history = await GetAsync($"{Reviews}/{id}/history");
        Assert.Equal(["opened", "item-decided", "item-decided", "completed"], history["entries"]!.AsArray().Select(e => (string)e!["action"]!));
        var events = (await EventsAsync()).Select(e => (string)e["type"]!).Where(t => t.StartsWith("WeeklyReview", StringComparison.Ordinal)).ToList();
        Assert.Equal(["WeeklyReviewOpened", "WeeklyReviewItemDecided", "WeeklyReviewItemDecided", "WeeklyReviewCompleted"], events);
        var done = Assert.Single(await EventsAsync("WeeklyReviewCompleted"))["payload"]!;
        Assert.True((bool)done["onTime"]!);
        Assert.Equal(1, (int)done["followUpAgain"]!);
        Assert.Equal("AfterSales", (string)done["department"]!);

        var report = await GetAsync("/api/v1/reports/reviews?from=2026-11-23&to=2026-11-29");
        var row = Assert.Single(report["rows"]!.AsArray())!;
        Assert.Equal("2026-W48", (string)row["group"]!);
        Assert.Equal(1, (int)row["reviews"]!);
        Assert.Equal(1, (int)row["completedOnTime"]!);
        Assert.Equal(0, (int)row["overdue"]!);
        Assert.Equal(2, (int)row["items"]!);
        Assert.Equal(2, (int)row["itemsReviewed"]!);
        Assert.Equal(1, (int)row["followUpAgain"]!);
        Assert.Equal(1, (int)row["noAction"]!);
        var csv = await Client.GetStringAsync("/api/v1/reports/reviews?from=2026-11-23&to=2026-11-29&groupBy=department&format=csv");
        Assert.Contains("AfterSales,1,1,1,0,0,2,2,1,1,0,1", csv);
    }

    [Fact]
    public async Task A_corrective_action_decision_opens_an_action_linked_to_the_item_and_its_feedback()
    {
        var (_, feedback) = await FeedbackAsync("Engineering", 1);
        var review = await OpenAsync("Engineering");
        var id = IdOf(review["id"]);
        var item = IdOf(review["items"]![0]!["id"]);
        var (bad, badBody, _) = await DecideAsync(id, item, new JsonObject { ["decision"] = "NoAction", ["owner"] = "张经理" });
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.NotNull(badBody["errors"]!["owner"]);

        var (status, body, _) = await DecideAsync(id, item, new JsonObject { ["decision"] = "CorrectiveAction", ["owner"] = "张经理", ["nonConformity"] = "维修后仍漏水" });
        Assert.True(status == HttpStatusCode.OK, body.ToJsonString());
        var actionId = IdOf(body["items"]![0]!["correctiveActionId"]);
        var action = await Fixture.InScopeAsync(db => db.CorrectiveActions.AsNoTracking().FirstAsync(a => a.Id == actionId));
        Assert.Equal("Review", action.Source.ToString());
        Assert.Equal("维修后仍漏水", action.NonConformity);
        Assert.Equal(item, action.ReviewItemId);
        var decided = Assert.Single(await EventsAsync("WeeklyReviewItemDecided"))["payload"]!;
        Assert.Equal(actionId, IdOf(decided["correctiveActionId"]));
        Assert.Equal(feedback, IdOf(decided["feedbackId"]));
    }

    [Fact]
    public async Task The_monitor_opens_finished_weeks_adds_late_items_and_raises_the_overdue_notice_once()
    {
        await FeedbackAsync("AfterSales", 1);
        await FeedbackAsync("", 2);
        var byHand = await OpenAsync("Engineering");
        Assert.Equal(0, (int)byHand["itemCount"]!);

        // The running week is not opened by itself; feedback recorded after a review was opened by hand joins it.
        Fixture.Clock.Advance(TimeSpan.FromDays(1));
        var (lateTask, _) = await FeedbackAsync("Engineering", 1);
        var tick = await TickAsync();
        Assert.Equal(0, tick.Opened);
        Assert.Equal(1, tick.ItemsAdded);
        var engineering = await GetAsync($"{Reviews}/{IdOf(byHand["id"])}");
        Assert.Equal(lateTask, IdOf(Assert.Single(engineering["items"]!.AsArray())!["taskId"]));
        Assert.Equal(2, (int)engineering["version"]!);
        Assert.Equal(0, (await TickAsync()).ItemsAdded);

        // Monday 30 November 01:00 in Shanghai: the week is over, its reviews are opened.
        Fixture.Clock.Advance(new DateTimeOffset(2026, 11, 29, 17, 0, 0, TimeSpan.Zero) - Fixture.Clock.GetUtcNow());
        Assert.Equal(2, (await TickAsync()).Opened);
        var page = await GetAsync($"{Reviews}?week=2026-W48&status=Open");
        var departments = page["items"]!.AsArray().Select(r => (string?)r!["department"]).Order().ToList();
        Assert.Equal([null, "AfterSales", "Engineering"], departments);
        Assert.All(page["items"]!.AsArray().Where(r => (string?)r!["department"] != "Engineering"), r => Assert.True((bool)r!["openedAutomatically"]!));
        Assert.Equal(0, (await TickAsync()).Opened);

        // Due at 12:00: not before, once after — also with two monitors at once.
        Fixture.Clock.Advance(DueW48 - Fixture.Clock.GetUtcNow());
        Assert.Equal(0, (await TickAsync()).Overdue);
        Fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var both = await Task.WhenAll(TickAsync(), TickAsync());
        Assert.Equal(3, both.Sum(t => t.Overdue));
        Assert.Equal(0, (await TickAsync()).Overdue);
        var overdue = await EventsAsync("WeeklyReviewOverdue");
        Assert.Equal(3, overdue.Count);
        Assert.Equal(3, overdue.Select(e => (string)e["payload"]!["reviewId"]!).Distinct().Count());
        Assert.Equal(3, (await EventsAsync("WeeklyReviewOpened")).Count);

        var report = await GetAsync("/api/v1/reports/reviews?from=2026-11-23&to=2026-11-29");
        Assert.Equal(3, (int)report["total"]!["overdue"]!);
        Assert.Equal(3, (int)report["total"]!["open"]!);
    }

    [Fact]
    public async Task Two_monitors_opening_the_same_week_at_once_open_it_once()
    {
        await FeedbackAsync("AfterSales", 1);
        Fixture.Clock.Advance(TimeSpan.FromDays(6));
        var ticks = await Task.WhenAll(Run(), Run());
        Assert.Equal(1, ticks.Sum());
        await TickAsync();
        Assert.Single(await EventsAsync("WeeklyReviewOpened"));
        Assert.Equal(1, await Fixture.InScopeAsync(db => db.WeeklyReviews.CountAsync()));

        // The loser of the race rolls back (the unique index refuses the second opening); the next tick has nothing to do.
        async Task<int> Run()
        {
            try
            {
                return (await TickAsync()).Opened;
            }
            catch (DbUpdateException)
            {
                return 0;
            }
        }
    }

    [Fact]
    public async Task The_quality_policy_sets_the_deadline_of_reviews_opened_after_it()
    {
        using var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/policies/quality") { Content = Json(new JsonObject { ["reviewDueDay"] = "Tuesday", ["reviewDueTime"] = "10:00" }) };
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(put)).StatusCode);
        var review = await OpenAsync(null);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero), DateTimeOffset.Parse((string)review["dueAt"]!));
        Assert.Null(review["department"]);
    }

    [Fact]
    public async Task Another_tenant_sees_none_of_the_reviews()
    {
        await FeedbackAsync("AfterSales", 1);
        var review = await OpenAsync("AfterSales");
        var id = IdOf(review["id"]);
        var item = IdOf(review["items"]![0]!["id"]);
        using var tenantB = await Fixture.CreateClientAsync(ApiFixture.TenantB, [.. HuiFang.Api.Infrastructure.Security.Scopes.All]);
        Assert.Equal(HttpStatusCode.NotFound, (await tenantB.GetAsync($"{Reviews}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tenantB.GetAsync($"{Reviews}/{id}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Post, $"{Reviews}/{id}/complete", client: tenantB)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Post, $"{Reviews}/{id}/items/{item}/decision", new JsonObject { ["decision"] = "NoAction" }, client: tenantB)).Status);
        var list = await ReadObjectAsync(await tenantB.GetAsync(Reviews));
        Assert.Empty(list["items"]!.AsArray());
        var report = await ReadObjectAsync(await tenantB.GetAsync("/api/v1/reports/reviews?from=2026-11-23&to=2026-11-29"));
        Assert.Equal(0, (int)report["total"]!["reviews"]!);

        // Tenant B's own review of the same department and week is its own.
        var (status, _, _) = await SendAsync(HttpMethod.Post, Reviews, new JsonObject { ["department"] = "AfterSales", ["week"] = "2026-W48" }, client: tenantB);
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Post, $"{Reviews}/{id}/items/{Guid.NewGuid()}/decision", new JsonObject { ["decision"] = "NoAction" })).Status);
    }

    [Theory]
    [InlineData("""{"week":"2026-W54"}""", "week")]
    [InlineData("""{"week":"2026-W00"}""", "week")]
    [InlineData("""{"week":"2025-W53"}""", "week")]
    [InlineData("""{"week":"2026-w48"}""", "week")]
    [InlineData("""{"week":"2026-W5"}""", "week")]
    [InlineData("""{"week":"2026-11"}""", "week")]
    [InlineData("""{"week":"2026-W48\u0000"}""", "week")]
    [InlineData("""{"week":"2027-W10"}""", "week")]
    [InlineData("""{"department":"AfterSales"}""", "week")]
    [InlineData("""{"week":"2026-W48","department":"After\u0000Sales"}""", "department")]
    [InlineData("""{"week":"2026-W48","department":"a b"}""", "department")]
    [InlineData("""{"week":48}""", null)]
    public async Task Bad_openings_are_400_problems(string json, string? field)
    {
        var response = await Client.PostAsync(Reviews, Json(json));
        var body = await ReadObjectAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body.ToJsonString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is not null)
        {
            Assert.NotNull(body["errors"]![field]);
        }

        Assert.Equal(0, await Fixture.InScopeAsync(db => db.WeeklyReviews.CountAsync()));
    }

    [Theory]
    [InlineData("""{"decision":"Maybe"}""")]
    [InlineData("""{"decision":1}""")]
    [InlineData("""{"decision":"1"}""")]
    [InlineData("""{"decision":"NoAction, FollowUpAgain"}""")]
    [InlineData("""{"decision":"NoAction,CorrectiveAction"}""")]
    [InlineData("""{}""")]
    [InlineData("""{"decision":"NoAction","note":"a\u0000b"}""")]
    [InlineData("""{"decision":"FollowUpAgain","dueDate":"2026-12-31"}""")]
    [InlineData("""{"decision":"CorrectiveAction","dueDate":"2026-13-01"}""")]
    public async Task Bad_decisions_are_400_problems_and_decide_nothing(string json)
    {
        await FeedbackAsync("AfterSales", 1);
        var review = await OpenAsync("AfterSales");
        var id = IdOf(review["id"]);
        var item = IdOf(review["items"]![0]!["id"]);
        var response = await Client.PostAsync($"{Reviews}/{id}/items/{item}/decision", Json(json));
        var body = await ReadObjectAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body.ToJsonString());
        Assert.Null((await GetAsync($"{Reviews}/{id}"))["items"]![0]!["decision"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, $"{Reviews}/{id}/complete", ifMatch: "3")).Status);
    }

    [Theory]
    [InlineData("?week=2026-W54")]
    [InlineData("?week=2026-W48%00")]
    [InlineData("?status=1")]
    [InlineData("?status=Open,Completed")]
    [InlineData("?status=Closed")]
    [InlineData("?limit=0")]
    [InlineData("?limit=201")]
    [InlineData("?cursor=not-a-cursor")]
    [InlineData("?department=a%00b")]
    public async Task Bad_list_filters_are_400_problems(string query)
    {
        var response = await Client.GetAsync(Reviews + query);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("?from=2026-11-01&to=2026-11-30&groupBy=assignee")]
    [InlineData("?from=2026-11-01&to=2026-11-30&groupBy=channel")]
    [InlineData("?from=2026-11-30&to=2026-11-01")]
    [InlineData("?from=2026-11-01")]
    [InlineData("?from=2026-11-01&to=2026-11-30&splitBy=channel")]
    public async Task Bad_report_queries_are_400_problems(string query)
    {
        var response = await Client.GetAsync("/api/v1/reports/reviews" + query);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
    }
}
