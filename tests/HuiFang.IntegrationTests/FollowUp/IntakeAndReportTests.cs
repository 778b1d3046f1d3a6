using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using HuiFang.IntegrationTests.Escalations;
using HuiFang.IntegrationTests.Infrastructure;

namespace HuiFang.IntegrationTests.FollowUp;

public sealed class SqliteIntakeAndReportTests(SqliteApiFixture fixture) : IntakeAndReportTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresIntakeAndReportTests(PostgresApiFixture fixture) : IntakeAndReportTests(fixture), IClassFixture<PostgresApiFixture>;

/// <summary>
/// Service records in, decisions out, visits and feedback, then the reports — with exact figures on a
/// seeded month, on both databases.
/// </summary>
public abstract class IntakeAndReportTests(ApiFixture fixture) : LoopTestBase(fixture)
{
    internal static JsonObject Record(string workOrder, string serviceType, string customer, string completedAt = "2026-11-24T10:00:00+08:00", string? department = "Engineering") => new()
    {
        ["customer"] = new JsonObject { ["externalId"] = customer, ["name"] = "业主 " + customer, ["phone"] = "13800001234" },
        ["serviceRecord"] = new JsonObject
        {
            ["workOrderNo"] = workOrder,
            ["serviceType"] = serviceType,
            ["description"] = "维修",
            ["completedAt"] = completedAt,
            ["department"] = department,
        },
    };

    protected async Task<JsonObject> ReceiveAsync(JsonObject record, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await Client.PostAsync("/api/v1/service-records", Json(record));
        var body = await ReadObjectAsync(response);
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {(int)response.StatusCode}: {body.ToJsonString()}");
        return body;
    }

