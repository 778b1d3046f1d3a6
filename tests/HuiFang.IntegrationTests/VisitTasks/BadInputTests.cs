using System.Net;
using System.Text.Json.Nodes;
using HuiFang.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.IntegrationTests.VisitTasks;

public sealed class SqliteBadInputTests(SqliteApiFixture fixture) : BadInputTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresBadInputTests(PostgresApiFixture fixture) : BadInputTests(fixture), IClassFixture<PostgresApiFixture>;

/// <summary>
/// Every endpoint against every kind of wrong input: each answer is a 4xx problem naming the field,
/// never a 500, and nothing is written.
/// </summary>
public abstract class BadInputTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    private const string Route = "/api/v1/visit-tasks";
    private const string TaskId = "{id}";

    private static string Valid() => VisitTaskRequests.NewTask(customer: "C-bad", workOrder: "WO-bad").ToJsonString();

    private static string With(Action<JsonObject> change)
    {
        var body = VisitTaskRequests.NewTask(customer: "C-bad", workOrder: "WO-bad");
        change(body);
        return body.ToJsonString();
    }

    /// <summary>(case, method, path, content type, body, expected status, the error key the problem must name or null).</summary>
    public static TheoryData<string, string, string, string, string?, int, string?> Cases => new()
    {
        // Create
        { "malformed JSON", "POST", Route, "application/json", "{\"customer\":", 400, "$" },
        { "empty body", "POST", Route, "application/json", "", 400, "$" },
        { "JSON array instead of object", "POST", Route, "application/json", "[]", 400, "$" },
        { "wrong content type", "POST", Route, "text/plain", Valid(), 415, null },
        { "unknown enum value", "POST", Route, "application/json", With(b => b["purpose"] = "Gossip"), 400, "purpose" },
        { "enum as a number", "POST", Route, "application/json", With(b => b["channel"] = 1), 400, "channel" },
        { "number for a string", "POST", Route, "application/json", With(b => b["customer"]!["name"] = 42), 400, "customer.name" },
        { "string for an object", "POST", Route, "application/json", With(b => b["customer"] = "C-1001"), 400, "customer" },
        { "impossible date", "POST", Route, "application/json", With(b => b["serviceRecord"]!["completedAt"] = "2026-02-30T10:00:00+08:00"), 400, "serviceRecord.completedAt" },
        { "timestamp without offset", "POST", Route, "application/json", With(b => b["serviceRecord"]!["completedAt"] = "2026-11-20T10:00:00"), 400, "serviceRecord.completedAt" },
        { "completion in the future", "POST", Route, "application/json", With(b => b["serviceRecord"]!["completedAt"] = "2027-01-01T10:00:00+08:00"), 400, "serviceRecord.completedAt" },
        { "missing customer", "POST", Route, "application/json", With(b => b.Remove("customer")), 400, "customer" },
        { "missing purpose", "POST", Route, "application/json", With(b => b.Remove("purpose")), 400, "purpose" },
        { "null work order", "POST", Route, "application/json", With(b => b["serviceRecord"]!["workOrderNo"] = null), 400, "serviceRecord.workOrderNo" },
        { "oversized name", "POST", Route, "application/json", With(b => b["customer"]!["name"] = new string('王', 101)), 400, "customer.name" },
        { "oversized description", "POST", Route, "application/json", With(b => b["serviceRecord"]!["description"] = new string('x', 2001)), 400, "serviceRecord.description" },
        { "bad phone", "POST", Route, "application/json", With(b => b["customer"]!["phone"] = "call me"), 400, "customer.phone" },
        { "unknown member", "POST", Route, "application/json", With(b => b["assigne"] = "typo"), 400, "assigne" },
        { "due window closed in the past", "POST", Route, "application/json", With(b => b["dueWindow"] = new JsonObject { ["by"] = "2026-11-01T10:00:00+08:00" }), 400, "dueWindow.by" },
        { "due window at the end of time", "POST", Route, "application/json", With(b => b["dueWindow"] = new JsonObject { ["from"] = "9999-12-31T00:00:00Z", ["by"] = "9999-12-31T23:59:59Z" }), 400, "dueWindow.by" },
        { "completion in year one", "POST", Route, "application/json", With(b => b["serviceRecord"]!["completedAt"] = "0001-01-01T00:00:00Z"), 400, "serviceRecord.completedAt" },
        { "completion before the offset's range", "POST", Route, "application/json", With(b => b["serviceRecord"]!["completedAt"] = "0001-01-01T00:00:00+08:00"), 400, "serviceRecord.completedAt" },
        { "NUL in a name", "POST", Route, "application/json", With(b => b["customer"]!["name"] = "Li\u0000Lei"), 400, "customer.name" },
        { "NUL in an optional text", "POST", Route, "application/json", With(b => b["serviceRecord"]!["description"] = "\u0000"), 400, "serviceRecord.description" },
        { "lone surrogate in a name", "POST", Route, "application/json", With(b => b["customer"]!["name"] = "@").Replace("\"@\"", "\"Li\\ud800Lei\""), 400, "customer.name" },
        { "lone low surrogate at the end", "POST", Route, "application/json", With(b => b["serviceRecord"]!["staff"] = "@").Replace("\"@\"", "\"Wang\\udc00\""), 400, "serviceRecord.staff" },
        { "surrogate pair escaped is a character", "POST", Route, "application/json", With(b => { b["serviceRecord"]!["staff"] = "@"; b["purpose"] = "Gossip"; }).Replace("\"@\"", "\"\\ud83d\\ude00\""), 400, "purpose" },
        { "combined enum value", "POST", Route, "application/json", With(b => b["purpose"] = "AfterSales, ComplaintFollowUp"), 400, "purpose" },
        { "combined enum value without space", "POST", Route, "application/json", With(b => b["channel"] = "Phone,Sms"), 400, "channel" },
        { "enum digits in a string", "POST", Route, "application/json", With(b => b["channel"] = "1"), 400, "channel" },
        { "duplicate member", "POST", Route, "application/json", Valid().TrimEnd('}') + ",\"purpose\":\"Campaign\"}", 400, "purpose" },
        { "override without reason", "POST", Route, "application/json", With(b => b["doNotDisturbOverride"] = new JsonObject { ["reason"] = "" }), 400, "doNotDisturbOverride.reason" },

        // Batch
        { "batch without items", "POST", Route + "/batch", "application/json", "{}", 400, "items" },
        { "empty batch", "POST", Route + "/batch", "application/json", "{\"items\":[]}", 400, "items" },
        { "batch items not an array", "POST", Route + "/batch", "application/json", "{\"items\":{}}", 400, "items" },
        { "batch malformed", "POST", Route + "/batch", "application/json", "{\"items\":[", 400, "$" },

        // List
        { "limit zero", "GET", Route + "?limit=0", "", null, 400, "limit" },
        { "limit too large", "GET", Route + "?limit=201", "", null, 400, "limit" },
        { "limit not a number", "GET", Route + "?limit=ten", "", null, 400, "limit" },
        { "unknown status", "GET", Route + "?status=Done", "", null, 400, "status" },
        { "status as a number", "GET", Route + "?status=7", "", null, 400, "status" },
        { "NUL in a filter", "GET", Route + "?customerId=%00", "", null, 400, "customerId" },
        { "NUL in a cursor", "GET", Route + "?cursor=%00", "", null, 400, "cursor" },
        { "combined enum filter", "GET", Route + "?purpose=AfterSales,ComplaintFollowUp", "", null, 400, "purpose" },
        { "combined enum filter with space", "GET", Route + "?channel=Phone,%20Sms", "", null, 400, "channel" },
        { "enum filter as a number inside the range", "GET", Route + "?status=1", "", null, 400, "status" },
        { "forged cursor", "GET", Route + "?cursor=bm90LWEtY3Vyc29y", "", null, 400, "cursor" },
        { "due before without offset", "GET", Route + "?dueBefore=2026-11-30T10:00:00", "", null, 400, "dueBefore" },
        { "due after later than due before", "GET", Route + "?dueBefore=2026-11-01T00:00:00Z&dueAfter=2026-12-01T00:00:00Z", "", null, 400, "dueAfter" },
        { "oversized customer id", "GET", Route + "?customerId=" + new string('x', 65), "", null, 400, "customerId" },

        // Reports at the edges of time (date arithmetic near year 1 or 9999 threw)
        { "report period in year one", "GET", "/api/v1/reports/satisfaction?from=0001-01-01&to=0001-01-31", "", null, 400, "from" },
        { "report period at the end of time", "GET", "/api/v1/reports/satisfaction?from=9999-12-01&to=9999-12-31", "", null, 400, "from" },
        { "report period ending at the end of time", "GET", "/api/v1/reports/sla?from=2026-11-01&to=9999-12-31", "", null, 400, "to" },
        { "report with NUL grouping", "GET", "/api/v1/reports/satisfaction?from=2026-11-01&to=2026-11-30&groupBy=%00", "", null, 400, "groupBy" },

        // Assign, reschedule, cancel, attempts
        { "assign without assignee", "POST", Route + "/" + TaskId + "/assign", "application/json", "{}", 400, "assignee" },
        { "assign oversized", "POST", Route + "/" + TaskId + "/assign", "application/json", "{\"assignee\":\"" + new string('a', 101) + "\"}", 400, "assignee" },
        { "assign malformed", "POST", Route + "/" + TaskId + "/assign", "application/json", "{\"assignee\":", 400, "$" },
        { "reschedule without time", "POST", Route + "/" + TaskId + "/reschedule", "application/json", "{}", 400, "scheduledFor" },
        { "reschedule impossible date", "POST", Route + "/" + TaskId + "/reschedule", "application/json", "{\"scheduledFor\":\"2026-13-01T10:00:00Z\"}", 400, "scheduledFor" },
        { "reschedule deadline before time", "POST", Route + "/" + TaskId + "/reschedule", "application/json", "{\"scheduledFor\":\"2026-12-05T10:00:00Z\",\"dueBy\":\"2026-12-04T10:00:00Z\"}", 400, "dueBy" },
        { "reschedule into the past", "POST", Route + "/" + TaskId + "/reschedule", "application/json", "{\"scheduledFor\":\"2026-11-01T10:00:00Z\"}", 400, "scheduledFor" },
        { "reschedule to the end of time", "POST", Route + "/" + TaskId + "/reschedule", "application/json", "{\"scheduledFor\":\"9999-12-31T10:00:00Z\"}", 400, "scheduledFor" },
        { "callback at the end of time", "POST", Route + "/" + TaskId + "/attempts", "application/json", "{\"outcome\":\"CallbackRequested\",\"callbackAt\":\"9999-12-31T10:00:00Z\"}", 400, "callbackAt" },
        { "cancel without reason", "POST", Route + "/" + TaskId + "/cancel", "application/json", "{\"reason\":\"  \"}", 400, "reason" },
        { "cancel oversized reason", "POST", Route + "/" + TaskId + "/cancel", "application/json", "{\"reason\":\"" + new string('r', 501) + "\"}", 400, "reason" },
        { "attempt without outcome", "POST", Route + "/" + TaskId + "/attempts", "application/json", "{}", 400, "outcome" },
        { "attempt unknown outcome", "POST", Route + "/" + TaskId + "/attempts", "application/json", "{\"outcome\":\"Ghosted\"}", 400, "outcome" },
        { "callback without time", "POST", Route + "/" + TaskId + "/attempts", "application/json", "{\"outcome\":\"CallbackRequested\"}", 400, "callbackAt" },
        { "callback time without callback", "POST", Route + "/" + TaskId + "/attempts", "application/json", "{\"outcome\":\"Busy\",\"callbackAt\":\"2026-12-01T10:00:00Z\"}", 400, "callbackAt" },
        { "callback in the past", "POST", Route + "/" + TaskId + "/attempts", "application/json", "{\"outcome\":\"CallbackRequested\",\"callbackAt\":\"2026-11-01T10:00:00Z\"}", 400, "callbackAt" },

        // Feedback on a task
        { "feedback malformed", "POST", Route + "/" + TaskId + "/feedback", "application/json", "{\"score\":", 400, "$" },
        { "feedback unknown category", "POST", Route + "/" + TaskId + "/feedback", "application/json", "{\"score\":2,\"categories\":[\"Complain\"]}", 400, "categories[0]" },
        { "feedback score as text", "POST", Route + "/" + TaskId + "/feedback", "application/json", "{\"score\":\"two\",\"categories\":[\"Praise\"]}", 400, "score" },

        // Routes
        { "id that is not a guid", "GET", Route + "/not-a-guid", "", null, 404, null },
        { "unknown route", "GET", "/api/v1/nothing-here", "", null, 404, null },
        { "wrong method", "DELETE", Route + "/" + TaskId, "", null, 405, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Wrong_input_gets_a_problem_and_writes_nothing(string @case, string method, string path, string contentType, string? body, int status, string? errorKey)
    {
        var existing = await ReadObjectAsync(await Client.PostAsync(Route, Json(VisitTaskRequests.NewTask(customer: "C-existing", workOrder: "WO-existing"))));
        var before = await SnapshotAsync();
        var request = new HttpRequestMessage(new HttpMethod(method), path.Replace(TaskId, (string)existing["id"]!));
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, contentType);
        }

        var response = await Client.SendAsync(request);

        Assert.True(status == (int)response.StatusCode, $"{@case}: expected {status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadObjectAsync(response);
        Assert.Equal(status, (int)problem["status"]!);
        Assert.NotNull(problem["title"]);
        Assert.NotNull(problem["traceId"]);
        var type = (string?)problem["type"];
        Assert.StartsWith("urn:huifang:problem:", type);
        Assert.Equal(type!["urn:huifang:problem:".Length..], (string?)problem["code"]);

        if (errorKey is not null)
        {
            var errors = problem["errors"]?.AsObject();
            Assert.True(errors?.ContainsKey(errorKey) == true, $"{@case}: expected an error for '{errorKey}' in {problem.ToJsonString()}");
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    /// <summary>Everything stored, as text: any write at all changes it.</summary>
    private Task<string> SnapshotAsync() => Fixture.InScopeAsync(async db =>
    {
        var tasks = await db.VisitTasks.AsNoTracking().OrderBy(t => t.Id).ToListAsync();
        return string.Join("\n", tasks.Select(t => $"{t.Id}|{t.Status}|{t.Version}|{t.Assignee}|{t.ScheduledFor:O}|{t.DueBy:O}|{t.Attempts.Count}"));
    });
}
