using System.Net;
using System.Text.Json.Nodes;
using HuiFang.IntegrationTests.Escalations;
using HuiFang.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.IntegrationTests.Reviews;

public sealed class SqliteQualityPolicyTests(SqliteApiFixture fixture) : QualityPolicyTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresQualityPolicyTests(PostgresApiFixture fixture) : QualityPolicyTests(fixture), IClassFixture<PostgresApiFixture>;

/// <summary>The quality policy as the tenant's fourth policy document: defaults, validation, If-Match, its own version, audit.</summary>
public abstract class QualityPolicyTests(ApiFixture fixture) : LoopTestBase(fixture)
{
    private const string Path = "/api/v1/policies/quality";

    private async Task<HttpResponseMessage> PutAsync(string json, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, Path) { Content = Json(json) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await Client.SendAsync(request);
    }

    [Fact]
    public async Task The_defaults_show_until_a_change_which_moves_only_this_documents_version_and_is_audited()
    {
        var defaults = await GetAsync(Path);
        Assert.True((bool)defaults["isDefault"]!);
        Assert.Equal(0, (int)defaults["version"]!);
        Assert.Equal("Monday", (string)defaults["policy"]!["reviewDueDay"]!);
        Assert.Equal(3, (int)defaults["policy"]!["recurrenceThreshold"]!);
        Assert.Equal(new JsonArray("ServiceTypeAndDepartment", "Category").ToJsonString(), defaults["policy"]!["recurrenceBy"]!.ToJsonString());
        var survey = (int)(await GetAsync("/api/v1/policies/survey"))["version"]!;

        var stale = await PutAsync("""{"recurrenceThreshold":4}""", "\"3\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);

        var changed = await PutAsync("""{"reviewDueDay":"Tuesday","reviewDueTime":"10:30","recurrenceBy":["Category"]}""", "\"0\"");
        var body = await ReadObjectAsync(changed);
        Assert.True(changed.StatusCode == HttpStatusCode.OK, body.ToJsonString());
        Assert.Equal("\"1\"", changed.Headers.ETag?.Tag);
        Assert.False((bool)body["isDefault"]!);
        Assert.Equal("Tuesday", (string)body["policy"]!["reviewDueDay"]!);
        Assert.Equal("10:30", (string)body["policy"]!["reviewDueTime"]!);
        Assert.Equal(10, (int)body["policy"]!["spotCheckPercent"]!);

        var read = await GetAsync(Path);
        Assert.Equal(1, (int)read["version"]!);
        Assert.Equal(new JsonArray("Category").ToJsonString(), read["policy"]!["recurrenceBy"]!.ToJsonString());
        Assert.Equal(survey, (int)(await GetAsync("/api/v1/policies/survey"))["version"]!);
        Assert.True(await Fixture.InScopeAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "quality-policy-updated")));
    }

    [Theory]
    [InlineData("""{"recurrenceThreshold":1}""", "recurrenceThreshold")]
    [InlineData("""{"recurrenceWindowDays":367}""", "recurrenceWindowDays")]
    [InlineData("""{"spotCheckPercent":0}""", "spotCheckPercent")]
    [InlineData("""{"spotCheckCountPerAgent":1001}""", "spotCheckCountPerAgent")]
    [InlineData("""{"correctiveActionDueDays":0}""", "correctiveActionDueDays")]
    [InlineData("""{"reviewDueDay":1}""", null)]
    [InlineData("""{"reviewDueDay":"Monday, Tuesday"}""", null)]
    [InlineData("""{"reviewDueDay":"Someday"}""", null)]
    [InlineData("""{"reviewDueTime":"25:00"}""", "reviewDueTime")]
    [InlineData("""{"reviewDueTime":"12:00:00"}""", "reviewDueTime")]
    [InlineData("""{"reviewDueTime":"12:00\u0000"}""", null)]
    [InlineData("""{"recurrenceBy":["Category", 7]}""", null)]
    [InlineData("""{"recurrenceBy":["Category,ServiceTypeAndDepartment"]}""", null)]
    public async Task Bad_settings_are_a_400_problem_and_change_nothing(string json, string? field)
    {
        var response = await PutAsync(json);
        var body = await ReadObjectAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body.ToJsonString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is not null)
        {
            Assert.NotNull(body["errors"]![field]);
        }

        Assert.True((bool)(await GetAsync(Path))["isDefault"]!);
    }
}
