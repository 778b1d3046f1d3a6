using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HuiFang.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.IntegrationTests.VisitTasks;

public sealed class SqliteVisitTaskApiTests(SqliteApiFixture fixture) : VisitTaskApiTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresVisitTaskApiTests(PostgresApiFixture fixture) : VisitTaskApiTests(fixture), IClassFixture<PostgresApiFixture>;

/// <summary>The visit-task API over HTTP, the same specification on every provider.</summary>
public abstract class VisitTaskApiTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    private const string Route = "/api/v1/visit-tasks";

    internal static JsonObject NewTask(
        string customer = "C-1001",
        string workOrder = "WO-2026-0001",
        string purpose = "AfterSales",
        string serviceType = "Repair",
        string? assignee = "agent-07",
        string completedAt = "2026-11-20T10:00:00+08:00") => new()
        {
            ["customer"] = new JsonObject { ["externalId"] = customer, ["name"] = "王先生", ["phone"] = "13812345678", ["preferredChannel"] = "Phone" },
            ["serviceRecord"] = new JsonObject
            {
                ["workOrderNo"] = workOrder,
                ["serviceType"] = serviceType,
                ["description"] = "空调故障维修",
                ["completedAt"] = completedAt,
                ["staff"] = "李师傅",
                ["department"] = "AfterSales",
            },
            ["purpose"] = purpose,
            ["channel"] = "Phone",
            ["assignee"] = assignee,
        };

    private async Task<JsonObject> CreateAsync(JsonObject body)
    {
        var response = await Client.PostAsync(Route, Json(body));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await ReadObjectAsync(response);
    }

    private Task<int> CountTasksAsync() => Fixture.InScopeAsync(db => db.VisitTasks.CountAsync());

    [Fact]
    public async Task Create_plans_an_after_sales_visit_from_the_third_to_the_seventh_working_day()
    {
        var response = await Client.PostAsync(Route, Json(NewTask()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var task = await ReadObjectAsync(response);
        Assert.Equal($"{Route}/{task["id"]}", response.Headers.Location!.OriginalString);
        Assert.Equal("Assigned", (string?)task["status"]);
        Assert.Equal("2026-11-25T01:00:00+00:00", (string?)task["dueWindow"]!["from"]); // Wed 25th 09:00 Beijing
        Assert.Equal("2026-12-01T10:00:00+00:00", (string?)task["dueWindow"]!["by"]); // Tue 1st 18:00 Beijing
        Assert.Equal("AfterSalesWorkingDays", (string?)task["dueWindow"]!["rule"]);
        Assert.Equal("2026-11-25T02:00:00+00:00", (string?)task["scheduledFor"]); // the window is open: now
        Assert.Equal("2026-11-20T02:00:00+00:00", (string?)task["serviceRecord"]!["completedAt"]);
        Assert.Equal(1, (int)task["version"]!);
    }

    [Fact]
    public async Task Get_returns_what_create_returned()
    {
        var created = await CreateAsync(NewTask());

        var response = await Client.GetAsync($"{Route}/{created["id"]}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(created.ToJsonString(), (await ReadObjectAsync(response)).ToJsonString());
    }

    [Fact]
    public async Task Channel_defaults_to_the_customers_preferred_channel()
    {
        var body = NewTask();
        body.Remove("channel");
        body["customer"]!["preferredChannel"] = "Sms";

        Assert.Equal("Sms", (string?)(await CreateAsync(body))["channel"]);
    }

    [Fact]
    public async Task A_complaint_follow_up_is_due_within_24_hours_of_the_fix()
    {
        var task = await CreateAsync(NewTask(purpose: "ComplaintFollowUp", completedAt: "2026-11-25T09:30:00+08:00"));

        Assert.Equal("ComplaintWithinHours", (string?)task["dueWindow"]!["rule"]);
        Assert.Equal("2026-11-26T01:30:00+00:00", (string?)task["dueWindow"]!["by"]);
    }

    [Fact]
    public async Task A_caller_given_due_window_is_kept()
    {
        var body = NewTask();
        body["dueWindow"] = new JsonObject { ["from"] = "2026-11-27T14:00:00+08:00", ["by"] = "2026-11-27T17:00:00+08:00" };

        var task = await CreateAsync(body);

        Assert.Equal("CallerSpecified", (string?)task["dueWindow"]!["rule"]);
        Assert.Equal("2026-11-27T06:00:00+00:00", (string?)task["scheduledFor"]);
        Assert.Equal("2026-11-27T09:00:00+00:00", (string?)task["dueWindow"]!["by"]);
    }

    [Fact]
    public async Task A_second_task_for_the_same_work_order_and_purpose_is_409_pointing_at_the_first()
    {
        var first = await CreateAsync(NewTask());

        var response = await Client.PostAsync(Route, Json(NewTask(customer: "C-other")));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await ReadObjectAsync(response);
        Assert.Equal("urn:huifang:problem:duplicate-visit-task", (string?)problem["type"]);
        Assert.Equal((string?)first["id"], (string?)problem["existingTaskId"]);
        Assert.NotNull(problem["traceId"]);
        Assert.Equal(1, await CountTasksAsync());
    }

    [Fact]
    public async Task The_same_work_order_may_have_a_task_of_another_purpose()
    {
        await CreateAsync(NewTask(purpose: "ComplaintFollowUp"));
        await CreateAsync(NewTask(purpose: "AfterSales"));

        Assert.Equal(2, await CountTasksAsync());
    }

    [Fact]
    public async Task A_cancelled_task_does_not_block_a_new_one_for_the_same_work_order()
    {
        var first = await CreateAsync(NewTask());
        (await Client.PostAsync($"{Route}/{first["id"]}/cancel", Json("""{"reason":"录入错误"}"""))).EnsureSuccessStatusCode();

        await CreateAsync(NewTask());

        Assert.Equal(2, await CountTasksAsync());
    }

    [Fact]
    public async Task Parallel_duplicate_creates_store_exactly_one_task()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Fixture.CreateClient().PostAsync(Route, Json(NewTask()))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, await CountTasksAsync());
    }

    [Fact]
    public async Task Do_not_disturb_refuses_a_second_follow_up_of_the_same_customer_within_30_days()
    {
        var first = await CreateAsync(NewTask());

        var response = await Client.PostAsync(Route, Json(NewTask(workOrder: "WO-2026-0002")));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await ReadObjectAsync(response);
        Assert.Equal("urn:huifang:problem:do-not-disturb", (string?)problem["type"]);
        Assert.Equal((string?)first["id"], (string?)problem["conflictingTaskId"]);
        Assert.Contains((string)first["id"]!, (string?)problem["detail"]);
        Assert.Equal(1, await CountTasksAsync());
    }

    [Fact]
    public async Task Parallel_creates_for_one_customer_cannot_both_pass_do_not_disturb()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Fixture.CreateClient().PostAsync(Route, Json(NewTask(workOrder: $"WO-race-{i}")))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, await CountTasksAsync());
    }

    [Fact]
    public async Task Do_not_disturb_can_be_overridden_with_a_reason_that_is_stored()
    {
        await CreateAsync(NewTask());
        var body = NewTask(workOrder: "WO-2026-0002");
        body["doNotDisturbOverride"] = new JsonObject { ["reason"] = "客户主动要求回电" };

        var task = await CreateAsync(body);

        Assert.Equal("客户主动要求回电", (string?)task["doNotDisturbOverride"]!["reason"]);
    }

    [Fact]
    public async Task Complaint_follow_ups_are_exempt_from_do_not_disturb()
    {
        await CreateAsync(NewTask());

        await CreateAsync(NewTask(workOrder: "WO-2026-0002", purpose: "ComplaintFollowUp"));
    }

    [Fact]
    public async Task Do_not_disturb_ignores_follow_ups_more_than_30_days_apart()
    {
        await CreateAsync(NewTask(completedAt: "2026-11-20T10:00:00+08:00"));
        Fixture.Clock.Advance(TimeSpan.FromDays(40));

        await CreateAsync(NewTask(workOrder: "WO-2027-0001", completedAt: "2027-01-04T10:00:00+08:00"));
    }

    [Fact]
    public async Task A_batch_stores_the_good_items_and_reports_each_bad_one()
    {
        var bad = NewTask(customer: "C-3", workOrder: "WO-3");
        bad["customer"]!["name"] = "";
        var batch = new JsonObject
        {
            ["items"] = new JsonArray(
                NewTask(customer: "C-1", workOrder: "WO-1"),
                bad,
                NewTask(customer: "C-2", workOrder: "WO-1"), // duplicate of item 0
                NewTask(customer: "C-4", workOrder: "WO-4")),
        };

        var response = await Client.PostAsync($"{Route}/batch", Json(batch));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await ReadObjectAsync(response);
        Assert.Equal(2, (int)result["succeeded"]!);
        Assert.Equal(2, (int)result["failed"]!);
        var statuses = result["results"]!.AsArray().Select(r => (int)r!["status"]!).ToArray();
        Assert.Equal([201, 400, 409, 201], statuses);
        Assert.NotNull(result["results"]![1]!["problem"]!["errors"]!["customer.name"]);
        Assert.Equal((string?)result["results"]![0]!["task"]!["id"], (string?)result["results"]![2]!["problem"]!["existingTaskId"]);
        Assert.Equal(2, await CountTasksAsync());
    }

    [Fact]
    public async Task A_batch_of_500_is_accepted_and_501_is_refused_whole()
    {
        var items = new JsonArray([.. Enumerable.Range(0, 500).Select(i => (JsonNode)NewTask(customer: $"C-{i}", workOrder: $"WO-{i}"))]);
        var ok = await Client.PostAsync($"{Route}/batch", Json(new JsonObject { ["items"] = items }));
        Assert.Equal(500, (int)(await ReadObjectAsync(ok))["succeeded"]!);

        items.Add(NewTask(customer: "C-x", workOrder: "WO-x"));
        var tooMany = await Client.PostAsync($"{Route}/batch", Json(new JsonObject { ["items"] = items.DeepClone() }));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.NotNull((await ReadObjectAsync(tooMany))["errors"]!["items"]);
        Assert.Equal(500, await CountTasksAsync());
    }

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

    [Fact]
    public async Task Assign_reassign_and_cancel_follow_the_task_life()
    {
        var task = await CreateAsync(NewTask(assignee: null));
        Assert.Equal("Pending", (string?)task["status"]);
        var id = task["id"];

        var assigned = await ReadObjectAsync(await Client.PostAsync($"{Route}/{id}/assign", Json("""{"assignee":"agent-01"}""")));
        Assert.Equal("Assigned", (string?)assigned["status"]);
        var reassigned = await ReadObjectAsync(await Client.PostAsync($"{Route}/{id}/assign", Json("""{"assignee":"agent-02"}""")));
        Assert.Equal("agent-02", (string?)reassigned["assignee"]);
        Assert.Equal(3, (int)reassigned["version"]!);

        var cancelled = await ReadObjectAsync(await Client.PostAsync($"{Route}/{id}/cancel", Json("""{"reason":"客户已搬离"}""")));
        Assert.Equal("Cancelled", (string?)cancelled["status"]);
        Assert.Equal("客户已搬离", (string?)cancelled["cancellationReason"]);
        Assert.Equal("2026-11-25T02:00:00+00:00", (string?)cancelled["closedAt"]);

        var again = await Client.PostAsync($"{Route}/{id}/assign", Json("""{"assignee":"agent-03"}"""));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await ReadObjectAsync(again);
        Assert.Equal("urn:huifang:problem:invalid-transition", (string?)problem["type"]);
        Assert.Equal("Cancelled", (string?)problem["taskStatus"]);
        Assert.Equal("assign", (string?)problem["action"]);
        Assert.Equal("agent-02", (string?)(await Client.GetFromJsonAsync<JsonObject>($"{Route}/{id}"))!["assignee"]);
    }

    [Fact]
    public async Task Of_parallel_conflicting_transitions_on_one_task_exactly_one_wins()
    {
        var id = (await CreateAsync(NewTask()))["id"];

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Fixture.CreateClient().PostAsync($"{Route}/{id}/cancel", Json($$"""{"reason":"reason {{i}}"}"""))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var task = await Client.GetFromJsonAsync<JsonObject>($"{Route}/{id}");
        Assert.Equal(2, (int)task!["version"]!);
    }

    [Fact]
    public async Task Reschedule_moves_the_next_contact_and_the_deadline()
    {
        var id = (await CreateAsync(NewTask()))["id"];

        var response = await Client.PostAsync($"{Route}/{id}/reschedule", Json("""{"scheduledFor":"2026-12-02T15:00:00+08:00","dueBy":"2026-12-04T18:00:00+08:00"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var task = await ReadObjectAsync(response);
        Assert.Equal("2026-12-02T07:00:00+00:00", (string?)task["scheduledFor"]);
        Assert.Equal("2026-12-04T10:00:00+00:00", (string?)task["dueWindow"]!["by"]);
        Assert.Equal("CallerSpecified", (string?)task["dueWindow"]!["rule"]);
    }

    [Fact]
    public async Task Rescheduling_into_the_past_is_400_and_changes_nothing()
    {
        var created = await CreateAsync(NewTask());

        var response = await Client.PostAsync($"{Route}/{created["id"]}/reschedule", Json("""{"scheduledFor":"2026-11-24T15:00:00+08:00"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await ReadObjectAsync(response))["errors"]!["scheduledFor"]);
        Assert.Equal(created.ToJsonString(), (await Client.GetFromJsonAsync<JsonObject>($"{Route}/{created["id"]}"))!.ToJsonString());
    }

    [Fact]
    public async Task Three_unanswered_calls_make_a_task_unreachable()
    {
        var id = (await CreateAsync(NewTask()))["id"];

        var first = await ReadObjectAsync(await Client.PostAsync($"{Route}/{id}/attempts", Json("""{"outcome":"NoAnswer","note":"无人接听","recordedBy":"agent-07"}""")));
        Assert.Equal("2026-11-25T05:30:00+00:00", (string?)first["scheduledFor"]); // 10:00 + 2 working hours reaches lunch: 13:30 Beijing
        Assert.Equal(1, (int)first["failedAttempts"]!);

        await Client.PostAsync($"{Route}/{id}/attempts", Json("""{"outcome":"Busy"}"""));
        var third = await ReadObjectAsync(await Client.PostAsync($"{Route}/{id}/attempts", Json("""{"outcome":"WrongNumber"}""")));

        Assert.Equal("Unreachable", (string?)third["status"]);
        Assert.Equal(["NoAnswer", "Busy", "WrongNumber"], third["attempts"]!.AsArray().Select(a => (string)a!["outcome"]!));
        var fourth = await Client.PostAsync($"{Route}/{id}/attempts", Json("""{"outcome":"NoAnswer"}"""));
        Assert.Equal(HttpStatusCode.Conflict, fourth.StatusCode);
    }

    [Fact]
    public async Task A_requested_callback_moves_the_next_contact_to_the_customers_time()
    {
        var id = (await CreateAsync(NewTask()))["id"];

        var task = await ReadObjectAsync(await Client.PostAsync($"{Route}/{id}/attempts", Json("""{"outcome":"CallbackRequested","callbackAt":"2026-11-26T16:00:00+08:00"}""")));

        Assert.Equal("2026-11-26T08:00:00+00:00", (string?)task["scheduledFor"]);
        Assert.Equal(0, (int)task["failedAttempts"]!);
        Assert.Equal("Assigned", (string?)task["status"]);
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("POST", "/assign")]
    [InlineData("POST", "/reschedule")]
    [InlineData("POST", "/cancel")]
    [InlineData("POST", "/attempts")]
    public async Task An_unknown_task_id_is_404(string method, string action)
    {
        var body = action switch
        {
            "/assign" => """{"assignee":"a"}""",
            "/reschedule" => """{"scheduledFor":"2026-12-02T15:00:00+08:00"}""",
            "/cancel" => """{"reason":"r"}""",
            "/attempts" => """{"outcome":"Busy"}""",
            _ => null,
        };
        var request = new HttpRequestMessage(new HttpMethod(method), $"{Route}/{Guid.NewGuid()}{action}") { Content = body is null ? null : Json(body) };

        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await ReadObjectAsync(response);
        Assert.Equal("urn:huifang:problem:visit-task-not-found", (string?)problem["type"]);
        Assert.NotNull(problem["traceId"]);
    }

    [Fact]
    public async Task Problems_speak_chinese_when_asked()
    {
        using var client = Fixture.CreateClient("zh-CN,zh;q=0.9");

        var response = await client.PostAsync(Route, Json("""{"purpose":"AfterSales"}"""));

        var problem = await ReadObjectAsync(response);
        Assert.Equal("请求参数有误。", (string?)problem["title"]);
        Assert.Contains("不能", (string?)problem["errors"]!["customer"]![0]);
    }
}
