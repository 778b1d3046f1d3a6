using System.Net;
using System.Text.Json.Nodes;
using HuiFang.IntegrationTests.Escalations;
using HuiFang.IntegrationTests.Infrastructure;

namespace HuiFang.IntegrationTests.Policies;

public sealed class SqliteEscalationPolicyTests(SqliteApiFixture fixture) : EscalationPolicyTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresEscalationPolicyTests(PostgresApiFixture fixture) : EscalationPolicyTests(fixture), IClassFixture<PostgresApiFixture>;

/// <summary>The escalation policy document: a policy that contradicts itself or the calendar is refused and not stored.</summary>
public abstract class EscalationPolicyTests(ApiFixture fixture) : LoopTestBase(fixture)
{
    [Fact]
    public async Task A_policy_with_overlapping_routes_or_impossible_thresholds_is_a_400_naming_them_and_is_not_stored()
    {
        var overlapping = new JsonObject
        {
            ["verdict"] = new JsonObject { ["satisfiedFrom"] = 2, ["unsatisfiedUpTo"] = 3 },
            ["warningPercent"] = 100,
            ["urgent"] = new JsonObject { ["response"] = new JsonObject { ["duration"] = "00:00:00" } },
            ["routes"] = new JsonArray(
                new JsonObject { ["serviceType"] = "Repair", ["toDepartment"] = "Engineering" },
                new JsonObject { ["serviceType"] = "repair", ["toDepartment"] = "AfterSales" }),
        };
        var response = await Client.PutAsync("/api/v1/policies/escalation", Json(overlapping));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ReadObjectAsync(response))["errors"]!.AsObject();
        Assert.Contains("routes[1] overlaps routes[0]", (string?)errors["routes[1]"]![0]);
        Assert.True(errors.ContainsKey("verdict"));
        Assert.True(errors.ContainsKey("warningPercent"));
        Assert.True(errors.ContainsKey("urgent.response.duration"));
        Assert.True((bool)(await GetAsync("/api/v1/policies/escalation"))["isDefault"]!);

        var badJson = await Client.PutAsync("/api/v1/policies/escalation", Json("""{"reminderInterval":"soon"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
    }

    [Fact]
    public async Task A_business_hours_target_longer_than_the_calendar_guarantees_is_refused_also_when_it_inherits_the_clock()
    {
        var policy = new JsonObject
        {
            ["general"] = new JsonObject
            {
                ["response"] = new JsonObject { ["duration"] = "100.00:00:00", ["clock"] = "BusinessHours" },
                ["resolution"] = new JsonObject { ["duration"] = "200.00:00:00", ["clock"] = "WallClock" },
            },
            ["urgent"] = new JsonObject { ["resolution"] = new JsonObject { ["duration"] = "91.00:00:00" } },
        };

        var response = await Client.PutAsync("/api/v1/policies/escalation", Json(policy));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ReadObjectAsync(response))["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("general.response.duration"), errors.ToJsonString());
        Assert.False(errors.ContainsKey("general.resolution.duration"), errors.ToJsonString());
        Assert.Equal(
            errors.ContainsKey("urgent.resolution.duration"),
            HuiFang.Api.Domain.Escalations.EscalationPolicy.Default.Urgent.Resolution.Clock == HuiFang.Api.Domain.Escalations.SlaClockKind.BusinessHours);
    }
}
