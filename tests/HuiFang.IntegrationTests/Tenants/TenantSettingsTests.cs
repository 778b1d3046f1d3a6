using System.Net;
using System.Text.Json.Nodes;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.IntegrationTests.Infrastructure;
using HuiFang.IntegrationTests.VisitTasks;

namespace HuiFang.IntegrationTests.Tenants;

public sealed class SqliteTenantSettingsTests(SqliteApiFixture fixture) : TenantSettingsTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresTenantSettingsTests(PostgresApiFixture fixture) : TenantSettingsTests(fixture), IClassFixture<PostgresApiFixture>;

/// <summary>The tenant's settings over HTTP: validated, versioned with ETags, planning the tenant's tasks and kept apart from other tenants.</summary>
public abstract class TenantSettingsTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    private const string Tasks = "/api/v1/visit-tasks";

    private async Task<JsonObject> CreateTaskAsync(HttpClient? client = null, string customer = "C-1001", string workOrder = "WO-2026-0001")
    {
        var response = await (client ?? Client).PostAsync(Tasks, Json(VisitTaskRequests.NewTask(customer: customer, workOrder: workOrder)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await ReadObjectAsync(response);
    }

    [Fact]
    public async Task Tenant_settings_are_validated_versioned_and_kept_apart()
    {
        var get = await Client.GetAsync("/api/v1/admin/tenant");
        var etag = get.Headers.ETag!.Tag;
        var unchanged = new HttpRequestMessage(HttpMethod.Get, "/api/v1/admin/tenant");
        unchanged.Headers.IfNoneMatch.ParseAdd(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await Client.SendAsync(unchanged)).StatusCode);

        var invalid = await Client.PutAsync("/api/v1/admin/tenant", Json("""{"name":"华东","calendar":{"timeZone":"Mars/Olympus","workingDays":["Monday"],"workingHours":["09:00-18:00"]}}"""));
        var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/admin/tenant") { Content = Json("""{"name":"华东","calendar":{"timeZone":"Asia/Shanghai","workingDays":["Monday","Saturday"],"workingHours":["08:00-12:00"]}}""") };
        put.Headers.IfMatch.ParseAdd(etag);
        var updated = await Client.SendAsync(put);
        var stale = new HttpRequestMessage(HttpMethod.Put, "/api/v1/admin/tenant") { Content = Json("""{"name":"x","calendar":null}""") };
        stale.Headers.IfMatch.ParseAdd(etag);
        var refused = await Client.SendAsync(stale);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("calendar", (await ReadObjectAsync(invalid))["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(["Monday", "Saturday"], (await ReadObjectAsync(updated))["calendar"]!["workingDays"]!.AsArray().Select(d => (string)d!));
        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);

        // The tenant's calendar plans its tasks: Wednesday 10:00 is outside its working hours (08:00-12:00 Mon/Sat only).
        var task = await CreateTaskAsync();
        Assert.Equal(DayOfWeek.Saturday, DateTimeOffset.Parse((string)task["scheduledFor"]!).ToOffset(TimeSpan.FromHours(8)).DayOfWeek);

        using var tenantB = await Fixture.CreateClientAsync(ApiFixture.TenantB, Scopes.Admin);
        Assert.Null(JsonNode.Parse(await tenantB.GetStringAsync("/api/v1/admin/tenant"))!["calendar"]);
    }
}
