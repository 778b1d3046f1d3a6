using System.Net;
using System.Text.Json.Nodes;
using HuiFang.Api.Domain.Customers;
using HuiFang.Api.Features.Surveys.MonitorSurveys;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Api.Services.Customers;
using HuiFang.IntegrationTests.Escalations;
using HuiFang.IntegrationTests.Infrastructure;
using HuiFang.IntegrationTests.VisitTasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HuiFang.IntegrationTests.Surveys;

public sealed class SqliteSurveyClosingTests(SqliteApiFixture fixture) : SurveyClosingTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresSurveyClosingTests(PostgresApiFixture fixture) : SurveyClosingTests(fixture), IClassFixture<PostgresApiFixture>
{
    [Fact]
    public async Task The_survey_invitations_report_reads_a_tenants_period_through_its_index()
    {
        // What the report asks (a tenant's invitations created in a period, GetSurveyInvitationReport): without the index the
        // best PostgreSQL can do is walk all of the tenant's rows of the (TenantId, TaskId, CreatedAt) index.
        var plan = await Fixture.InScopeAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var fill = connection.CreateCommand();
            fill.Transaction = transaction;

            // A year of invitations of many tasks (rolled back at the end), so that the planner weighs the indexes by their real cost.
            fill.CommandText = """
                INSERT INTO "SurveyInvitations" ("Id", "TenantId", "TaskId", "CustomerExternalId", "WorkOrderNo", "Channel", "TokenHash", "Status", "CreatedAt", "ExpiresAt", "Version")
                SELECT gen_random_uuid(), 'tenant-a', gen_random_uuid(), 'C-' || n, 'WO-' || n, 'Sms', lpad(to_hex(n), 64, '0'), 'Answered',
                       timestamptz '2026-01-01' + n * interval '26 minutes', timestamptz '2026-01-15' + n * interval '26 minutes', 1
                FROM generate_series(1, 20000) AS n;
                ANALYZE "SurveyInvitations";
                SET LOCAL enable_seqscan = off;
                """;
            await fill.ExecuteNonQueryAsync();
            await using var explain = connection.CreateCommand();
            explain.Transaction = transaction;
            explain.CommandText = """
                EXPLAIN SELECT "Channel", count(*) FROM "SurveyInvitations"
                WHERE "TenantId" = 'tenant-a' AND "CreatedAt" >= '2026-11-01T00:00:00Z' AND "CreatedAt" < '2026-12-01T00:00:00Z'
                GROUP BY "Channel"
                """;
            var lines = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    lines.Add(reader.GetString(0));
                }
            }

            await transaction.RollbackAsync();
            return string.Join('\n', lines);
        });

        Assert.True(plan.Contains("IX_SurveyInvitations_TenantId_CreatedAt", StringComparison.Ordinal), plan);
    }
}

/// <summary>
/// An invitation ends with its task: a task closed another way revokes its open invitation in the same change; a customer
/// who opted out gets no phone visit when the survey expires; erasing a customer revokes their links and takes the link
/// out of the stored events. The test clock starts on Wednesday 2026-11-25 10:00 in Shanghai (working time).
/// </summary>
public abstract class SurveyClosingTests(ApiFixture fixture) : LoopTestBase(fixture)
{
    private int _n;

