using System.Net;
using System.Text;
using HuiFang.IntegrationTests.Escalations;
using HuiFang.IntegrationTests.Infrastructure;
using static HuiFang.IntegrationTests.ServiceRecords.ServiceRecordRequests;

namespace HuiFang.IntegrationTests.Reports;

public sealed class SqliteReportFiguresTests(SqliteApiFixture fixture) : ReportFiguresTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresReportFiguresTests(PostgresApiFixture fixture) : ReportFiguresTests(fixture), IClassFixture<PostgresApiFixture>;

/// <summary>
/// Service records in, visits and feedback, then the reports — with exact figures on a seeded month, in JSON and
/// CSV, on both databases.
/// </summary>
public abstract class ReportFiguresTests(ApiFixture fixture) : LoopTestBase(fixture)
{
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
}