    [Fact]
    public async Task A_month_of_service_records_is_decided_by_the_default_policy_and_every_decision_explains_itself()
    {
        var complaint = (await ReceiveAsync(Record("WO-C1", "Complaint", "C1")))["decision"]!;
        Assert.Equal("Selected", (string?)complaint["outcome"]);
        Assert.Equal("complaints", (string?)complaint["rule"]);
        Assert.Equal("ComplaintFollowUp", (string?)complaint["purpose"]);
        Assert.Equal("WithinHours", (string?)complaint["timing"]);

        var routine = (await ReceiveAsync(Record("WO-R1", "RoutineRepair", "C3")))["decision"]!;
        Assert.Equal("routine-by-volume", (string?)routine["rule"]);
        Assert.Equal(1, (int)routine["monthVolume"]!);
        Assert.Equal(100, (int)routine["tier"]!["percent"]!);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(8)), (DateTimeOffset)routine["dueFrom"]!);
        Assert.Contains("1–100", (string?)routine["explanation"]);

        // The same customer again within 30 days: chosen, but held back by the do-not-disturb rule; no task.
        var second = (await ReceiveAsync(Record("WO-R2", "RoutineRepair", "C3")))["decision"]!;
        Assert.Equal("DoNotDisturb", (string?)second["outcome"]);
        Assert.False((bool)second["selected"]!);
        Assert.Equal((string?)routine["visitTaskId"], (string?)second["conflictingTaskId"]);
        Assert.Null(second["visitTaskId"]);

        // An unknown service type: the default rule decides, and says so.
        var unknown = (await ReceiveAsync(Record("WO-X1", "WindowCleaning", "C4")))["decision"]!;
        Assert.True((bool)unknown["defaultRuleApplied"]!);
        Assert.Equal("default", (string?)unknown["rule"]);
        Assert.Contains("WindowCleaning", (string?)unknown["explanation"]);

        // Activities: 30 % of ten is exactly three, whichever three the hash picks.
        var chosen = 0;
        for (var i = 1; i <= 10; i++)
        {
            var d = (await ReceiveAsync(Record($"WO-A{i}", "Activity", $"A{i}")))["decision"]!;
            Assert.Equal(i, (int)d["monthVolume"]!);
            chosen += (bool)d["selected"]! ? 1 : 0;
        }

        Assert.Equal(3, chosen);
        var tasks = await GetAsync("/api/v1/visit-tasks?limit=100");
        Assert.Equal(3 + 3, tasks["items"]!.AsArray().Count);

        // A repeat is the first decision (200); other content for the same work order is refused and changes nothing.
        var again = await ReceiveAsync(Record("WO-R1", "RoutineRepair", "C3"), HttpStatusCode.OK);
        Assert.Equal((string?)routine["visitTaskId"], (string?)again["decision"]!["visitTaskId"]);
        var conflict = await ReceiveAsync(Record("WO-R1", "EmergencyRepair", "C3"), HttpStatusCode.Conflict);
        Assert.Equal("service-record-conflict", (string?)conflict["code"]);
        var stored = await GetAsync("/api/v1/service-records/WO-R1");
        Assert.Equal("RoutineRepair", (string?)stored["serviceRecord"]!["serviceType"]);
        Assert.Equal("13800001234", (string?)stored["customer"]!["phone"]); // the test key holds pii:read
    }

    [Fact]
    public async Task Intake_then_visits_then_feedback_gives_exact_reports_in_json_and_csv()
    {
        var taskOf = new Dictionary<string, Guid>();
        foreach (var (wo, type, customer) in new[] { ("WO-C1", "Complaint", "C1"), ("WO-E1", "EmergencyRepair", "C2"), ("WO-R1", "RoutineRepair", "C3"), ("WO-R2", "RoutineRepair", "C3"), ("WO-X1", "WindowCleaning", "C4") })
        {
            var d = (await ReceiveAsync(Record(wo, type, customer)))["decision"]!;
            if (d["visitTaskId"] is { } id)
            {
                taskOf[wo] = IdOf(id);
            }
        }

        var activityTasks = new List<Guid>();
        for (var i = 1; i <= 10; i++)
        {
            if ((await ReceiveAsync(Record($"WO-A{i}", "Activity", $"A{i}")))["decision"]!["visitTaskId"] is { } id)
            {
                activityTasks.Add(IdOf(id));
            }
        }

        // Week 48 (Wednesday 25 November): the complaint (2, urgent), the emergency repair (5), one activity (5, NPS 10).
        await RecordAsync(taskOf["WO-C1"], Feedback(2, ["Complaint"], "Urgent", "漏水未修好"));
        await RecordAsync(taskOf["WO-E1"], Feedback(5));
        var activity = Feedback(5);
        activity["nps"] = 10;
        await RecordAsync(activityTasks[0], activity);

        // Week 49 (Wednesday 2 December): the routine repair (4, NPS 9) and the window cleaning (3, NPS 5).
        Fixture.Clock.Advance(TimeSpan.FromDays(7));
        var routine = Feedback(4, ["Suggestion"]);
        routine["nps"] = 9;
        await RecordAsync(taskOf["WO-R1"], routine);
        var cleaning = Feedback(3, ["Suggestion"]);
        cleaning["nps"] = 5;
        await RecordAsync(taskOf["WO-X1"], cleaning);

        var satisfaction = await GetAsync("/api/v1/reports/satisfaction?from=2026-11-23&to=2026-12-06&groupBy=week");
        var rows = satisfaction["rows"]!.AsArray();
        Assert.Equal(["2026-W48", "2026-W49"], rows.Select(r => (string?)r!["group"]));
        Assert.Equal(3, (int)rows[0]!["feedback"]!);
        Assert.Equal(2, (int)rows[0]!["satisfied"]!);
        Assert.Equal(1, (int)rows[0]!["unsatisfied"]!);
        Assert.Equal(4.0, (double)rows[0]!["averageScore"]!);
        Assert.Equal(100.0, (double)rows[0]!["nps"]!);
        Assert.Equal(0.0, (double)rows[1]!["nps"]!);
        var total = satisfaction["total"]!;
        Assert.Equal(5, (int)total["feedback"]!);
        Assert.Equal(0.6, (double)total["satisfactionRate"]!);
        Assert.Equal(3.8, (double)total["averageScore"]!);
        Assert.Equal([0, 1, 1, 1, 2], Enumerable.Range(1, 5).Select(s => (int)total[$"score{s}"]!));
        Assert.Equal(3, (int)total["npsResponses"]!);
        Assert.Equal(33.3, (double)total["nps"]!);

        var categories = (await GetAsync("/api/v1/reports/categories?from=2026-11-23&to=2026-12-06"))["total"]!;
        Assert.Equal((2, 2, 1, 0, 1), ((int)categories["praise"]!, (int)categories["suggestion"]!, (int)categories["complaint"]!, (int)categories["inquiry"]!, (int)categories["complaintsUrgent"]!));
        Assert.Equal(1, (int)categories["withUnresolvedProblems"]!);

        var byType = (await GetAsync("/api/v1/reports/satisfaction?from=2026-11-23&to=2026-12-06&groupBy=serviceType"))["rows"]!.AsArray();
        Assert.Equal(["Activity", "Complaint", "EmergencyRepair", "RoutineRepair", "WindowCleaning"], byType.Select(r => (string?)r!["group"]));

        var visits = await GetAsync("/api/v1/reports/visits?from=2026-11-01&to=2026-11-30&groupBy=channel");
        Assert.Equal("Phone", (string?)visits["rows"]![0]!["group"]);
        Assert.Equal((7, 5, 2, 0), ((int)visits["total"]!["planned"]!, (int)visits["total"]!["completed"]!, (int)visits["total"]!["open"]!, (int)visits["total"]!["cancelled"]!));

        var coverage = await GetAsync("/api/v1/reports/coverage?from=2026-11-01&to=2026-11-30");
        var byService = coverage["rows"]!.AsArray().ToDictionary(r => (string)r!["group"]!, r => r!);
        Assert.Equal((10, 3, 1, 3.0, false), ((int)byService["Activity"]["eligible"]!, (int)byService["Activity"]["selected"]!, (int)byService["Activity"]["visited"]!, (double)byService["Activity"]["targetVisits"]!, (bool)byService["Activity"]["meetsTarget"]!));
        Assert.Equal((2, 1, 1, 1, 0.5), ((int)byService["RoutineRepair"]["eligible"]!, (int)byService["RoutineRepair"]["selected"]!, (int)byService["RoutineRepair"]["heldBack"]!, (int)byService["RoutineRepair"]["visited"]!, (double)byService["RoutineRepair"]["coverageRate"]!));
        Assert.True((bool)byService["Complaint"]["meetsTarget"]!);
        Assert.Equal("default", (string?)byService["WindowCleaning"]["rule"]);
        Assert.Equal((15, 7, 5, 8.0), ((int)coverage["total"]!["eligible"]!, (int)coverage["total"]!["selected"]!, (int)coverage["total"]!["visited"]!, (double)coverage["total"]!["targetVisits"]!));

        var sla = (await GetAsync("/api/v1/reports/sla?from=2026-11-01&to=2026-11-30&groupBy=department"))["rows"]!.AsArray();
        Assert.Single(sla);
        Assert.Equal("Engineering", (string?)sla[0]!["group"]);
        Assert.Equal((1, 1, 0), ((int)sla[0]!["escalations"]!, (int)sla[0]!["urgent"]!, (int)sla[0]!["responseMet"]!));

        var unsatisfied = (await GetAsync("/api/v1/reports/unsatisfied?from=2026-11-01&to=2026-11-30"))["rows"]!.AsArray();
        Assert.Single(unsatisfied);
        Assert.Equal("WO-C1", (string?)unsatisfied[0]!["workOrderNo"]);
        Assert.Equal("漏水未修好", (string?)unsatisfied[0]!["unresolvedProblems"]);
        Assert.Equal("Open", (string?)unsatisfied[0]!["escalationStatus"]);

        // CSV: UTF-8 with a byte-order mark, the row's fields as header, the total last; Chinese text intact.
        var csv = await Client.GetAsync("/api/v1/reports/satisfaction?from=2026-11-23&to=2026-12-06&groupBy=week&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("group,feedback,satisfied,neutral,unsatisfied,satisfactionRate,averageScore,score1,", lines[0]);
        Assert.Equal(["2026-W48", "2026-W49", "total"], lines[1..].Select(l => l.Split(',')[0]));
        Assert.Equal("total,5,3,1,1,0.6,3.8,0,1,1,1,2,3,33.3", string.Join(',', lines[3].Split(',')[..14]));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/reports/unsatisfied?from=2026-11-01&to=2026-11-30");
        request.Headers.Accept.ParseAdd("text/csv");
        var list = Encoding.UTF8.GetString((await (await Client.SendAsync(request)).Content.ReadAsByteArrayAsync())[3..]);
        Assert.Contains("漏水未修好", list);
        Assert.Contains("Complaint", list);
    }

    [Fact]
    public async Task Each_settings_document_has_its_own_version_and_decisions_record_one_the_follow_up_policy_had()
    {
        async Task<(int Version, string? ETag)> VersionOf(string path)
        {
            var response = await Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return ((int)(await ReadObjectAsync(response))["version"]!, response.Headers.ETag?.Tag);
        }

        async Task PutAsync(string path, JsonObject body, string? ifMatch = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = Json(body) };
            if (ifMatch is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            }

            var response = await Client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        const string FollowUp = "/api/v1/policies/follow-up", Escalation = "/api/v1/policies/escalation", Settings = "/api/v1/admin/tenant";
        await PutAsync(FollowUp, new JsonObject { ["defaultRule"] = new JsonObject { ["mode"] = "Always" } });
        var followUp = await VersionOf(FollowUp);
        var first = (await ReceiveAsync(Record("WO-V1", "WindowCleaning", "V1")))["decision"]!;
        Assert.Equal(followUp.Version, (int)first["policyVersion"]!);

        // The other documents change: the escalation policy, then the calendar.
        var escalationBefore = await VersionOf(Escalation);
        await PutAsync(Escalation, new JsonObject { ["warningPercent"] = 80 });
        var settingsBefore = await VersionOf(Settings);
        await PutAsync(Settings, new JsonObject
        {
            ["name"] = "Tenant A",
            ["calendar"] = new JsonObject
            {
                ["timeZone"] = "Asia/Shanghai",
                ["workingDays"] = new JsonArray("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"),
                ["workingHours"] = new JsonArray("08:30-17:30"),
            },
        });

        // The follow-up policy did not change: neither its version nor its ETag moved, and a decision made now
        // records the version it has (and had).
        Assert.Equal(followUp, await VersionOf(FollowUp));
        var second = (await ReceiveAsync(Record("WO-V2", "WindowCleaning", "V2")))["decision"]!;
        Assert.Equal(followUp.Version, (int)second["policyVersion"]!);

        // Each document moved by one, with its own change only.
        Assert.Equal(escalationBefore.Version + 1, (await VersionOf(Escalation)).Version);
        Assert.Equal(settingsBefore.Version + 1, (await VersionOf(Settings)).Version);

        // The follow-up ETag held since before the other changes is still good for If-Match.
        await PutAsync(FollowUp, new JsonObject { ["defaultRule"] = new JsonObject { ["mode"] = "Never" } }, followUp.ETag);
        Assert.Equal(followUp.Version + 1, (await VersionOf(FollowUp)).Version);
        var third = (await ReceiveAsync(Record("WO-V3", "WindowCleaning", "V3")))["decision"]!;
        Assert.Equal(followUp.Version + 1, (int)third["policyVersion"]!);
    }

    [Theory]
    [InlineData("satisfaction")]
    [InlineData("categories")]
    [InlineData("visits")]
    [InlineData("sla")]
    [InlineData("coverage")]
    public async Task A_csv_report_without_grouping_prints_the_total_line_once(string report)
    {
        // Something to count in every report: an intake decision, a completed visit, an escalation.
        var taskId = IdOf((await ReceiveAsync(Record("WO-CSV1", "Complaint", "C-CSV")))["decision"]!["visitTaskId"]);
        await RecordAsync(taskId, Feedback(2, ["Complaint"], "General", "仍然漏水"));

        var csv = await Client.GetAsync($"/api/v1/reports/{report}?from=2026-11-01&to=2026-11-30&format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = Encoding.UTF8.GetString((await csv.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("group,", lines[0]);
        var groups = lines[1..].Select(l => l.Split(',')[0]).ToList();
        Assert.Single(groups, g => g == "total");
        Assert.Equal("total", groups[^1]);
        if (report != "coverage")
        {
            Assert.Equal(["total"], groups);
        }
        else
        {
            // Coverage always has a row per service type; without grouping they stay, with the total once after them.
            Assert.Equal(["Complaint", "total"], groups);
        }
    }

    [Theory]
    [InlineData("/api/v1/reports/satisfaction?from=2026-11-01&to=2026-11-30&groupBy=weekday", "groupBy")]
    [InlineData("/api/v1/reports/satisfaction?from=2026-01-01&to=2027-01-02", "to")]
    [InlineData("/api/v1/reports/satisfaction?from=2026-11-30&to=2026-11-01", "to")]
    [InlineData("/api/v1/reports/satisfaction?to=2026-11-30", "from")]
    [InlineData("/api/v1/reports/sla?from=2026-11-01&to=2026-11-30&groupBy=channel", "groupBy")]
    [InlineData("/api/v1/reports/unsatisfied?from=2026-11-01&to=2026-11-30&groupBy=week", "groupBy")]
    [InlineData("/api/v1/reports/visits?from=2026-11-01&to=2026-11-30&format=xml", "format")]
    public async Task Bad_report_parameters_are_400_naming_the_parameter(string path, string field)
    {
        var response = await Client.GetAsync(path);
        var body = await ReadObjectAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body["errors"]!.AsObject().ContainsKey(field), body.ToJsonString());
    }

    [Fact]
    public async Task A_grouping_the_report_does_not_offer_is_named_as_sent_with_the_ones_it_does()
    {
        var body = await ReadObjectAsync(await Client.GetAsync("/api/v1/reports/sla?from=2026-11-01&to=2026-11-30&groupBy=channel"));
        var message = (string)body["errors"]!["groupBy"]![0]!;
        Assert.Contains("channel", message);
        Assert.Contains("week, month, department, assignee, serviceType", message);
    }

    [Fact]
    public async Task A_bad_service_record_is_400_naming_the_field_and_nothing_is_stored()
    {
        var noCustomer = Record("WO-BAD", "Repair", "C9");
        noCustomer.Remove("customer");
        Assert.Contains("customer", (await ReceiveAsync(noCustomer, HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key));
        var future = Record("WO-BAD", "Repair", "C9", completedAt: "2027-01-01T10:00:00+08:00");
        Assert.Contains("serviceRecord.completedAt", (await ReceiveAsync(future, HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key));
        var badType = Record("WO-BAD", "Repair job!", "C9");
        Assert.Contains("serviceRecord.serviceType", (await ReceiveAsync(badType, HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/v1/service-records/WO-BAD")).StatusCode);
        Assert.Empty((await GetAsync("/api/v1/visit-tasks"))["items"]!.AsArray());
    }

    [Fact]
    public async Task A_batch_decides_items_in_order_and_a_bad_item_fails_alone()
    {
        var items = new JsonArray(Record("WO-B1", "Activity", "B1"), Record("WO-B2", "Repair", ""), Record("WO-B3", "Complaint", "B3"), Record("WO-B3", "Complaint", "B3"));
        var response = await Client.PostAsync("/api/v1/service-records/batch", Json(new JsonObject { ["items"] = items }));
        var body = await ReadObjectAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([201, 400, 201, 200], body["results"]!.AsArray().Select(r => (int)r!["status"]!));
        Assert.Equal((2, 1, 1), ((int)body["received"]!, (int)body["repeated"]!, (int)body["failed"]!));
        Assert.Contains("customer.externalId", body["results"]![1]!["problem"]!["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task A_tenant_policy_with_the_house_repair_tiers_decides_new_records_and_records_its_version()
    {
        var policy = new JsonObject
        {
            ["rules"] = new JsonArray(new JsonObject
            {
                ["name"] = "house-repairs",
                ["serviceTypes"] = new JsonArray("HouseRepair"),
                ["mode"] = "Tiered",
                ["tiers"] = new JsonArray(
                    new JsonObject { ["upTo"] = 19, ["count"] = 5 },
                    new JsonObject { ["upTo"] = 50, ["percent"] = 30 },
                    new JsonObject { ["upTo"] = 100, ["percent"] = 15 },
                    new JsonObject { ["count"] = 20 }),
                ["channel"] = "OnSite",
            }),
            ["defaultRule"] = new JsonObject { ["mode"] = "Never" },
            ["timings"] = new JsonArray(new JsonObject { ["serviceTypes"] = new JsonArray("HouseRepair"), ["kind"] = "WithinDays", ["days"] = 3 }),
        };
        var put = await Client.PutAsync("/api/v1/policies/follow-up", Json(policy));
        var saved = await ReadObjectAsync(put);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.False((bool)saved["isDefault"]!);

        var chosen = 0;
        for (var i = 1; i <= 19; i++)
        {
            var d = (await ReceiveAsync(Record($"WO-H{i:00}", "HouseRepair", $"H{i}")))["decision"]!;
            chosen += (bool)d["selected"]! ? 1 : 0;
            Assert.Equal((int)saved["version"]!, (int)d["policyVersion"]!);
            if ((bool)d["selected"]!)
            {
                Assert.Equal("OnSite", (string?)d["channel"]);
                Assert.Equal("WithinDays", (string?)d["timing"]);
            }
        }

        Assert.Equal(5, chosen);
        var never = (await ReceiveAsync(Record("WO-N1", "Complaint", "N1")))["decision"]!;
        Assert.Equal(("NotSelected", "Never", true), ((string?)never["outcome"], (string?)never["reason"], (bool)never["defaultRuleApplied"]!));
    }

    [Theory]
    [InlineData("""{"rules":[{"name":"a","serviceTypes":["Repair"],"mode":"Always"},{"name":"b","serviceTypes":["repair","Activity"],"mode":"Never"}]}""", "rules[1].serviceTypes", "'a' and 'b'")]
    [InlineData("""{"rules":[{"name":"t","serviceTypes":["Repair"],"mode":"Tiered","tiers":[{"upTo":300,"percent":30},{"upTo":100,"percent":100},{"percent":10}]}]}""", "rules[0].tiers[1].upTo", "")]
    [InlineData("""{"rules":[{"name":"t","serviceTypes":["Repair"],"mode":"Tiered","tiers":[{"upTo":100,"percent":100}]}]}""", "rules[0].tiers[0].upTo", "")]
    [InlineData("""{"rules":[{"name":"t","serviceTypes":["Repair"],"mode":"Tiered","tiers":[{"upTo":3,"count":5},{"percent":10}]}]}""", "rules[0].tiers[0].count", "")]
    [InlineData("""{"rules":[{"name":"p","serviceTypes":["Repair"],"mode":"Percentage"}]}""", "rules[0].percent", "")]
    [InlineData("""{"rules":[{"name":"p","serviceTypes":["Repair"],"mode":"Always","percent":50}]}""", "rules[0].mode", "")]
    [InlineData("""{"rules":[{"name":"default","serviceTypes":["Repair"],"mode":"Always"}]}""", "rules[0].name", "")]
    [InlineData("""{"timings":[{"serviceTypes":["Repair"],"kind":"MonthlyBatch"}]}""", "timings[0].batchDay", "")]
    [InlineData("""{"timings":[{"serviceTypes":["Repair"],"kind":"WithinHours","hours":24,"days":3}]}""", "timings[0].days", "")]
    [InlineData("""{"timings":[{"serviceTypes":["Repair"],"kind":"WorkingDays","fromWorkingDay":7,"toWorkingDay":3}]}""", "timings[0].toWorkingDay", "")]
    [InlineData("""{"timings":[{"serviceTypes":["Repair"],"kind":"WithinDays","days":3},{"serviceTypes":["Repair"],"kind":"WithinDays","days":5}]}""", "timings[1].serviceTypes", "")]
    [InlineData("""{"defaultRule":{"name":"x","mode":"Always"}}""", "defaultRule", "")]
    public async Task A_contradictory_policy_is_400_naming_the_rule_and_nothing_is_written(string policy, string field, string mentions)
    {
        var response = await Client.PutAsync("/api/v1/policies/follow-up", Json(policy));
        var body = await ReadObjectAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = body["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), body.ToJsonString());
        Assert.Contains(mentions, string.Join(" ", errors[field]!.AsArray().Select(m => (string?)m)));
        Assert.True((bool)(await GetAsync("/api/v1/policies/follow-up"))["isDefault"]!);
    }
}
