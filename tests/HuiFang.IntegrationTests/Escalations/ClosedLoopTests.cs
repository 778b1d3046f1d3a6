using System.Net;
using System.Text.Json.Nodes;
using HuiFang.IntegrationTests.Infrastructure;

namespace HuiFang.IntegrationTests.Escalations;

public sealed class SqliteClosedLoopTests(SqliteApiFixture fixture) : ClosedLoopTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresClosedLoopTests(PostgresApiFixture fixture) : ClosedLoopTests(fixture), IClassFixture<PostgresApiFixture>;

/// <summary>
/// The loop 回访 → 记录 → 处理 → 反馈 over HTTP with the test clock: feedback opens an escalation under
/// its SLA, the monitor warns, a late acknowledgement records the breach once, a fix plans the revisit,
/// the revisit reopens or closes the loop — and every step's event is in the tenant's event feed.
/// </summary>
public abstract class ClosedLoopTests(ApiFixture fixture) : LoopTestBase(fixture)
{
    [Fact]
    public async Task The_full_loop_runs_from_unsatisfied_feedback_through_a_late_acknowledgement_a_reopen_and_a_second_fix_to_a_closed_loop()
    {
        var taskId = await CreateTaskAsync(customer: "C-LOOP");

        // 1. The customer complains (urgent): the task completes and an escalation opens, respond within 2 h.
        var recorded = await RecordAsync(taskId, Feedback(2, ["Complaint"], "Urgent", "空调仍然漏水"));
        Assert.Equal("Unsatisfied", (string?)recorded["feedback"]!["verdict"]);
        Assert.Equal("Opened", (string?)recorded["escalation"]!["outcome"]);
        var escalationId = IdOf(recorded["escalation"]!["id"]);
        Assert.Equal("Completed", (string?)(await GetAsync($"/api/v1/visit-tasks/{taskId}"))["status"]);
        var opened = await GetAsync($"/api/v1/escalations/{escalationId}");
        Assert.Equal("Urgent", (string?)opened["severity"]);
        Assert.Equal("Department", (string?)opened["level"]);
        Assert.Equal(TestClock.Start.AddHours(2), (DateTimeOffset)opened["response"]!["dueBy"]!);

        // 2. At 1 h 35 min (past 75 % of 2 h) the monitor warns, once.
        Fixture.Clock.Advance(TimeSpan.FromMinutes(95));
        Assert.Equal(1, (await Fixture.TickAsync()).Warnings);
        Assert.Equal(0, (await Fixture.TickAsync()).Warnings);

        // 3. The department acknowledges at 2 h 10 min: late, so the breach is recorded now (once) and it moves up.
        Fixture.Clock.Advance(TimeSpan.FromMinutes(35));
        var acknowledged = await StepAsync(escalationId, "acknowledge", new JsonObject { ["note"] = "已联系工程部", ["by"] = "eng-wang" });
        Assert.Equal("Acknowledged", (string?)acknowledged["status"]);
        Assert.NotNull(acknowledged["response"]!["breachedAt"]);
        Assert.Equal("Supervisor", (string?)acknowledged["level"]);
        Assert.Equal(0, (await Fixture.TickAsync()).Breaches);
        Assert.Equal(1, await CountEventsAsync("EscalationSlaBreached"));

        // 4. Progress, then the fix: a revisit task is planned within 24 h, linked to the escalation.
        await StepAsync(escalationId, "progress", new JsonObject { ["note"] = "更换排水管，预计明天完成" });
        Fixture.Clock.Advance(TimeSpan.FromHours(3));
        var resolved = await StepAsync(escalationId, "resolve", new JsonObject { ["resolution"] = "已更换排水管" });
        Assert.Equal("Resolved", (string?)resolved["status"]);
        var revisitId = IdOf(resolved["revisitTaskId"]);
        var revisit = await GetAsync($"/api/v1/visit-tasks/{revisitId}");
        Assert.Equal("ComplaintFollowUp", (string?)revisit["purpose"]);
        Assert.Equal(escalationId.ToString(), (string?)revisit["escalationId"]);
        Assert.Equal(Fixture.Clock.GetUtcNow().AddHours(24), (DateTimeOffset)revisit["dueWindow"]!["by"]!);

        // 5. The revisit finds the customer still unsatisfied: reopened, cycle 2, next level, new deadlines.
        var still = await RecordAsync(revisitId, Feedback(2, ["Suggestion"], problems: "还是有异味"));
        Assert.Equal("Reopened", (string?)still["escalation"]!["outcome"]);
        var reopened = await GetAsync($"/api/v1/escalations/{escalationId}");
        Assert.Equal("Open", (string?)reopened["status"]);
        Assert.Equal(2, (int)reopened["cycle"]!);
        Assert.Equal("Manager", (string?)reopened["level"]);
        Assert.Null(reopened["acknowledgedAt"]);
        Assert.Equal(Fixture.Clock.GetUtcNow().AddHours(2), (DateTimeOffset)reopened["response"]!["dueBy"]!);

        // 6. Second cycle: in time this time; the second revisit finds the customer satisfied: the loop closes.
        Fixture.Clock.Advance(TimeSpan.FromMinutes(30));
        await StepAsync(escalationId, "acknowledge");
        var second = await StepAsync(escalationId, "resolve", new JsonObject { ["resolution"] = "除味处理" });
        var secondRevisit = IdOf(second["revisitTaskId"]);
        Assert.NotEqual(revisitId, secondRevisit);
        var satisfied = await RecordAsync(secondRevisit, Feedback(5, ["Praise"]));
        Assert.Equal("Closed", (string?)satisfied["escalation"]!["outcome"]);
        var closed = await GetAsync($"/api/v1/escalations/{escalationId}");
        Assert.Equal("Closed", (string?)closed["status"]);
        Assert.NotNull(closed["closedAt"]);

        // Every step is in the feed, each exactly once.
        var types = (await EventsAsync()).GroupBy(e => (string)e["type"]!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(3, types["VisitTaskCreated"]);
        Assert.Equal(3, types["FeedbackRecorded"]);
        Assert.Equal(1, types["CustomerUnsatisfied"]);
        Assert.Equal(2, types["ComplaintEscalated"]);
        Assert.Equal(1, types["EscalationSlaWarning"]);
        Assert.Equal(1, types["EscalationSlaBreached"]);
        Assert.Equal(2, types["EscalationResolved"]);
        Assert.Equal(1, types["CustomerStillUnsatisfied"]);
        Assert.Equal(1, types["FollowUpLoopClosed"]);

        var loopClosed = (await EventsAsync("FollowUpLoopClosed")).Single()["payload"]!;
        Assert.Equal(2, (int)loopClosed["cycles"]!);
        Assert.Equal(taskId.ToString(), (string?)loopClosed["taskId"]);
        var reopenedEvent = (await EventsAsync("ComplaintEscalated")).Last()["payload"]!;
        Assert.Equal("Reopened", (string?)reopenedEvent["trigger"]);
        Assert.Equal(2, (int)reopenedEvent["cycle"]!);

        var history = await GetAsync($"/api/v1/escalations/{escalationId}/history");
        var actions = history["entries"]!.AsArray().Select(e => (string)e!["action"]!).ToList();
        Assert.Equal(["opened", "sla-warning", "sla-breached", "acknowledged", "progress", "resolved", "reopened", "acknowledged", "resolved", "closed"], actions);
    }

    [Fact]
    public async Task The_sla_report_counts_every_cycle_a_response_missed_in_cycle_1_and_met_in_cycle_2_is_one_breach_and_one_met()
    {
        var recorded = await RecordAsync(await CreateTaskAsync(customer: "C-SLA"), Feedback(1, ["Complaint"], "Urgent", "热水器不出热水"));
        var escalationId = IdOf(recorded["escalation"]!["id"]);

        // Cycle 1: nobody responds within the 2 hours; the monitor records the breach; then handled and fixed.
        Fixture.Clock.Advance(TimeSpan.FromMinutes(130));
        Assert.Equal(1, (await Fixture.TickAsync()).Breaches);
        await StepAsync(escalationId, "acknowledge");
        var first = await StepAsync(escalationId, "resolve", new JsonObject { ["resolution"] = "更换加热棒" });

        // The revisit finds the customer unsatisfied: cycle 2, acknowledged in 30 minutes, fixed; the loop closes.
        Assert.Equal("Reopened", (string?)(await RecordAsync(IdOf(first["revisitTaskId"]), Feedback(2, ["Suggestion"])))["escalation"]!["outcome"]);
        Fixture.Clock.Advance(TimeSpan.FromMinutes(30));
        await StepAsync(escalationId, "acknowledge");
        var second = await StepAsync(escalationId, "resolve", new JsonObject { ["resolution"] = "更换温控器" });
        Assert.Equal("Closed", (string?)(await RecordAsync(IdOf(second["revisitTaskId"]), Feedback(5)))["escalation"]!["outcome"]);
        Assert.Equal(1, await CountEventsAsync("EscalationSlaBreached"));

        var total = (await GetAsync("/api/v1/reports/sla?from=2026-11-01&to=2026-11-30"))["total"]!;
        Assert.Equal(1, (int)total["escalations"]!);
        Assert.Equal((1, 1, 0.5), ((int)total["responseMet"]!, (int)total["responseBreached"]!, (double)total["responseCompliance"]!));
        Assert.Equal((2, 0, 1.0), ((int)total["resolutionMet"]!, (int)total["resolutionBreached"]!, (double)total["resolutionCompliance"]!));
        Assert.Equal(2, (int)total["cycles"]!);
        Assert.Equal((1, 1, 1), ((int)total["breaches"]!, (int)total["reopened"]!, (int)total["loopsClosed"]!));
        Assert.Equal(Math.Round((130 / 60.0 + 0.5) / 2, 2), (double)total["meanHoursToRespond"]!); // both cycles' responses

        // The same per group: the escalation's department row says what the total says.
        var row = (await GetAsync("/api/v1/reports/sla?from=2026-11-01&to=2026-11-30&groupBy=department"))["rows"]!.AsArray().Single()!;
        Assert.Equal((1, 1, 2), ((int)row["responseMet"]!, (int)row["responseBreached"]!, (int)row["cycles"]!));
    }

    [Fact]
    public async Task A_fix_reported_after_midnight_plans_the_revisit_from_the_next_working_moment()
    {
        var recorded = await RecordAsync(await CreateTaskAsync(), Feedback(2, ["Complaint"], "General", "门锁坏了"));
        var escalationId = IdOf(recorded["escalation"]!["id"]);
        await StepAsync(escalationId, "acknowledge");

        // Thursday 00:27 in Beijing (16:27 UTC on Wednesday): the department reports it fixed at night.
        Fixture.Clock.Advance(new DateTimeOffset(2026, 11, 26, 0, 27, 0, TimeSpan.FromHours(8)) - Fixture.Clock.GetUtcNow());
        var resolved = await StepAsync(escalationId, "resolve", new JsonObject { ["resolution"] = "已更换门锁" });
        var revisit = await GetAsync($"/api/v1/visit-tasks/{IdOf(resolved["revisitTaskId"])}");
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(8)), (DateTimeOffset)revisit["dueWindow"]!["from"]!);
        Assert.Equal(Fixture.Clock.GetUtcNow().AddHours(24), (DateTimeOffset)revisit["dueWindow"]!["by"]!);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(8)), (DateTimeOffset)revisit["scheduledFor"]!);
    }

    [Fact]
    public async Task A_general_complaint_with_a_good_score_still_opens_an_escalation_due_in_24_hours()
    {
        var recorded = await RecordAsync(await CreateTaskAsync(), Feedback(4, ["Complaint"], "General"));
        var escalation = await GetAsync($"/api/v1/escalations/{IdOf(recorded["escalation"]!["id"])}");
        Assert.Equal("General", (string?)escalation["severity"]);
        Assert.Equal("Complaint", (string?)escalation["trigger"]);
        Assert.Equal(TestClock.Start.AddHours(24), (DateTimeOffset)escalation["response"]!["dueBy"]!);
        Assert.Equal(1, await CountEventsAsync("CustomerUnsatisfied"));
    }

    [Fact]
    public async Task Pausing_stops_the_clock_and_the_deadline_moves_by_the_time_paused()
    {
        var recorded = await RecordAsync(await CreateTaskAsync(), Feedback(1, ["Complaint"], "Urgent"));
        var id = IdOf(recorded["escalation"]!["id"]);
        Fixture.Clock.Advance(TimeSpan.FromMinutes(30));
        var paused = await StepAsync(id, "pause", new JsonObject { ["reason"] = "客户出差，下周一回来" });
        Assert.Null(paused["response"]!["dueBy"]);
        Assert.Null(paused["nextDueBy"]);
        await StepAsync(id, "pause", new JsonObject { ["reason"] = "again" }, HttpStatusCode.Conflict);

        // Three hours paused: nothing fires although the original deadline passes.
        Fixture.Clock.Advance(TimeSpan.FromHours(3));
        var tick = await Fixture.TickAsync();
        Assert.Equal(0, tick.Warnings + tick.Breaches);

        var resumed = await StepAsync(id, "resume");
        Assert.Equal("Open", (string?)resumed["status"]);
        Assert.Equal(TestClock.Start.AddHours(5), (DateTimeOffset)resumed["response"]!["dueBy"]!);
        Assert.Equal("03:00:00", (string?)resumed["pausedFor"]);

        var sla = await GetAsync($"/api/v1/escalations/{id}/sla");
        var response = sla["response"]!;
        Assert.Equal("Running", (string?)response["state"]);
        Assert.Equal("WallClock", (string?)response["clock"]);
        Assert.Single(sla["pauses"]!.AsArray());
        var intervals = response["countedIntervals"]!.AsArray();
        Assert.Equal(2, intervals.Count);
        Assert.Equal(TestClock.Start, (DateTimeOffset)intervals[0]!["start"]!);
        Assert.Equal(TestClock.Start.AddMinutes(30), (DateTimeOffset)intervals[0]!["end"]!);
        Assert.Equal(TestClock.Start.AddHours(3.5), (DateTimeOffset)intervals[1]!["start"]!);
        Assert.Equal("00:30:00", (string?)response["elapsed"]);
        Assert.Equal("01:30:00", (string?)response["remaining"]);
    }

    [Fact]
    public async Task Business_hour_targets_count_only_working_time_and_the_explanation_lists_the_intervals()
    {
        var policy = new JsonObject { ["general"] = new JsonObject { ["response"] = new JsonObject { ["duration"] = "04:00:00", ["clock"] = "BusinessHours" } } };
        Assert.Equal(HttpStatusCode.OK, (await Client.PutAsync("/api/v1/policies/escalation", Json(policy))).StatusCode);

        // Wednesday 17:00 Beijing: one working hour left today (default calendar 09:00–12:00, 13:00–18:00), three tomorrow.
        Fixture.Clock.Advance(TimeSpan.FromHours(7));
        var recorded = await RecordAsync(await CreateTaskAsync(), Feedback(2));
        var id = IdOf(recorded["escalation"]!["id"]);
        var sla = await GetAsync($"/api/v1/escalations/{id}/sla");
        var response = sla["response"]!;
        Assert.Equal("BusinessHours", (string?)response["clock"]);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.FromHours(8)), (DateTimeOffset)response["dueBy"]!);
        var counted = response["countedIntervals"]!.AsArray().Select(i => ((DateTimeOffset)i!["start"]!, (DateTimeOffset)i!["end"]!)).ToList();
        Assert.Equal(
            [
                (new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.FromHours(8)), new DateTimeOffset(2026, 11, 25, 18, 0, 0, TimeSpan.FromHours(8))),
                (new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(8)), new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.FromHours(8))),
            ],
            counted);
        Assert.Equal("Asia/Shanghai", (string?)sla["calendar"]!["timeZone"]);
    }

    [Fact]
    public async Task While_a_target_is_breached_the_monitor_chases_the_department_at_the_interval_and_never_outside_working_hours()
    {
        var recorded = await RecordAsync(await CreateTaskAsync(), Feedback(1, ["Complaint"], "Urgent"));
        var id = IdOf(recorded["escalation"]!["id"]);

        // 12:01 Beijing: breached (response due 12:00). The default calendar works 09:00–12:00 and 13:30–18:00,
        // so the next reminder falls 4 working hours later: 17:30.
        Fixture.Clock.Advance(TimeSpan.FromMinutes(121));
        Assert.Equal(1, (await Fixture.TickAsync()).Breaches);
        Fixture.Clock.Advance(TimeSpan.FromHours(3)); // 15:01
        Assert.Equal(0, (await Fixture.TickAsync()).Reminders);
        Fixture.Clock.Advance(TimeSpan.FromHours(2.5)); // 17:31
        Assert.Equal(1, (await Fixture.TickAsync()).Reminders);

        // The next one would fall at 14:01 tomorrow (29 min today, 3 h in the morning, 31 min after lunch); at midnight nothing is sent.
        Fixture.Clock.Advance(TimeSpan.FromHours(6.5)); // 00:01
        Assert.Equal(0, (await Fixture.TickAsync()).Reminders);

        // At 13:55 the resolution target (24 h) is breached too: the breach is that chase, the next follows 4 working hours later (17:55).
        Fixture.Clock.Advance(TimeSpan.FromHours(13.9)); // 13:55
        var resolutionBreach = await Fixture.TickAsync();
        Assert.Equal((1, 0), (resolutionBreach.Breaches, resolutionBreach.Reminders));
        Fixture.Clock.Advance(TimeSpan.FromHours(3.9)); // 17:49
        Assert.Equal(0, (await Fixture.TickAsync()).Reminders);
        Fixture.Clock.Advance(TimeSpan.FromMinutes(7)); // 17:56
        Assert.Equal(1, (await Fixture.TickAsync()).Reminders);
        Assert.Equal("Manager", (string?)(await GetAsync($"/api/v1/escalations/{id}"))["level"]);

        var reminders = (await EventsAsync("EscalationReminderSent")).Select(e => e["payload"]!).ToList();
        Assert.Equal(2, reminders.Count);
        Assert.All(reminders, r => Assert.True((bool)r["automatic"]!));

        // A person chases too (催办), with a note.
        var reminded = await StepAsync(id, "remind", new JsonObject { ["note"] = "请今天内回复客户" });
        Assert.Equal(3, (int)reminded["reminderCount"]!);
        Assert.False((bool)(await EventsAsync("EscalationReminderSent")).Last()["payload"]!["automatic"]!);
    }

    [Fact]
    public async Task Overdue_visit_tasks_and_late_inquiry_replies_are_reported_once_each()
    {
        var taskId = await CreateTaskAsync();
        var inquiry = Feedback(4, ["Inquiry"]);
        inquiry["pendingInquiry"] = "保修期多长？";
        var withInquiry = await RecordAsync(await CreateTaskAsync(), inquiry);
        Assert.Equal(TestClock.Start.AddHours(24), (DateTimeOffset)withInquiry["feedback"]!["inquiry"]!["replyDueBy"]!);

        Fixture.Clock.Advance(TimeSpan.FromDays(30));
        var first = await Fixture.TickAsync();
        Assert.True(first.OverdueTasks >= 1);
        Assert.Equal(1, first.OverdueInquiries);
        var again = await Fixture.TickAsync();
        Assert.Equal(0, again.OverdueTasks + again.OverdueInquiries);
        var overdue = (await EventsAsync("VisitTaskOverdue")).Select(e => (string?)e["payload"]!["taskId"]).ToList();
        Assert.Contains(taskId.ToString(), overdue);
        Assert.Equal(overdue.Count, overdue.Distinct().Count());
        Assert.Equal(1, await CountEventsAsync("InquiryReplyOverdue"));

        var feedbackId = IdOf(withInquiry["feedback"]!["id"]);
        var listed = await GetAsync("/api/v1/feedback?inquiry=Overdue");
        Assert.Single(listed["items"]!.AsArray());
        var replied = await Client.PostAsync($"/api/v1/feedback/{feedbackId}/inquiry-reply", Json(new JsonObject { ["reply"] = "整机保修一年" }));
        Assert.Equal(HttpStatusCode.OK, replied.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Client.PostAsync($"/api/v1/feedback/{feedbackId}/inquiry-reply", Json(new JsonObject { ["reply"] = "again" }))).StatusCode);
        Assert.Empty((await GetAsync("/api/v1/feedback?inquiry=Open"))["items"]!.AsArray());
    }

    [Fact]
    public async Task Routing_rules_send_the_escalation_to_the_matching_department_and_owner_and_a_breach_hands_it_to_the_supervisor()
    {
        var policy = new JsonObject
        {
            ["routes"] = new JsonArray(
                new JsonObject { ["serviceType"] = "Repair", ["toDepartment"] = "Engineering", ["owner"] = "eng-wang", ["supervisor"] = "sup-li", ["manager"] = "mgr-zhao" },
                new JsonObject { ["toDepartment"] = "CustomerCare" }),
        };
        Assert.Equal(HttpStatusCode.OK, (await Client.PutAsync("/api/v1/policies/escalation", Json(policy))).StatusCode);

        var repair = await RecordAsync(await CreateTaskAsync(), Feedback(1, ["Complaint"], "Urgent"));
        Assert.Equal("Engineering", (string?)repair["escalation"]!["department"]);
        Assert.Equal("eng-wang", (string?)repair["escalation"]!["owner"]);
        var other = await RecordAsync(await CreateTaskAsync(serviceType: "Installation"), Feedback(1));
        Assert.Equal("CustomerCare", (string?)other["escalation"]!["department"]);

        Fixture.Clock.Advance(TimeSpan.FromHours(3));
        await Fixture.TickAsync();
        var breached = await GetAsync($"/api/v1/escalations/{IdOf(repair["escalation"]!["id"])}");
        Assert.Equal("Supervisor", (string?)breached["level"]);
        Assert.Equal("sup-li", (string?)breached["owner"]);

        var queue = await GetAsync("/api/v1/escalations?breached=true&department=Engineering");
        Assert.Single(queue["items"]!.AsArray());
    }

    [Fact]
    public async Task The_queue_is_ordered_by_the_nearest_deadline_and_pages_without_repeats()
    {
        var general = IdOf((await RecordAsync(await CreateTaskAsync(), Feedback(1, ["Complaint"], "General")))["escalation"]!["id"]);
        var urgent = IdOf((await RecordAsync(await CreateTaskAsync(), Feedback(1, ["Complaint"], "Urgent")))["escalation"]!["id"]);
        var paused = IdOf((await RecordAsync(await CreateTaskAsync(), Feedback(1, ["Complaint"], "Urgent")))["escalation"]!["id"]);
        await StepAsync(paused, "pause", new JsonObject { ["reason"] = "等待客户" });

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await GetAsync("/api/v1/escalations?limit=1" + (cursor is null ? "" : "&cursor=" + cursor));
            seen.AddRange(page["items"]!.AsArray().Select(i => IdOf(i!["id"])));
            cursor = (string?)page["nextCursor"];
        }
        while (cursor is not null);
        Assert.Equal([urgent, general, paused], seen);
    }

    [Fact]
    public async Task Two_agents_acknowledging_with_the_same_ETag_cannot_both_win()
    {
        var id = IdOf((await RecordAsync(await CreateTaskAsync(), Feedback(1)))["escalation"]!["id"]);
        var read = await Client.GetAsync($"/api/v1/escalations/{id}");
        var etag = read.Headers.ETag!.Tag;

        await StepAsync(id, "acknowledge", new JsonObject { ["by"] = "agent-a" }, HttpStatusCode.OK, etag);
        var loser = await StepAsync(id, "acknowledge", new JsonObject { ["by"] = "agent-b" }, HttpStatusCode.PreconditionFailed, etag);
        Assert.Equal("precondition-failed", (string?)loser["code"]);
        Assert.Equal(HttpStatusCode.Conflict, (await Client.PostAsync($"/api/v1/escalations/{id}/acknowledge", Json(new JsonObject()))).StatusCode);
        Assert.Single((await GetAsync($"/api/v1/escalations/{id}"))["notes"]!.AsArray(), n => (string?)n!["kind"] == "Acknowledgement");
    }
}
