using System.Net;
using System.Text.Json.Nodes;
using HuiFang.Api.Domain.Customers;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Api.Services.Customers;
using HuiFang.IntegrationTests.Escalations;
using HuiFang.IntegrationTests.Infrastructure;
using HuiFang.IntegrationTests.VisitTasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static HuiFang.IntegrationTests.ServiceRecords.ServiceRecordRequests;

namespace HuiFang.IntegrationTests.Customers;

public sealed class SqliteDoNotContactTests(SqliteApiFixture fixture) : DoNotContactTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresDoNotContactTests(PostgresApiFixture fixture) : DoNotContactTests(fixture), IClassFixture<PostgresApiFixture>;

/// <summary>
/// The do-not-contact flag (不再打扰): set, read and cleared through the API (idempotent, versioned, audited), kept
/// through an erasure, and honoured by POST /visit-tasks, its batch and the intake of service records — except for
/// complaint follow-ups.
/// </summary>
public abstract class DoNotContactTests(ApiFixture fixture) : LoopTestBase(fixture)
{
    private static string Route(string customer) => $"/api/v1/customers/{customer}/do-not-contact";

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string customer, JsonObject? body = null, string? ifMatch = null, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(method, Route(customer)) { Content = body is null ? null : Json(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await (client ?? Client).SendAsync(request);
    }

    private async Task<JsonObject> ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await ReadObjectAsync(response);
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {(int)response.StatusCode}: {body.ToJsonString()}");
        return body;
    }

    private Task<List<(string Action, string? Note, int? Version)>> AuditAsync() =>
        Fixture.InScopeAsync(async db => (await db.AuditEntries.AsNoTracking()
                .Where(e => e.SubjectType == AuditSubjects.ContactPreference)
                .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
                .Select(e => new { e.Action, e.Note, e.Version })
                .ToListAsync())
            .Select(e => (e.Action, e.Note, e.Version))
            .ToList());

    [Fact]
    public async Task The_flag_is_set_read_and_cleared_idempotently_with_versions_and_an_audit_entry_per_change()
    {
        var unknown = await ExpectAsync(await Client.GetAsync(Route("C-dnc")), HttpStatusCode.OK);
        Assert.False((bool)unknown["doNotContact"]!);
        Assert.Equal(0, (int)unknown["version"]!);
        Assert.Null(unknown["since"]);

        // Clearing what was never set changes nothing and writes nothing.
        Assert.Equal(0, (int)(await ExpectAsync(await SendAsync(HttpMethod.Delete, "C-dnc"), HttpStatusCode.OK))["version"]!);
        Assert.Empty(await AuditAsync());

        var set = await SendAsync(HttpMethod.Put, "C-dnc", new JsonObject { ["reason"] = "客户电话中要求不再回访" }, ifMatch: "\"0\"");
        var setBody = await ExpectAsync(set, HttpStatusCode.OK);
        Assert.True((bool)setBody["doNotContact"]!);
        Assert.Equal("Api", (string?)setBody["source"]);
        Assert.Equal("客户电话中要求不再回访", (string?)setBody["reason"]);
        Assert.Equal(Fixture.Clock.GetUtcNow(), (DateTimeOffset)setBody["since"]!);
        Assert.Equal("\"1\"", set.Headers.ETag?.Tag);

        // PUT again (even with another reason): nothing changes, the first opt-out's time and reason stay.
        Fixture.Clock.Advance(TimeSpan.FromHours(1));
        var again = await ExpectAsync(await SendAsync(HttpMethod.Put, "C-dnc", new JsonObject { ["reason"] = "again" }), HttpStatusCode.OK);
        Assert.Equal(1, (int)again["version"]!);
        Assert.Equal("客户电话中要求不再回访", (string?)again["reason"]);
        Assert.Equal((DateTimeOffset)setBody["since"]!, (DateTimeOffset)again["since"]!);

        // A stale If-Match is 412 naming the current ETag; If-None-Match of the current version is 304.
        var stale = await ExpectAsync(await SendAsync(HttpMethod.Delete, "C-dnc", ifMatch: "\"0\""), HttpStatusCode.PreconditionFailed);
        Assert.Equal("\"1\"", (string?)stale["currentETag"]);
        using (var conditional = new HttpRequestMessage(HttpMethod.Get, Route("C-dnc")))
        {
            conditional.Headers.TryAddWithoutValidation("If-None-Match", "\"1\"");
            Assert.Equal(HttpStatusCode.NotModified, (await Client.SendAsync(conditional)).StatusCode);
        }

        var cleared = await ExpectAsync(await SendAsync(HttpMethod.Delete, "C-dnc", ifMatch: "\"1\""), HttpStatusCode.OK);
        Assert.False((bool)cleared["doNotContact"]!);
        Assert.Null(cleared["since"]);
        Assert.Null(cleared["reason"]);
        Assert.Equal(2, (int)cleared["version"]!);
        Assert.Equal(2, (int)(await ExpectAsync(await SendAsync(HttpMethod.Delete, "C-dnc"), HttpStatusCode.OK))["version"]!);

        Assert.Equal(
            [("do-not-contact-set", "客户电话中要求不再回访", 1), ("do-not-contact-cleared", null, 2)],
            await AuditAsync());

        // Another tenant's customer of the same id is another customer.
        using var tenantB = await Fixture.CreateClientAsync(ApiFixture.TenantB, [.. Scopes.All]);
        await ExpectAsync(await SendAsync(HttpMethod.Put, "C-other", client: tenantB), HttpStatusCode.OK);
        Assert.False((bool)(await ExpectAsync(await Client.GetAsync(Route("C-other")), HttpStatusCode.OK))["doNotContact"]!);
    }

