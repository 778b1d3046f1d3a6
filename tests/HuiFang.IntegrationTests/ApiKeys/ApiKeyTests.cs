using System.Net;
using System.Text.Json.Nodes;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.IntegrationTests.ApiKeys;

public sealed class SqliteApiKeyTests(SqliteApiFixture fixture) : ApiKeyTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresApiKeyTests(PostgresApiFixture fixture) : ApiKeyTests(fixture), IClassFixture<PostgresApiFixture>;

/// <summary>API keys over HTTP: created and shown once, stored as a hash, listed, revoked; a key grants no scope its creator lacks.</summary>
public abstract class ApiKeyTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    private const string Tasks = "/api/v1/visit-tasks";

    [Fact]
    public async Task An_api_key_is_shown_once_stored_as_a_hash_records_its_last_use_and_stops_working_when_revoked()
    {
        var created = await Client.PostAsync("/api/v1/admin/api-keys", Json("""{"name":"CRM production","scopes":["tasks:read"]}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await ReadObjectAsync(created);
        var secret = (string)body["key"]!;
        var id = (Guid)body["apiKey"]!["id"]!;
        Assert.StartsWith("hfk_", secret);
        Assert.Equal(secret[..12], (string?)body["apiKey"]!["prefix"]);
        Assert.Equal(ApiFixture.TenantA, (string?)body["apiKey"]!["tenantId"]);

        var stored = await Fixture.InScopeAsync(db => db.ApiKeys.SingleAsync(k => k.Id == id));
        Assert.NotEqual(secret, stored.Hash);
        Assert.Equal(ApiKeyFormat.Hash(secret), stored.Hash);
        Assert.Null(stored.LastUsedAt);

        using var crm = Fixture.CreateClientWithKey(secret);
        Assert.Equal(HttpStatusCode.OK, (await crm.GetAsync(Tasks)).StatusCode);
        var listed = JsonNode.Parse(await Client.GetStringAsync("/api/v1/admin/api-keys"))!.AsArray();
        Assert.DoesNotContain(secret, listed.ToJsonString());
        Assert.NotNull(listed.Single(k => (Guid)k!["id"]! == id)!["lastUsedAt"]);

        var revoked = await Client.DeleteAsync($"/api/v1/admin/api-keys/{id}");
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal("Revoked", (string?)(await ReadObjectAsync(revoked))["status"]);
        var refused = await crm.GetAsync(Tasks);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("The API key is unknown, revoked or expired.", (string?)(await ReadObjectAsync(refused))["detail"]);
        Assert.Contains("ApiKey", refused.Headers.WwwAuthenticate.ToString());

        // Revoking again changes nothing and records nothing; creation and revocation are audited once each.
        Assert.Equal(HttpStatusCode.OK, (await Client.DeleteAsync($"/api/v1/admin/api-keys/{id}")).StatusCode);
        var trail = await Fixture.InScopeAsync(db => db.AuditEntries.Where(e => e.SubjectId == id.ToString()).OrderBy(e => e.Action).Select(e => e.Action + " by " + e.ActorName).ToListAsync());
        Assert.Equal(["created by tests admin", "revoked by tests admin"], trail);
    }

    [Fact]
    public async Task A_key_can_only_grant_scopes_its_creator_holds()
    {
        using var admin = await Fixture.CreateClientAsync(ApiFixture.TenantA, Scopes.Admin, Scopes.TasksRead);

        var escalation = await admin.PostAsync("/api/v1/admin/api-keys", Json("""{"name":"sneaky","scopes":["tasks:read","pii:read"]}"""));
        var unknown = await admin.PostAsync("/api/v1/admin/api-keys", Json("""{"name":"typo","scopes":["tasks:delete"]}"""));

        Assert.Equal(HttpStatusCode.Forbidden, escalation.StatusCode);
        Assert.Equal("scope-not-held", (string?)(await ReadObjectAsync(escalation))["code"]);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("scopes[0]", (await ReadObjectAsync(unknown))["errors"]!.AsObject().Select(e => e.Key));
    }
}
