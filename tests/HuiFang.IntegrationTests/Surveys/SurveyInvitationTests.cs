using System.Net;
using System.Text.Json.Nodes;
using HuiFang.Api.Domain.Customers;
using HuiFang.Api.Domain.Surveys;
using HuiFang.Api.Features.Surveys.MonitorSurveys;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Api.Services.Customers;
using HuiFang.Api.Services.Surveys;
using HuiFang.IntegrationTests.Escalations;
using HuiFang.IntegrationTests.Infrastructure;
using HuiFang.IntegrationTests.VisitTasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HuiFang.IntegrationTests.Surveys;

public sealed class SqliteSurveyFixture : SqliteApiFixture
{
    protected override bool CaptureLogs => true;
}

public sealed class PostgresSurveyFixture : PostgresApiFixture
{
    protected override bool CaptureLogs => true;
}

public sealed class SqliteSurveyInvitationTests(SqliteSurveyFixture fixture) : SurveyInvitationTests(fixture), IClassFixture<SqliteSurveyFixture>;

public sealed class PostgresSurveyInvitationTests(PostgresSurveyFixture fixture) : SurveyInvitationTests(fixture), IClassFixture<PostgresSurveyFixture>;

/// <summary>
/// Survey invitations over HTTP: the link shown once and kept only as a hash, one open invitation per task, revoking,
/// the survey policy, automatic invitations, the monitor's reminder and expiry with the task's fallback, do-not-contact,
/// and the events in the outbox. The test clock starts on Wednesday 2026-11-25 10:00 in Shanghai (working time).
/// </summary>
public abstract class SurveyInvitationTests(ApiFixture fixture) : LoopTestBase(fixture)
{
    private int _n;