    [Fact]
    public async Task Bad_input_and_missing_scopes_are_refused()
    {
        var tooLong = await ExpectAsync(await SendAsync(HttpMethod.Put, "C-dnc", new JsonObject { ["reason"] = new string('x', 501) }), HttpStatusCode.BadRequest);
        Assert.Contains("reason", tooLong["errors"]!.AsObject().Select(e => e.Key));
        var longId = await ExpectAsync(await Client.GetAsync(Route(new string('c', 65))), HttpStatusCode.BadRequest);
        Assert.Contains("externalId", longId["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Put, "C-dnc", ifMatch: "3")).StatusCode);

        using var reader = await Fixture.CreateClientAsync(ApiFixture.TenantA, Scopes.TasksRead);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Put, "C-dnc", client: reader)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Delete, "C-dnc", client: reader)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(Route("C-dnc"))).StatusCode);
        using var writer = await Fixture.CreateClientAsync(ApiFixture.TenantA, Scopes.FeedbackWrite);
        Assert.Equal(HttpStatusCode.Forbidden, (await writer.GetAsync(Route("C-dnc"))).StatusCode);
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task Opting_out_cancels_the_open_follow_ups_already_planned_and_their_links_but_not_a_complaint_follow_up()
    {
        var planned = IdOf((await ExpectAsync(await Client.PostAsync("/api/v1/visit-tasks", Json(VisitTaskRequests.NewTask(customer: "C-late", workOrder: "WO-LATE-1"))), HttpStatusCode.Created))["id"]);
        var complaint = IdOf((await ExpectAsync(await Client.PostAsync("/api/v1/visit-tasks", Json(VisitTaskRequests.NewTask(customer: "C-late", workOrder: "WO-LATE-2", purpose: "ComplaintFollowUp"))), HttpStatusCode.Created))["id"]);
        var other = IdOf((await ExpectAsync(await Client.PostAsync("/api/v1/visit-tasks", Json(VisitTaskRequests.NewTask(customer: "C-stays", workOrder: "WO-LATE-3"))), HttpStatusCode.Created))["id"]);
        var link = await ExpectAsync(await Client.PostAsync($"/api/v1/visit-tasks/{planned}/survey-invitations", Json(new JsonObject())), HttpStatusCode.Created);
        var invitation = IdOf(link["invitation"]!["id"]);

        await ExpectAsync(await SendAsync(HttpMethod.Put, "C-late"), HttpStatusCode.OK);

        var cancelled = await GetAsync($"/api/v1/visit-tasks/{planned}");
        Assert.Equal("Cancelled", (string?)cancelled["status"]);
        Assert.Equal("Revoked", (string?)(await GetAsync($"/api/v1/survey-invitations/{invitation}"))["status"]);
        Assert.True((string?)(await GetAsync($"/api/v1/visit-tasks/{complaint}"))["status"] is "Pending" or "Assigned");
        Assert.True((string?)(await GetAsync($"/api/v1/visit-tasks/{other}"))["status"] is "Pending" or "Assigned");
        Assert.Contains(await EventsAsync("VisitTaskCancelled"), e => IdOf(e["payload"]!["taskId"]) == planned);

        // Setting it again changes nothing more.
        await ExpectAsync(await SendAsync(HttpMethod.Put, "C-late"), HttpStatusCode.OK);
        Assert.Single(await EventsAsync("VisitTaskCancelled"), e => IdOf(e["payload"]!["taskId"]) == planned);
    }

    [Fact]
    public async Task An_opted_out_customer_gets_no_visit_task_but_a_complaint_follow_up_is_still_planned()
    {
        await ExpectAsync(await SendAsync(HttpMethod.Put, "C-out"), HttpStatusCode.OK);

        var refused = await ExpectAsync(await Client.PostAsync("/api/v1/visit-tasks", Json(VisitTaskRequests.NewTask(customer: "C-out", workOrder: "WO-OUT-1"))), HttpStatusCode.Conflict);
        Assert.Equal("do-not-contact", (string?)refused["code"]);
        Assert.Equal(Fixture.Clock.GetUtcNow(), (DateTimeOffset)refused["doNotContactSince"]!);
        Assert.Contains("C-out", (string?)refused["detail"]);

        var complaint = await Client.PostAsync("/api/v1/visit-tasks", Json(VisitTaskRequests.NewTask(customer: "C-out", workOrder: "WO-OUT-2", purpose: "ComplaintFollowUp")));
        Assert.Equal(HttpStatusCode.Created, complaint.StatusCode);

        // The batch refuses the item, not the batch; the other customer's item is created.
        var batch = new JsonObject
        {
            ["items"] = new JsonArray(VisitTaskRequests.NewTask(customer: "C-out", workOrder: "WO-OUT-3"), VisitTaskRequests.NewTask(customer: "C-in", workOrder: "WO-IN-1")),
        };
        var results = (await ExpectAsync(await Client.PostAsync("/api/v1/visit-tasks/batch", Json(batch)), HttpStatusCode.OK))["results"]!.AsArray();
        Assert.Equal(409, (int)results[0]!["status"]!);
        Assert.Equal("do-not-contact", (string?)results[0]!["problem"]!["code"]);
        Assert.Equal(201, (int)results[1]!["status"]!);

        var tasks = (await GetAsync("/api/v1/visit-tasks?limit=100"))["items"]!.AsArray();
        Assert.Equal(["WO-IN-1", "WO-OUT-2"], tasks.Select(t => (string)t!["serviceRecord"]!["workOrderNo"]!).Order());

        // Once the flag is cleared the customer is planned again.
        await ExpectAsync(await SendAsync(HttpMethod.Delete, "C-out"), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsync("/api/v1/visit-tasks", Json(VisitTaskRequests.NewTask(customer: "C-out", workOrder: "WO-OUT-1")))).StatusCode);
    }

    [Fact]
    public async Task Intake_decides_DoNotContact_for_an_opted_out_customer_and_the_months_quota_picks_another_record()
    {
        // The default policy visits 30 % of activities. The customers of the month's first four are opted out:
        // none of their records can count, so by the fourth the month is a whole visit behind its target
        // (1.2 > 0) and the record is chosen whatever its hash — and held back. The quota still ends at exactly
        // three visits of ten, all of them customers who may be contacted.
        for (var i = 1; i <= 4; i++)
        {
            await ExpectAsync(await SendAsync(HttpMethod.Put, $"X{i}"), HttpStatusCode.OK);
        }

        var decisions = new List<JsonNode>();
        for (var i = 1; i <= 10; i++)
        {
            decisions.Add((await ReceiveAsync(Record($"WO-A{i}", "Activity", i <= 4 ? $"X{i}" : $"A{i}")))["decision"]!);
        }

        var outcomes = decisions.Select(d => (string)d["outcome"]!).ToList();
        Assert.Equal("DoNotContact", outcomes[3]);
        Assert.All(outcomes.Take(4), o => Assert.True(o is "DoNotContact" or "NotSelected", o));
        Assert.Equal(3, outcomes.Count(o => o == "Selected"));
        Assert.All(decisions.Where(d => (string?)d["outcome"] == "DoNotContact"), d =>
        {
            Assert.False((bool)d["selected"]!);
            Assert.Null(d["visitTaskId"]);
            Assert.Contains("not to be contacted", (string?)d["explanation"]);
        });

        var tasks = (await GetAsync("/api/v1/visit-tasks?limit=100"))["items"]!.AsArray();
        Assert.Equal(3, tasks.Count);
        Assert.DoesNotContain(tasks, t => ((string)t!["customer"]!["externalId"]!).StartsWith('X'));

        // The coverage report counts them apart from the do-not-disturb holds.
        var coverage = await GetAsync("/api/v1/reports/coverage?from=2026-11-01&to=2026-11-30&groupBy=serviceType");
        var activity = coverage["rows"]!.AsArray().Single(r => (string?)r!["group"] == "Activity")!;
        Assert.Equal((10, 3, 0, outcomes.Count(o => o == "DoNotContact")), ((int)activity["eligible"]!, (int)activity["selected"]!, (int)activity["heldBack"]!, (int)activity["optedOut"]!));

        // A complaint is followed up even for an opted-out customer.
        var complaint = (await ReceiveAsync(Record("WO-C1", "Complaint", "X1")))["decision"]!;
        Assert.Equal("Selected", (string?)complaint["outcome"]);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a%b")]
    [InlineData("客户/王-01")]
    public async Task A_customer_id_with_a_slash_a_percent_or_chinese_is_addressed_by_the_customer_routes_escaped_once(string customer)
    {
        // The caller escapes the id once, as any HTTP client does; POST /visit-tasks took the id as it is.
        var escaped = Uri.EscapeDataString(customer);
        await ExpectAsync(await Client.PostAsync("/api/v1/visit-tasks", Json(VisitTaskRequests.NewTask(customer: customer, workOrder: "WO-E-" + Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(customer))))), HttpStatusCode.Created);

        var set = await ExpectAsync(await SendAsync(HttpMethod.Put, escaped), HttpStatusCode.OK);
        Assert.Equal(customer, (string?)set["customerExternalId"]);
        Assert.True((bool)(await ExpectAsync(await Client.GetAsync(Route(escaped)), HttpStatusCode.OK))["doNotContact"]!);
        var refused = await ExpectAsync(await Client.PostAsync("/api/v1/visit-tasks", Json(VisitTaskRequests.NewTask(customer: customer, workOrder: "WO-F-" + Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(customer))))), HttpStatusCode.Conflict);
        Assert.Equal("do-not-contact", (string?)refused["code"]);

        var erased = await ExpectAsync(await Client.PostAsync($"/api/v1/customers/{escaped}/erasure", null), HttpStatusCode.OK);
        Assert.Equal(1, (int)erased["tasksAnonymised"]!);
        Assert.True((bool)erased["doNotContactKept"]!);
        Assert.False(await Fixture.InScopeAsync(db => db.VisitTasks.AnyAsync(t => t.CustomerExternalId == customer)));
    }

    [Fact]
    public async Task Erasure_keeps_the_flag_under_the_pseudonym_drops_the_reason_and_the_customer_stays_uncontacted()
    {
        await ExpectAsync(await SendAsync(HttpMethod.Put, "C-gone", new JsonObject { ["reason"] = "王女士要求不再联系" }), HttpStatusCode.OK);

        var erased = await ExpectAsync(await Client.PostAsync("/api/v1/customers/C-gone/erasure", null), HttpStatusCode.OK);
        Assert.True((bool)erased["doNotContactKept"]!);
        var pseudonym = (string)erased["customerPseudonym"]!;

        var after = await ExpectAsync(await Client.GetAsync(Route("C-gone")), HttpStatusCode.OK);
        Assert.True((bool)after["doNotContact"]!);
        Assert.Equal(pseudonym, (string?)after["customerExternalId"]);
        Assert.Null(after["reason"]);
        Assert.DoesNotContain("王女士", (await AuditAsync()).Select(e => e.Note ?? ""));
        Assert.False(await Fixture.InScopeAsync(db => db.CustomerContactPreferences.AnyAsync(p => p.CustomerExternalId == "C-gone" || p.Reason != null)));

        // The calling system sends the customer's id again: still no follow-up.
        var refused = await ExpectAsync(await Client.PostAsync("/api/v1/visit-tasks", Json(VisitTaskRequests.NewTask(customer: "C-gone", workOrder: "WO-G1"))), HttpStatusCode.Conflict);
        Assert.Equal("do-not-contact", (string?)refused["code"]);
        Assert.Equal("DoNotContact", (string?)(await ReceiveAsync(Record("WO-G2", "RoutineRepair", "C-gone")))["decision"]!["outcome"]);

        // Clearing it by the former id reaches the same row; a customer who was never opted out keeps nothing.
        Assert.False((bool)(await ExpectAsync(await SendAsync(HttpMethod.Delete, "C-gone"), HttpStatusCode.OK))["doNotContact"]!);
        Assert.Equal(1, await Fixture.InScopeAsync(db => db.CustomerContactPreferences.CountAsync()));
        Assert.False((bool)(await ExpectAsync(await Client.PostAsync("/api/v1/customers/C-never/erasure", null), HttpStatusCode.OK))["doNotContactKept"]!);
    }

    [Fact]
    public async Task The_service_the_survey_page_calls_sets_the_flag_with_source_Survey_and_its_own_audit_entry()
    {
        await using (var scope = Fixture.App.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentCaller>().Set(Caller.System(ApiFixture.TenantA, "survey:test"));
            var preferences = scope.ServiceProvider.GetRequiredService<ContactPreferences>();
            await preferences.SetDoNotContactAsync("C-page", true, ContactPreferenceSource.Survey, null, CancellationToken.None);
            await preferences.SetDoNotContactAsync("C-page", true, ContactPreferenceSource.Survey, null, CancellationToken.None);
            Assert.True(await preferences.IsDoNotContactAsync("C-page", CancellationToken.None));
            Assert.False(await preferences.IsDoNotContactAsync("C-other", CancellationToken.None));
        }

        var read = await ExpectAsync(await Client.GetAsync(Route("C-page")), HttpStatusCode.OK);
        Assert.Equal("Survey", (string?)read["source"]);
        Assert.Equal([("do-not-contact-set", (string?)null, (int?)1)], await AuditAsync());
    }
}
