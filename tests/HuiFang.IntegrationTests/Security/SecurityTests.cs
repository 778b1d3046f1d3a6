using System.Net;
using HuiFang.Api.Features.ApiKeys;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using HuiFang.Api.Infrastructure.Configuration;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.IntegrationTests.Infrastructure;
using HuiFang.IntegrationTests.VisitTasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HuiFang.IntegrationTests.Security;

public sealed class SqliteSecurityFixture : SqliteApiFixture
{
    protected override bool CaptureLogs => true;
}

public sealed class PostgresSecurityFixture : PostgresApiFixture
{
    protected override bool CaptureLogs => true;
}

public sealed class SqliteSecurityTests(SqliteSecurityFixture fixture) : SecurityTests(fixture), IClassFixture<SqliteSecurityFixture>;

public sealed class PostgresSecurityTests(PostgresSecurityFixture fixture) : SecurityTests(fixture), IClassFixture<PostgresSecurityFixture>;

/// <summary>Keys, tokens, scopes, tenants, personal data and the audit trail, end to end over HTTP.</summary>
public abstract class SecurityTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task A_pooled_context_forgets_its_callers_tenant_when_its_scope_ends()
    {
        HuiFangDbContext leased;
        await using (var scope = Fixture.App.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentCaller>().Set(Caller.System(ApiFixture.TenantA, "tests"));
            leased = scope.ServiceProvider.GetRequiredService<HuiFangDbContext>();
            Assert.Equal(ApiFixture.TenantA, leased.CurrentTenantId);
        }

        // Back in the pool: whoever takes it next without a lease sees no tenant's rows.
        Assert.Null(leased.CurrentTenantId);
    }

    private const string Tasks = "/api/v1/visit-tasks";
    private const string Phone = "13812345678";

    private async Task<JsonObject> CreateTaskAsync(HttpClient? client = null, string customer = "C-1001", string workOrder = "WO-2026-0001")
    {
        var response = await (client ?? Client).PostAsync(Tasks, Json(VisitTaskRequests.NewTask(customer: customer, workOrder: workOrder)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await ReadObjectAsync(response);
    }

    [Fact]
    public async Task A_bearer_token_signed_by_the_identity_provider_authenticates_with_its_tenant_and_scopes()
    {
        var task = await CreateTaskAsync();
        var id = (string)task["id"]!;
        using var client = Fixture.CreateClientWithKey(null);

        async Task<HttpResponseMessage> Send(string token, string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return await client.SendAsync(request);
        }

        Assert.Equal(HttpStatusCode.OK, (await Send(TestTokens.Create(ApiFixture.TenantA, "tasks:read"), $"{Tasks}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(TestTokens.Create(ApiFixture.TenantB, "tasks:read"), $"{Tasks}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(TestTokens.Create(ApiFixture.TenantA, "reports:read"), $"{Tasks}/{id}")).StatusCode);
        foreach (var bad in new[]
        {
            TestTokens.Create(ApiFixture.TenantA, "tasks:read", expires: DateTime.UtcNow.AddMinutes(-5)),
            TestTokens.Create(ApiFixture.TenantA, "tasks:read", wrongKey: true),
            TestTokens.Create(ApiFixture.TenantA, "tasks:read", audience: "another-api"),
            TestTokens.Create(ApiFixture.TenantA, "tasks:read", issuer: "https://somebody.else"),
            "not-a-token",
        })
        {
            var response = await Send(bad, $"{Tasks}/{id}");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("The bearer token is invalid or expired.", (string?)(await ReadObjectAsync(response))["detail"]);
        }

        var noTenant = await Send(TestTokens.Create(null, "tasks:read"), $"{Tasks}/{id}");
        Assert.Equal(HttpStatusCode.Unauthorized, noTenant.StatusCode);
        Assert.Contains("tenant", (string?)(await ReadObjectAsync(noTenant))["detail"]);

        // A change made with a token is attributed to the token's subject.
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Tasks}/{id}/assign") { Content = Json("""{"assignee":"agent-09"}""") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Create(ApiFixture.TenantA, "tasks:write", subject: "callcenter-app"));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        var history = JsonNode.Parse(await Client.GetStringAsync($"{Tasks}/{id}/history"))!["entries"]!.AsArray();
        Assert.Equal("jwt:callcenter-app", (string?)history[^1]!["actor"]!["id"]);
        Assert.Equal("Jwt", (string?)history[^1]!["actor"]!["kind"]);
    }

    [Fact]
    public async Task Phone_numbers_are_masked_unless_the_caller_may_read_personal_data()
    {
        var task = await CreateTaskAsync();
        using var reader = await Fixture.CreateClientAsync(ApiFixture.TenantA, Scopes.TasksRead, Scopes.TasksWrite);

        var created = await reader.PostAsync(Tasks, Json(VisitTaskRequests.NewTask(customer: "C-2002", workOrder: "WO-2")));
        var one = JsonNode.Parse(await reader.GetStringAsync($"{Tasks}/{task["id"]}"))!;
        var page = JsonNode.Parse(await reader.GetStringAsync(Tasks))!;

        Assert.Equal("138****5678", (string?)(await ReadObjectAsync(created))["customer"]!["phone"]);
        Assert.Equal("138****5678", (string?)one["customer"]!["phone"]);
        Assert.All(page["items"]!.AsArray(), t => Assert.Equal("138****5678", (string?)t!["customer"]!["phone"]));
        Assert.DoesNotContain(Phone, page.ToJsonString());
        Assert.Equal(Phone, (string?)task["customer"]!["phone"]); // the admin key holds pii:read
    }

    [Fact]
    public async Task No_phone_number_reaches_the_logs()
    {
        Fixture.Logs!.Clear();
        var task = await CreateTaskAsync();
        var id = (string)task["id"]!;
        await Client.GetAsync($"{Tasks}/{id}");
        await Client.GetAsync($"{Tasks}?customerId=C-1001");
        await Client.PostAsync($"{Tasks}/{id}/attempts", Json("""{"outcome":"NoAnswer","note":"客户 13812345678 未接"}"""));
        await Client.PostAsync(Tasks, Json(VisitTaskRequests.NewTask()));                                // duplicate: 409
        await Client.PostAsync(Tasks, Json("""{"customer":{"externalId":"C-9","name":"x","phone":"13812345678x"}}""")); // invalid: 400
        await Client.PostAsync(Tasks, Json("""{"customer":{"externalId":"C-9","name":"x","phone":13812345678}}"""));   // wrong type: 400
        await Client.PostAsync($"/api/v1/customers/C-1001/erasure", Json("{}"));

        Assert.NotEmpty(Fixture.Logs.Lines);
        Assert.DoesNotContain(Fixture.Logs.Lines, line => line.Contains(Phone, StringComparison.Ordinal) || line.Contains("138-1234", StringComparison.Ordinal));
        Assert.DoesNotContain(Fixture.Logs.Lines, line => line.Contains(Fixture.AdminKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_history_names_who_did_what_and_when()
    {
        var task = await CreateTaskAsync();
        var id = (string)task["id"]!;
        Fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        await Client.PostAsync($"{Tasks}/{id}/assign", Json("""{"assignee":"agent-09"}"""));
        await Client.PostAsync($"{Tasks}/{id}/reschedule", Json("""{"scheduledFor":"2026-11-26T14:00:00+08:00","reason":"客户要求明天下午"}"""));
        await Client.PostAsync($"{Tasks}/{id}/cancel", Json("""{"reason":"工单作废"}"""));

        var history = JsonNode.Parse(await Client.GetStringAsync($"{Tasks}/{id}/history"))!;
        var entries = history["entries"]!.AsArray();

        Assert.Equal(["created", "assigned", "rescheduled", "cancelled"], entries.Select(e => (string)e!["action"]!));
        Assert.Equal([1, 2, 3, 4], entries.Select(e => (int)e!["version"]!));
        Assert.All(entries, e => Assert.Equal("tests admin", (string?)e!["actor"]!["name"]));
        Assert.Equal("agent-09", (string?)entries[1]!["details"]!["to"]);
        Assert.Equal("客户要求明天下午", (string?)entries[2]!["note"]);
        Assert.True(DateTimeOffset.Parse((string)entries[1]!["occurredAt"]!) > DateTimeOffset.Parse((string)entries[0]!["occurredAt"]!));
        using var tenantB = await Fixture.CreateClientAsync(ApiFixture.TenantB, Scopes.TasksRead);
        Assert.Equal(HttpStatusCode.NotFound, (await tenantB.GetAsync($"{Tasks}/{id}/history")).StatusCode);
    }

    [Fact]
    public async Task The_command_line_creates_lists_and_revokes_keys_of_any_tenant()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var created = await ApiKeyCommandLine.RunAsync(Fixture.App.Services, ["create", "--tenant", "acme", "--name", "CRM", "--scopes", "tasks:read,tasks:write"], output, error);
        var secret = output.ToString().Trim();
        using var acme = Fixture.CreateClientWithKey(secret);
        var acmeTask = await CreateTaskAsync(acme);

        Assert.Equal(0, created);
        Assert.StartsWith("hfk_", secret);
        Assert.True(await Fixture.InScopeAsync(db => db.AuditEntries.AnyAsync(e => e.SubjectType == "ApiKey" && e.Action == "created" && e.ActorName == "command line"), "acme"));
        Assert.Equal("138****5678", (string?)acmeTask["customer"]!["phone"]);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"{Tasks}/{acmeTask["id"]}")).StatusCode);

        var list = new StringWriter();
        Assert.Equal(0, await ApiKeyCommandLine.RunAsync(Fixture.App.Services, ["list", "--tenant", "acme"], list, error));
        Assert.Contains("CRM", list.ToString());
        Assert.DoesNotContain(secret, list.ToString());
        var keyId = list.ToString().Split(' ')[0];
        Assert.Equal(0, await ApiKeyCommandLine.RunAsync(Fixture.App.Services, ["revoke", "--tenant", "acme", "--id", keyId], new StringWriter(), error));
        Assert.Equal(HttpStatusCode.Unauthorized, (await acme.GetAsync(Tasks)).StatusCode);

        Assert.Equal(2, await ApiKeyCommandLine.RunAsync(Fixture.App.Services, ["create", "--tenant", "acme", "--name", "x", "--scopes", "everything"], new StringWriter(), error));
        Assert.Equal(2, await ApiKeyCommandLine.RunAsync(Fixture.App.Services, ["create", "--name", "x"], new StringWriter(), error));
    }

    [Fact]
    public async Task The_bootstrap_key_is_made_once_and_only_in_the_embedded_mode()
    {
        await Fixture.InScopeAsync(async db => await db.ApiKeys.IgnoreQueryFilters().ExecuteDeleteAsync());
        var target = Fixture.App.Services.GetRequiredService<DatabaseTarget>();
        var console = new StringWriter();

        var production = await BootstrapKey.EnsureAsync(Fixture.App.Services, true, new Environment(Environments.Production), target, console);
        var made = await BootstrapKey.EnsureAsync(Fixture.App.Services, true, new Environment("Development"), target, console);
        var second = await BootstrapKey.EnsureAsync(Fixture.App.Services, true, new Environment("Development"), target, console);

        Assert.False(production);
        Assert.False(second);
        if (target.Provider == DatabaseProvider.PostgreSql)
        {
            Assert.False(made);
            Assert.Equal("", console.ToString());
            return;
        }

        Assert.True(made);
        var secret = System.Text.RegularExpressions.Regex.Match(console.ToString(), "hfk_[A-Za-z0-9_-]{43}").Value;
        using var client = Fixture.CreateClientWithKey(secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/admin/api-keys")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{Tasks}")).StatusCode);
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "HuiFang.Api";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
