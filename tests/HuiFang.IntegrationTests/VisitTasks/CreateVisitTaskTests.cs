using System.Net;
using System.Text.Json.Nodes;
using HuiFang.IntegrationTests.Infrastructure;
using static HuiFang.IntegrationTests.VisitTasks.VisitTaskRequests;

namespace HuiFang.IntegrationTests.VisitTasks;

[Collection(SqliteVisitTaskApi.Name)]
public sealed class SqliteCreateVisitTaskTests(SqliteApiFixture fixture) : CreateVisitTaskTests(fixture);

[Collection(PostgresVisitTaskApi.Name)]
public sealed class PostgresCreateVisitTaskTests(PostgresApiFixture fixture) : CreateVisitTaskTests(fixture);

/// <summary>Creating a visit task: the due window it is planned in, the channel, the refusals of a duplicate
/// and of do-not-disturb, and problems in the caller's language.</summary>
public abstract class CreateVisitTaskTests(ApiFixture fixture) : VisitTaskApiTestBase(fixture)
{
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
    public async Task Problems_speak_chinese_when_asked()
    {
        using var client = Fixture.CreateClient("zh-CN,zh;q=0.9");

        var response = await client.PostAsync(Route, Json("""{"purpose":"AfterSales"}"""));

        var problem = await ReadObjectAsync(response);
        Assert.Equal("请求参数有误。", (string?)problem["title"]);
        Assert.Contains("不能", (string?)problem["errors"]!["customer"]![0]);
    }
}
