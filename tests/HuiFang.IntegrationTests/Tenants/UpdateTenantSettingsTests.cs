using System.Net;
using System.Text.Json.Nodes;
using HuiFang.IntegrationTests.Escalations;
using HuiFang.IntegrationTests.Infrastructure;

namespace HuiFang.IntegrationTests.Tenants;

public sealed class SqliteUpdateTenantSettingsTests(SqliteApiFixture fixture) : UpdateTenantSettingsTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresUpdateTenantSettingsTests(PostgresApiFixture fixture) : UpdateTenantSettingsTests(fixture), IClassFixture<PostgresApiFixture>;

/// <summary>Changing the tenant's settings: a calendar that would make later requests fail, null or combined items
/// and a calendar too large to store are refused naming the field.</summary>
public abstract class UpdateTenantSettingsTests(ApiFixture fixture) : LoopTestBase(fixture)
{
    /// <summary>
    /// A setting that would make later requests fail is refused when it is set. Before, a calendar with a
    /// minute of working time a week was stored, and every general complaint's feedback afterwards was a 500.
    /// </summary>
    [Fact]
    public async Task A_calendar_without_room_for_the_deadlines_is_refused_and_complaints_go_on_being_escalated()
    {
        var thin = new JsonObject
        {
            ["name"] = "Thin calendar",
            ["calendar"] = new JsonObject
            {
                ["timeZone"] = "Asia/Shanghai",
                ["workingDays"] = new JsonArray("Monday"),
                ["workingHours"] = new JsonArray("09:00-09:01"),
            },
        };

        var response = await Client.PutAsync("/api/v1/admin/tenant", Json(thin));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ReadObjectAsync(response))["errors"]!.AsObject();
        Assert.Contains("working hours", (string?)errors["calendar"]![0]);

        var taskId = await CreateTaskAsync();
        var feedback = await RecordAsync(taskId, new JsonObject { ["score"] = 2, ["categories"] = new JsonArray("Complaint"), ["complaintLevel"] = "General" });
        Assert.Equal("Opened", (string?)feedback["escalation"]!["outcome"]);
    }

    [Theory]
    [InlineData("""{"name":"x","calendar":{"timeZone":"Asia/Shanghai","workingDays":["Monday",null],"workingHours":["09:00-18:00"]}}""", "calendar.workingDays[1]")]
    [InlineData("""{"name":"x","calendar":{"timeZone":"Asia/Shanghai","workingDays":["Monday"],"workingHours":[null]}}""", "calendar.workingHours[0]")]
    [InlineData("""{"name":"x","calendar":{"timeZone":"Asia/Shanghai","workingDays":["Monday"],"workingHours":["09:00-18:00"],"holidays":["2026-10-01",null]}}""", "calendar.holidays[1]")]
    [InlineData("""{"name":"x","calendar":{"timeZone":"Asia/Shanghai","workingDays":["Monday, Tuesday"],"workingHours":["09:00-18:00"]}}""", "calendar.workingDays[0]")]
    [InlineData("""{"name":"x\u0000y"}""", "name")]
    public async Task Settings_with_null_items_combined_values_or_unstorable_text_are_refused_naming_the_item(string body, string field)
    {
        var response = await Client.PutAsync("/api/v1/admin/tenant", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ReadObjectAsync(response))["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), errors.ToJsonString());
    }

    /// <summary>The calendar is stored as JSON in a column of 20,000 characters; a longer one was a 500 (22001) on PostgreSQL.</summary>
    [Fact]
    public async Task A_calendar_too_large_to_store_is_a_400_on_both_providers()
    {
        var holidays = new JsonArray([.. Enumerable.Range(0, 500).Select(i => (JsonNode)JsonValue.Create($"{2026 + i / 100}-03-{1 + i % 28:00}..{2026 + i / 100}-03-{1 + i % 28:00}"))]);
        var makeUp = new JsonArray([.. Enumerable.Range(0, 500).Select(i => (JsonNode)JsonValue.Create($"{2026 + i / 100}-06-{1 + i % 28:00}..{2026 + i / 100}-06-{1 + i % 28:00}"))]);
        var body = new JsonObject
        {
            ["name"] = "Big calendar",
            ["calendar"] = new JsonObject
            {
                ["timeZone"] = "Asia/Shanghai",
                ["workingDays"] = new JsonArray("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"),
                ["workingHours"] = new JsonArray("09:00-18:00"),
                ["holidays"] = holidays,
                ["makeUpWorkdays"] = makeUp,
            },
        };

        var response = await Client.PutAsync("/api/v1/admin/tenant", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ReadObjectAsync(response))["errors"]!.AsObject().ContainsKey("calendar"));
    }
}
