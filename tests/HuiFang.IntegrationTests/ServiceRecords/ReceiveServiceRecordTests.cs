using System.Net;
using HuiFang.IntegrationTests.Escalations;
using HuiFang.IntegrationTests.Infrastructure;
using static HuiFang.IntegrationTests.ServiceRecords.ServiceRecordRequests;

namespace HuiFang.IntegrationTests.ServiceRecords;

public sealed class SqliteReceiveServiceRecordTests(SqliteApiFixture fixture) : ReceiveServiceRecordTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresReceiveServiceRecordTests(PostgresApiFixture fixture) : ReceiveServiceRecordTests(fixture), IClassFixture<PostgresApiFixture>;

/// <summary>
/// Receiving a service record: the follow-up policy decides it and the decision explains itself; a repeat is the
/// first decision, a bad record is refused naming the field and nothing is stored.
/// </summary>
public abstract class ReceiveServiceRecordTests(ApiFixture fixture) : LoopTestBase(fixture)
{
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
}