    private async Task<Guid> CreateTaskWithChannelAsync(string channel = "Sms", string? customer = null, string purpose = "AfterSales")
    {
        var n = Interlocked.Increment(ref _n);
        var body = VisitTaskRequests.NewTask(customer: customer ?? $"C-S-{n}", workOrder: $"WO-S-{n}", purpose: purpose);
        body["channel"] = channel;
        var response = await Client.PostAsync("/api/v1/visit-tasks", Json(body));
        var created = await ReadObjectAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, created.ToJsonString());
        return IdOf(created["id"]);
    }

    private async Task<(HttpStatusCode Status, JsonObject Body, HttpResponseMessage Response)> InviteAsync(Guid taskId, JsonObject? body = null)
    {
        var response = await Client.PostAsync($"/api/v1/visit-tasks/{taskId}/survey-invitations", Json(body ?? new JsonObject()));
        return (response.StatusCode, await ReadObjectAsync(response), response);
    }

    private async Task<JsonObject> InvitedAsync(Guid taskId, JsonObject? body = null)
    {
        var (status, created, _) = await InviteAsync(taskId, body);
        Assert.True(status == HttpStatusCode.Created, created.ToJsonString());
        return created;
    }

    private async Task PutPolicyAsync(JsonObject policy)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/policies/survey") { Content = Json(policy) };
        var response = await Client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, (await ReadObjectAsync(response)).ToJsonString());
    }

    private Task<SurveyTickResult> SurveyTickAsync() =>
        Fixture.App.Services.GetRequiredService<SurveyMonitor>().TickAsync(CancellationToken.None);

    private async Task SetDoNotContactAsync(string customer)
    {
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentCaller>().Set(Caller.System(ApiFixture.TenantA, "tests"));
        await scope.ServiceProvider.GetRequiredService<ContactPreferences>().SetDoNotContactAsync(customer, true, ContactPreferenceSource.Api, null, CancellationToken.None);
    }

    [Fact]
    public async Task The_link_is_shown_once_and_only_its_hash_is_stored_nor_is_the_token_ever_logged()
    {
        Fixture.Logs!.Clear();
        var taskId = await CreateTaskWithChannelAsync();
        var (status, created, response) = await InviteAsync(taskId, new JsonObject { ["language"] = "en" });
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var token = (string)created["token"]!;
        var link = (string)created["link"]!;
        var invitationId = IdOf(created["invitation"]!["id"]);
        Assert.Equal(22, token.Length);
        Assert.Equal("http://localhost:5076/s/" + token, link);
        Assert.True(new Uri(link).AbsolutePath.Length <= 40);
        Assert.Equal("Open", (string)created["invitation"]!["status"]!);
        Assert.Equal("en", (string)created["invitation"]!["language"]!);
        Assert.Equal($"/api/v1/survey-invitations/{invitationId}", response.Headers.Location?.ToString());

        // Read back: no token, no link.
        var read = await Client.GetAsync($"/api/v1/survey-invitations/{invitationId}");
        var readText = await read.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.DoesNotContain(token, readText);
        Assert.Equal("\"1\"", read.Headers.ETag?.ToString());
        Assert.DoesNotContain(token, await (await Client.GetAsync($"/api/v1/visit-tasks/{taskId}/survey-invitations")).Content.ReadAsStringAsync());

        // The database keeps the hash; the token is in no row but the event that hands the link to the gateway.
        var rows = await Fixture.InScopeAsync(async db => new
        {
            Invitations = await db.SurveyInvitations.IgnoreQueryFilters().AsNoTracking().ToListAsync(),
            Audit = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking().Select(a => (a.Details ?? "") + "|" + (a.Note ?? "")).ToListAsync(),
            Idempotency = await db.IdempotencyRecords.IgnoreQueryFilters().AsNoTracking().CountAsync(),
            Outbox = await db.OutboxMessages.IgnoreQueryFilters().AsNoTracking().Select(m => new { m.Type, m.Payload }).ToListAsync(),
        });
        var invitation = Assert.Single(rows.Invitations);
        Assert.Equal(SurveyToken.Hash(token), invitation.TokenHash);
        Assert.DoesNotContain(rows.Invitations, i => i.TokenHash.Contains(token, StringComparison.Ordinal));
        Assert.DoesNotContain(rows.Audit, a => a.Contains(token, StringComparison.Ordinal));
        Assert.Equal(0, rows.Idempotency);
        var carrying = Assert.Single(rows.Outbox, m => m.Payload.Contains(token, StringComparison.Ordinal));
        Assert.Equal("SurveyInvitationCreated", carrying.Type);
        var payload = JsonNode.Parse(carrying.Payload)!;
        Assert.Equal(link, (string)payload["link"]!);
        Assert.Equal(taskId, IdOf(payload["taskId"]));
        Assert.False((bool)payload["automatic"]!);

        // The page's lookup finds it by the token, whatever the tenant; a tampered token finds nothing.
        await using (var scope = Fixture.App.Services.CreateAsyncScope())
        {
            var lookup = scope.ServiceProvider.GetRequiredService<SurveyInvitations>();
            Assert.Equal(invitationId, (await lookup.FindOpenOrAnyByTokenAsync(token, CancellationToken.None))?.Id);
            var tampered = (token[0] == 'A' ? "B" : "A") + token[1..];
            Assert.Null(await lookup.FindOpenOrAnyByTokenAsync(tampered, CancellationToken.None));
            Assert.Null(await lookup.FindOpenOrAnyByTokenAsync(token + "x", CancellationToken.None));
        }

        // Published too (the dispatcher and the bus log at every level here) before the logs are read.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await Fixture.InScopeAsync(db => db.OutboxMessages.IgnoreQueryFilters().AnyAsync(m => m.Type == "SurveyInvitationCreated" && m.PublishedAt != null)))
        {
            Assert.True(DateTime.UtcNow < deadline, "the SurveyInvitationCreated event was not published within 30 s");
            await Task.Delay(50);
        }

        Assert.NotEmpty(Fixture.Logs.Lines);
        Assert.DoesNotContain(Fixture.Logs.Lines, l => l.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_new_invitation_revokes_the_open_one_so_a_task_has_one_open_invitation()
    {
        var taskId = await CreateTaskWithChannelAsync();
        var first = await InvitedAsync(taskId);
        Fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await InvitedAsync(taskId);
        var firstId = IdOf(first["invitation"]!["id"]);

        var list = await GetAsync($"/api/v1/visit-tasks/{taskId}/survey-invitations");
        var items = list["items"]!.AsArray();
        Assert.Equal(2, items.Count);
        Assert.Equal(IdOf(second["invitation"]!["id"]), IdOf(items[0]!["id"]));
        Assert.Equal("Open", (string)items[0]!["status"]!);
        Assert.Equal("Revoked", (string)items[1]!["status"]!);
        Assert.Equal("Replaced", (string)items[1]!["revocationReason"]!);

        var revoked = Assert.Single(await EventsAsync("SurveyInvitationRevoked"));
        Assert.Equal(firstId, IdOf(revoked["payload"]!["invitationId"]));
        Assert.Equal("Replaced", (string)revoked["payload"]!["reason"]!);
        var created = await EventsAsync("SurveyInvitationCreated");
        Assert.Equal(firstId, IdOf(created[1]["payload"]!["replacedInvitationId"]));

        // The old link still finds its invitation, which says it is revoked (the page shows it as expired).
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        var old = await scope.ServiceProvider.GetRequiredService<SurveyInvitations>().FindOpenOrAnyByTokenAsync((string)first["token"]!, CancellationToken.None);
        Assert.Equal(SurveyInvitationStatus.Revoked, old!.Status);
    }

    [Fact]
    public async Task Revoking_honours_If_Match_and_only_an_open_invitation_can_be_revoked()
    {
        var taskId = await CreateTaskWithChannelAsync();
        var id = IdOf((await InvitedAsync(taskId))["invitation"]!["id"]);

        async Task<HttpResponseMessage> RevokeAsync(string? ifMatch)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/survey-invitations/{id}/revoke") { Content = Json(new JsonObject { ["reason"] = "wrong number" }) };
            if (ifMatch is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            }

            return await Client.SendAsync(request);
        }

        Assert.Equal(HttpStatusCode.PreconditionFailed, (await RevokeAsync("\"7\"")).StatusCode);
        var revoked = await RevokeAsync("\"1\"");
        var body = await ReadObjectAsync(revoked);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal("Revoked", (string)body["status"]!);
        Assert.Equal("Revoked", (string)body["revocationReason"]!);
        Assert.Equal("\"2\"", revoked.Headers.ETag?.ToString());

        var again = await RevokeAsync(null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("invalid-transition", (string)(await ReadObjectAsync(again))["code"]!);
        Assert.Single(await EventsAsync("SurveyInvitationRevoked"));
        var history = await Fixture.InScopeAsync(db => db.AuditEntries.Where(a => a.SubjectId == id.ToString()).OrderBy(a => a.OccurredAt).Select(a => a.Action).ToListAsync());
        Assert.Equal(["created", "revoked"], history);
    }

    [Fact]
    public async Task Only_an_open_task_of_the_callers_tenant_gets_an_invitation_and_bad_input_is_a_400()
    {
        var taskId = await CreateTaskWithChannelAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await InviteAsync(Guid.NewGuid())).Status);
        var (badStatus, bad, _) = await InviteAsync(taskId, new JsonObject { ["language"] = "fr" });
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.NotNull(bad["errors"]!["language"]);

        var other = await Fixture.CreateClientAsync(ApiFixture.TenantB, Scopes.TasksWrite, Scopes.TasksRead);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/visit-tasks/{taskId}/survey-invitations", Json(new JsonObject()))).StatusCode);
        var readOnly = await Fixture.CreateClientAsync(ApiFixture.TenantA, Scopes.TasksRead);
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.PostAsync($"/api/v1/visit-tasks/{taskId}/survey-invitations", Json(new JsonObject()))).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync($"/api/v1/visit-tasks/{taskId}/cancel", Json(new JsonObject { ["reason"] = "duplicate" }))).StatusCode);
        var (closedStatus, closed, _) = await InviteAsync(taskId);
        Assert.Equal(HttpStatusCode.Conflict, closedStatus);
        Assert.Equal("invalid-transition", (string)closed["code"]!);
        Assert.Empty(await EventsAsync("SurveyInvitationCreated"));
    }

    [Fact]
    public async Task An_expired_survey_falls_back_to_a_phone_visit_planned_in_working_hours()
    {
        var taskId = await CreateTaskWithChannelAsync();
        var id = IdOf((await InvitedAsync(taskId))["invitation"]!["id"]);

        // Expires on 2026-12-09 02:00 UTC; tick on Saturday 2026-12-12 14:00 UTC (22:00 in Shanghai).
        Fixture.Clock.Advance(TimeSpan.FromDays(14) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, (await SurveyTickAsync()).Expired);
        Fixture.Clock.Reset(new DateTimeOffset(2026, 12, 12, 14, 0, 0, TimeSpan.Zero));
        var tick = await SurveyTickAsync();
        Assert.Equal(1, tick.Expired);
        Assert.Equal(0, (await SurveyTickAsync()).Claimed);

        var invitation = await GetAsync($"/api/v1/survey-invitations/{id}");
        Assert.Equal("Expired", (string)invitation["status"]!);
        Assert.Equal("PhoneVisit", (string)invitation["fallback"]!);
        var task = await GetAsync($"/api/v1/visit-tasks/{taskId}");
        Assert.Equal("Phone", (string)task["channel"]!);
        Assert.Equal("Assigned", (string)task["status"]!);
        var monday0900 = new DateTimeOffset(2026, 12, 14, 1, 0, 0, TimeSpan.Zero);
        Assert.Equal(monday0900, DateTimeOffset.Parse((string)task["scheduledFor"]!));
        Assert.Equal(new DateTimeOffset(2026, 12, 14, 10, 0, 0, TimeSpan.Zero), DateTimeOffset.Parse((string)task["dueWindow"]!["by"]!));

        var expired = Assert.Single(await EventsAsync("SurveyExpired"))["payload"]!;
        Assert.Equal("PhoneVisit", (string)expired["fallback"]!);
        Assert.Equal("Assigned", (string)expired["taskStatus"]!);
        Assert.Equal(monday0900, DateTimeOffset.Parse((string)expired["scheduledFor"]!));
        var history = await GetAsync($"/api/v1/visit-tasks/{taskId}/history");
        Assert.Contains(history["entries"]!.AsArray(), e => (string)e!["action"]! == "survey-fallback");
    }

    [Fact]
    public async Task An_expired_survey_closes_the_task_as_unreachable_when_the_tenant_says_so()
    {
        await PutPolicyAsync(new JsonObject { ["onExpiry"] = "Unreachable", ["expiryDays"] = 2, ["reminderAfterDays"] = 0 });
        var taskId = await CreateTaskWithChannelAsync("Email");
        var created = await InvitedAsync(taskId);
        Assert.Equal(TestClock.Start.AddDays(2), DateTimeOffset.Parse((string)created["invitation"]!["expiresAt"]!));
        Assert.Null(created["invitation"]!["remindAt"]);

        Fixture.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, (await SurveyTickAsync()).Expired);
        var task = await GetAsync($"/api/v1/visit-tasks/{taskId}");
        Assert.Equal("Unreachable", (string)task["status"]!);
        var expired = Assert.Single(await EventsAsync("SurveyExpired"))["payload"]!;
        Assert.Equal("Unreachable", (string)expired["fallback"]!);
        Assert.Equal("Unreachable", (string)expired["taskStatus"]!);
        Assert.Null(expired["scheduledFor"]);
        Assert.Empty(await EventsAsync("SurveyReminderDue"));
    }

    [Fact]
    public async Task The_reminder_is_sent_once_and_only_inside_working_hours_without_the_link()
    {
        var taskId = await CreateTaskWithChannelAsync();
        var created = await InvitedAsync(taskId);
        var id = IdOf(created["invitation"]!["id"]);

        // Created Wednesday 10:00 in Shanghai; 3 days later is Saturday, so the reminder is due Monday 09:00 (01:00 UTC).
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero), DateTimeOffset.Parse((string)created["invitation"]!["remindAt"]!));
        Fixture.Clock.Reset(new DateTimeOffset(2026, 11, 30, 0, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, (await SurveyTickAsync()).Claimed);

        // The monitor comes by only at 19:00 on Monday (after work): the reminder waits for Tuesday 09:00.
        Fixture.Clock.Reset(new DateTimeOffset(2026, 11, 30, 11, 0, 0, TimeSpan.Zero));
        var evening = await SurveyTickAsync();
        Assert.Equal((1, 0), (evening.Deferred, evening.Reminders));
        Assert.Equal(0, (await SurveyTickAsync()).Claimed);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero), DateTimeOffset.Parse((string)(await GetAsync($"/api/v1/survey-invitations/{id}"))["remindAt"]!));

        Fixture.Clock.Reset(new DateTimeOffset(2026, 12, 1, 1, 30, 0, TimeSpan.Zero));
        Assert.Equal(1, (await SurveyTickAsync()).Reminders);
        Assert.Equal(0, (await SurveyTickAsync()).Claimed);
        Fixture.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, (await SurveyTickAsync()).Reminders);

        var reminder = Assert.Single(await EventsAsync("SurveyReminderDue"))["payload"]!.AsObject();
        Assert.Equal(id, IdOf(reminder["invitationId"]));
        Assert.False(reminder.ContainsKey("link"));
        Assert.DoesNotContain((string)created["token"]!, reminder.ToJsonString());
        var invitation = await GetAsync($"/api/v1/survey-invitations/{id}");
        Assert.Equal("Open", (string)invitation["status"]!);
        Assert.NotNull(invitation["remindedAt"]);
        Assert.Equal("\"1\"", (await Client.GetAsync($"/api/v1/survey-invitations/{id}")).Headers.ETag?.ToString());
    }

    [Fact]
    public async Task Two_monitors_at_once_send_each_reminder_once()
    {
        for (var i = 0; i < 6; i++)
        {
            await InvitedAsync(await CreateTaskWithChannelAsync());
        }

        Fixture.Clock.Reset(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero)); // Monday 10:00 in Shanghai
        var ticks = await Task.WhenAll(SurveyTickAsync(), SurveyTickAsync());
        Assert.Equal(6, ticks.Sum(t => t.Reminders));
        Assert.Equal(0, (await SurveyTickAsync()).Claimed);
        var reminded = (await EventsAsync("SurveyReminderDue")).Select(e => (string)e["payload"]!["invitationId"]!).ToList();
        Assert.Equal(6, reminded.Count);
        Assert.Equal(6, reminded.Distinct().Count());
    }

    [Fact]
    public async Task When_the_tenant_turns_it_on_a_task_planned_with_a_survey_channel_is_invited_in_the_same_save()
    {
        var before = await CreateTaskWithChannelAsync("Sms");
        await PutPolicyAsync(new JsonObject { ["autoInvite"] = true, ["autoInviteChannels"] = new JsonArray("Sms", "App"), ["defaultLanguage"] = "en" });
        var policy = await GetAsync("/api/v1/policies/survey");
        Assert.False((bool)policy["isDefault"]!);
        Assert.True((bool)policy["policy"]!["autoInvite"]!);

        var sms = await CreateTaskWithChannelAsync("Sms");
        var phone = await CreateTaskWithChannelAsync("Phone");
        var email = await CreateTaskWithChannelAsync("Email");

        var invited = await Fixture.InScopeAsync(db => db.SurveyInvitations.Select(i => i.TaskId).ToListAsync());
        Assert.Equal([sms], invited);
        var created = Assert.Single(await EventsAsync("SurveyInvitationCreated"))["payload"]!;
        Assert.True((bool)created["automatic"]!);
        Assert.Equal("en", (string)created["language"]!);
        Assert.Equal(sms, IdOf(created["taskId"]));
        Assert.StartsWith("http://localhost:5076/s/", (string)created["link"]!);

        // The task's events come in order: the task was created, then its customer invited.
        var types = (await EventsAsync()).Where(e => (string)e["payload"]!["taskId"]! == sms.ToString()).Select(e => (string)e["type"]!).ToList();
        Assert.Equal(["VisitTaskCreated", "SurveyInvitationCreated"], types);
        _ = (before, phone, email);
    }

    [Fact]
    public async Task An_opted_out_customer_is_not_invited_and_an_opt_out_after_the_invitation_revokes_it_instead_of_reminding()
    {
        // A complaint follow-up stays planned when its customer opts out (they asked for it), but gets no survey link.
        var taskId = await CreateTaskWithChannelAsync(customer: "C-DNC-1", purpose: "ComplaintFollowUp");
        await SetDoNotContactAsync("C-DNC-1");
        var (status, refused, _) = await InviteAsync(taskId);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("urn:huifang:problem:do-not-contact", (string)refused["type"]!);

        // With auto-invite on, an opted-out customer gets neither a task (the planner refuses it) nor an invitation.
        await PutPolicyAsync(new JsonObject { ["autoInvite"] = true });
        await SetDoNotContactAsync("C-DNC-2");
        var refusedBody = VisitTaskRequests.NewTask(customer: "C-DNC-2", workOrder: "WO-S-DNC-2");
        refusedBody["channel"] = "Sms";
        var refusedTask = await Client.PostAsync("/api/v1/visit-tasks", Json(refusedBody));
        Assert.Equal(HttpStatusCode.Conflict, refusedTask.StatusCode);
        Assert.Equal("do-not-contact", (string)(await ReadObjectAsync(refusedTask))["code"]!);
        Assert.False(await Fixture.InScopeAsync(db => db.SurveyInvitations.AnyAsync(i => i.CustomerExternalId == "C-DNC-2")));

        // Invited first, opted out after (a complaint follow-up, which the opt-out does not cancel): the reminder is
        // not sent and the invitation is revoked.
        var later = await CreateTaskWithChannelAsync(customer: "C-DNC-3", purpose: "ComplaintFollowUp");
        var invitation = await Fixture.InScopeAsync(db => db.SurveyInvitations.SingleAsync(i => i.TaskId == later));
        await SetDoNotContactAsync("C-DNC-3");
        Fixture.Clock.Reset(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero));
        var tick = await SurveyTickAsync();
        Assert.Equal((0, 1), (tick.Reminders, tick.Revoked));
        Assert.Empty(await EventsAsync("SurveyReminderDue"));
        var revoked = Assert.Single(await EventsAsync("SurveyInvitationRevoked"))["payload"]!;
        Assert.Equal(invitation.Id, IdOf(revoked["invitationId"]));
        Assert.Equal("DoNotContact", (string)revoked["reason"]!);
    }

    [Fact]
    public async Task An_answer_through_the_link_is_recorded_once_and_published()
    {
        var taskId = await CreateTaskWithChannelAsync();
        var token = (string)(await InvitedAsync(taskId))["token"]!;
        var feedbackId = Guid.NewGuid();

        // What the page does in its save, as the invitation's tenant.
        await using (var scope = Fixture.App.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentCaller>().Set(Caller.System(ApiFixture.TenantA, "survey"));
            var invitation = await scope.ServiceProvider.GetRequiredService<SurveyInvitations>().FindOpenOrAnyByTokenAsync(token, CancellationToken.None);
            Assert.True(invitation!.Answer(feedbackId, Fixture.Clock.GetUtcNow()).IsSuccess);
            await scope.ServiceProvider.GetRequiredService<HuiFang.Api.Infrastructure.Persistence.HuiFangDbContext>().SaveChangesAsync();
        }

        var answered = Assert.Single(await EventsAsync("SurveyAnswered"))["payload"]!;
        Assert.Equal(feedbackId, IdOf(answered["feedbackId"]));
        Assert.Equal(taskId, IdOf(answered["taskId"]));
        var read = await GetAsync($"/api/v1/visit-tasks/{taskId}/survey-invitations");
        Assert.Equal("Answered", (string)read["items"]![0]!["status"]!);

        // Answered is final: the monitor neither reminds nor expires it.
        Fixture.Clock.Advance(TimeSpan.FromDays(20));
        Assert.Equal(0, (await SurveyTickAsync()).Claimed);
    }

    [Fact]
    public async Task The_survey_policy_is_a_versioned_document_with_its_own_rules()
    {
        var defaults = await GetAsync("/api/v1/policies/survey");
        Assert.True((bool)defaults["isDefault"]!);
        Assert.Equal(0, (int)defaults["version"]!);
        Assert.Equal(14, (int)defaults["policy"]!["expiryDays"]!);
        Assert.Equal("PhoneVisit", (string)defaults["policy"]!["onExpiry"]!);

        var bad = await Client.PutAsync("/api/v1/policies/survey", Json(new JsonObject { ["expiryDays"] = 29, ["reminderAfterDays"] = 3 }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var late = await Client.PutAsync("/api/v1/policies/survey", Json(new JsonObject { ["expiryDays"] = 5, ["reminderAfterDays"] = 5 }));
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.NotNull((await ReadObjectAsync(late))["errors"]!["reminderAfterDays"]);

        using var stale = new HttpRequestMessage(HttpMethod.Put, "/api/v1/policies/survey") { Content = Json(new JsonObject { ["expiryDays"] = 7 }) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"3\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await Client.SendAsync(stale)).StatusCode);
        await PutPolicyAsync(new JsonObject { ["expiryDays"] = 7 });
        var changed = await GetAsync("/api/v1/policies/survey");
        Assert.Equal(1, (int)changed["version"]!);
        Assert.Equal(7, (int)changed["policy"]!["expiryDays"]!);

        var taskId = await CreateTaskWithChannelAsync();
        var created = await InvitedAsync(taskId);
        Assert.Equal(TestClock.Start.AddDays(7), DateTimeOffset.Parse((string)created["invitation"]!["expiresAt"]!));
        Assert.Equal("zh-CN", (string)created["invitation"]!["language"]!);
    }
}