    private async Task<(Guid TaskId, Guid InvitationId, string Token)> InvitedTaskAsync(string? customer = null, string purpose = "AfterSales")
    {
        var n = Interlocked.Increment(ref _n);
        var body = VisitTaskRequests.NewTask(customer: customer ?? $"C-Z-{n}", workOrder: $"WO-Z-{n}");
        body["channel"] = "Sms";
        body["purpose"] = purpose;
        var response = await Client.PostAsync("/api/v1/visit-tasks", Json(body));
        var task = await ReadObjectAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, task.ToJsonString());
        var taskId = IdOf(task["id"]);
        var invited = await Client.PostAsync($"/api/v1/visit-tasks/{taskId}/survey-invitations", Json(new JsonObject()));
        var created = await ReadObjectAsync(invited);
        Assert.True(invited.StatusCode == HttpStatusCode.Created, created.ToJsonString());
        return (taskId, IdOf(created["invitation"]!["id"]), (string)created["token"]!);
    }

    private Task<SurveyTickResult> SurveyTickAsync() =>
        Fixture.App.Services.GetRequiredService<SurveyMonitor>().TickAsync(CancellationToken.None);

    private async Task SetDoNotContactAsync(string customer)
    {
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentCaller>().Set(Caller.System(ApiFixture.TenantA, "tests"));
        await scope.ServiceProvider.GetRequiredService<ContactPreferences>().SetDoNotContactAsync(customer, true, ContactPreferenceSource.Api, null, CancellationToken.None);
    }

    private async Task<JsonObject> RevokedEventOfAsync(Guid invitationId) =>
        Assert.Single(await EventsAsync("SurveyInvitationRevoked"), e => IdOf(e["payload"]!["invitationId"]) == invitationId)["payload"]!.AsObject();

    [Fact]
    public async Task A_task_closed_another_way_revokes_its_open_invitation_in_the_same_change()
    {
        var byPhone = await InvitedTaskAsync();
        await RecordAsync(byPhone.TaskId, Feedback(5));
        var cancelled = await InvitedTaskAsync();
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync($"/api/v1/visit-tasks/{cancelled.TaskId}/cancel", Json("""{"reason":"客户已搬离"}"""))).StatusCode);
        var unreachable = await InvitedTaskAsync();
        for (var i = 0; i < 3; i++)
        {
            await Client.PostAsync($"/api/v1/visit-tasks/{unreachable.TaskId}/attempts", Json("""{"outcome":"NoAnswer"}"""));
            Fixture.Clock.Advance(TimeSpan.FromHours(3));
        }

        Assert.Equal("Unreachable", (string)(await GetAsync($"/api/v1/visit-tasks/{unreachable.TaskId}"))["status"]!);
        foreach (var (_, invitationId, token) in new[] { byPhone, cancelled, unreachable })
        {
            // Revoked at once, not at the monitor's next tick (which has nothing left to do).
            var invitation = await GetAsync($"/api/v1/survey-invitations/{invitationId}");
            Assert.Equal("Revoked", (string)invitation["status"]!);
            Assert.Equal("TaskClosed", (string)invitation["revocationReason"]!);
            Assert.Equal("TaskClosed", (string)(await RevokedEventOfAsync(invitationId))["reason"]!);
            var page = await Fixture.CreateClient().GetAsync($"/s/{token}");
            Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        }

        Fixture.Clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(0, (await SurveyTickAsync()).Claimed);
    }

    [Fact]
    public async Task An_opted_out_customer_gets_no_call_from_an_expired_survey_only_a_complaint_follow_up_does()
    {
        var optedOut = await InvitedTaskAsync(customer: "C-Z-DNC");
        var complaint = await InvitedTaskAsync(customer: "C-Z-DNC-C", purpose: "ComplaintFollowUp");

        // Opting out stops the follow-up at once: the task is cancelled and its link revoked, long before it could expire.
        await SetDoNotContactAsync("C-Z-DNC");
        await SetDoNotContactAsync("C-Z-DNC-C");
        var task = await GetAsync($"/api/v1/visit-tasks/{optedOut.TaskId}");
        Assert.Equal("Cancelled", (string)task["status"]!);
        Assert.Equal("do-not-contact", (string)task["cancellationReason"]!);
        Assert.Equal("Sms", (string)task["channel"]!);
        var link = await GetAsync($"/api/v1/survey-invitations/{optedOut.InvitationId}");
        Assert.Equal("Revoked", (string)link["status"]!);
        Assert.Equal("TaskClosed", (string)link["revocationReason"]!);

        Fixture.Clock.Advance(TimeSpan.FromDays(14));
        Assert.Equal(1, (await SurveyTickAsync()).Expired);
        Assert.DoesNotContain(await EventsAsync("SurveyExpired"), e => IdOf(e["payload"]!["invitationId"]) == optedOut.InvitationId);

        // The customer asked for the complaint follow-up: it still gets its call.
        var followUp = await GetAsync($"/api/v1/visit-tasks/{complaint.TaskId}");
        Assert.Equal("Phone", (string)followUp["channel"]!);
        var complaintExpired = Assert.Single(await EventsAsync("SurveyExpired"), e => IdOf(e["payload"]!["invitationId"]) == complaint.InvitationId)["payload"]!;
        Assert.Equal("PhoneVisit", (string)complaintExpired["fallback"]!);

        // Cancelled is what the service decides for an opted-out customer, not a policy a tenant can choose.
        using var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/policies/survey") { Content = Json("""{"onExpiry":"Cancelled"}""") };
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.SendAsync(put)).StatusCode);
    }

    [Fact]
    public async Task Erasing_a_customer_revokes_their_links_pseudonymises_the_invitations_and_scrubs_the_link_from_the_events()
    {
        var open = await InvitedTaskAsync(customer: "C-Z-ERASE");
        var erased = await Client.PostAsync("/api/v1/customers/C-Z-ERASE/erasure", Json("""{"reason":"DSR-2026-0099"}"""));
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        var pseudonym = (string)(await ReadObjectAsync(erased))["customerPseudonym"]!;

        var invitation = await GetAsync($"/api/v1/survey-invitations/{open.InvitationId}");
        Assert.Equal("Revoked", (string)invitation["status"]!);
        Assert.Equal("CustomerErased", (string)invitation["revocationReason"]!);
        Assert.Equal(HttpStatusCode.Gone, (await Fixture.CreateClient().GetAsync($"/s/{open.Token}")).StatusCode);
        var stored = await Fixture.InScopeAsync(db => db.SurveyInvitations.SingleAsync(i => i.Id == open.InvitationId));
        Assert.Equal(pseudonym, stored.CustomerExternalId);

        var created = Assert.Single(await EventsAsync("SurveyInvitationCreated"))["payload"]!;
        Assert.Equal("[erased]", (string)created["link"]!);
        Assert.Equal(pseudonym, (string)created["customerExternalId"]!);
        Assert.Equal(pseudonym, (string)(await RevokedEventOfAsync(open.InvitationId))["customerExternalId"]!);
        var outbox = await Fixture.InScopeAsync(db => db.OutboxMessages.Select(m => m.Payload).ToListAsync());
        Assert.DoesNotContain(outbox, p => p.Contains(open.Token, StringComparison.Ordinal) || p.Contains("C-Z-ERASE", StringComparison.Ordinal));
    }
}
