using System.Net;
using System.Text.Json.Nodes;
using HuiFang.IntegrationTests.Escalations;
using HuiFang.IntegrationTests.Infrastructure;
using static HuiFang.IntegrationTests.ServiceRecords.ServiceRecordRequests;

namespace HuiFang.IntegrationTests.Policies;

public sealed class SqliteFollowUpPolicyTests(SqliteApiFixture fixture) : FollowUpPolicyTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresFollowUpPolicyTests(PostgresApiFixture fixture) : FollowUpPolicyTests(fixture), IClassFixture<PostgresApiFixture>;

/// <summary>
/// The follow-up policy document: a tenant's policy decides new records and they record its version, a
/// contradictory one is refused naming the rule, and each settings document keeps a version of its own.
/// </summary>
public abstract class FollowUpPolicyTests(ApiFixture fixture) : LoopTestBase(fixture)
{
    [Fact]
    public async Task A_tenant_policy_with_the_house_repair_tiers_decides_new_records_and_records_its_version()
    {
        var policy = new JsonObject
        {
            ["rules"] = new JsonArray(new JsonObject
            {
                ["name"] = "house-repairs",
                ["serviceTypes"] = new JsonArray("HouseRepair"),
                ["mode"] = "Tiered",
                ["tiers"] = new JsonArray(
                    new JsonObject { ["upTo"] = 19, ["count"] = 5 },
                    new JsonObject { ["upTo"] = 50, ["percent"] = 30 },
                    new JsonObject { ["upTo"] = 100, ["percent"] = 15 },
                    new JsonObject { ["count"] = 20 }),
                ["channel"] = "OnSite",
            }),
            ["defaultRule"] = new JsonObject { ["mode"] = "Never" },
            ["timings"] = new JsonArray(new JsonObject { ["serviceTypes"] = new JsonArray("HouseRepair"), ["kind"] = "WithinDays", ["days"] = 3 }),
        };
        var put = await Client.PutAsync("/api/v1/policies/follow-up", Json(policy));
        var saved = await ReadObjectAsync(put);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.False((bool)saved["isDefault"]!);

        var chosen = 0;
        for (var i = 1; i <= 19; i++)
        {
            var d = (await ReceiveAsync(Record($"WO-H{i:00}", "HouseRepair", $"H{i}")))["decision"]!;
            chosen += (bool)d["selected"]! ? 1 : 0;
            Assert.Equal((int)saved["version"]!, (int)d["policyVersion"]!);
            if ((bool)d["selected"]!)
            {
                Assert.Equal("OnSite", (string?)d["channel"]);
                Assert.Equal("WithinDays", (string?)d["timing"]);
            }
        }

        Assert.Equal(5, chosen);
        var never = (await ReceiveAsync(Record("WO-N1", "Complaint", "N1")))["decision"]!;
        Assert.Equal(("NotSelected", "Never", true), ((string?)never["outcome"], (string?)never["reason"], (bool)never["defaultRuleApplied"]!));
    }

    [Theory]
    [InlineData("""{"rules":[{"name":"a","serviceTypes":["Repair"],"mode":"Always"},{"name":"b","serviceTypes":["repair","Activity"],"mode":"Never"}]}""", "rules[1].serviceTypes", "'a' and 'b'")]
    [InlineData("""{"rules":[{"name":"t","serviceTypes":["Repair"],"mode":"Tiered","tiers":[{"upTo":300,"percent":30},{"upTo":100,"percent":100},{"percent":10}]}]}""", "rules[0].tiers[1].upTo", "")]
    [InlineData("""{"rules":[{"name":"t","serviceTypes":["Repair"],"mode":"Tiered","tiers":[{"upTo":100,"percent":100}]}]}""", "rules[0].tiers[0].upTo", "")]
    [InlineData("""{"rules":[{"name":"t","serviceTypes":["Repair"],"mode":"Tiered","tiers":[{"upTo":3,"count":5},{"percent":10}]}]}""", "rules[0].tiers[0].count", "")]
    [InlineData("""{"rules":[{"name":"p","serviceTypes":["Repair"],"mode":"Percentage"}]}""", "rules[0].percent", "")]
    [InlineData("""{"rules":[{"name":"p","serviceTypes":["Repair"],"mode":"Always","percent":50}]}""", "rules[0].mode", "")]
    [InlineData("""{"rules":[{"name":"default","serviceTypes":["Repair"],"mode":"Always"}]}""", "rules[0].name", "")]
    [InlineData("""{"timings":[{"serviceTypes":["Repair"],"kind":"MonthlyBatch"}]}""", "timings[0].batchDay", "")]
    [InlineData("""{"timings":[{"serviceTypes":["Repair"],"kind":"WithinHours","hours":24,"days":3}]}""", "timings[0].days", "")]
    [InlineData("""{"timings":[{"serviceTypes":["Repair"],"kind":"WorkingDays","fromWorkingDay":7,"toWorkingDay":3}]}""", "timings[0].toWorkingDay", "")]
    [InlineData("""{"timings":[{"serviceTypes":["Repair"],"kind":"WithinDays","days":3},{"serviceTypes":["Repair"],"kind":"WithinDays","days":5}]}""", "timings[1].serviceTypes", "")]
    [InlineData("""{"defaultRule":{"name":"x","mode":"Always"}}""", "defaultRule", "")]
    public async Task A_contradictory_policy_is_400_naming_the_rule_and_nothing_is_written(string policy, string field, string mentions)
    {
        var response = await Client.PutAsync("/api/v1/policies/follow-up", Json(policy));
        var body = await ReadObjectAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = body["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), body.ToJsonString());
        Assert.Contains(mentions, string.Join(" ", errors[field]!.AsArray().Select(m => (string?)m)));
        Assert.True((bool)(await GetAsync("/api/v1/policies/follow-up"))["isDefault"]!);
    }

    [Fact]
    public async Task Each_settings_document_has_its_own_version_and_decisions_record_one_the_follow_up_policy_had()
    {
        async Task<(int Version, string? ETag)> VersionOf(string path)
        {
            var response = await Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return ((int)(await ReadObjectAsync(response))["version"]!, response.Headers.ETag?.Tag);
        }

        async Task PutAsync(string path, JsonObject body, string? ifMatch = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = Json(body) };
            if (ifMatch is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            }

            var response = await Client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        const string FollowUp = "/api/v1/policies/follow-up", Escalation = "/api/v1/policies/escalation", Settings = "/api/v1/admin/tenant";
        await PutAsync(FollowUp, new JsonObject { ["defaultRule"] = new JsonObject { ["mode"] = "Always" } });
        var followUp = await VersionOf(FollowUp);
        var first = (await ReceiveAsync(Record("WO-V1", "WindowCleaning", "V1")))["decision"]!;
        Assert.Equal(followUp.Version, (int)first["policyVersion"]!);

        // The other documents change: the escalation policy, then the calendar.
        var escalationBefore = await VersionOf(Escalation);
        await PutAsync(Escalation, new JsonObject { ["warningPercent"] = 80 });
        var settingsBefore = await VersionOf(Settings);
        await PutAsync(Settings, new JsonObject
        {
            ["name"] = "Tenant A",
            ["calendar"] = new JsonObject
            {
                ["timeZone"] = "Asia/Shanghai",
                ["workingDays"] = new JsonArray("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"),
                ["workingHours"] = new JsonArray("08:30-17:30"),
            },
        });

        // The follow-up policy did not change: neither its version nor its ETag moved, and a decision made now
        // records the version it has (and had).
        Assert.Equal(followUp, await VersionOf(FollowUp));
        var second = (await ReceiveAsync(Record("WO-V2", "WindowCleaning", "V2")))["decision"]!;
        Assert.Equal(followUp.Version, (int)second["policyVersion"]!);

        // Each document moved by one, with its own change only.
        Assert.Equal(escalationBefore.Version + 1, (await VersionOf(Escalation)).Version);
        Assert.Equal(settingsBefore.Version + 1, (await VersionOf(Settings)).Version);

        // The follow-up ETag held since before the other changes is still good for If-Match.
        await PutAsync(FollowUp, new JsonObject { ["defaultRule"] = new JsonObject { ["mode"] = "Never" } }, followUp.ETag);
        Assert.Equal(followUp.Version + 1, (await VersionOf(FollowUp)).Version);
        var third = (await ReceiveAsync(Record("WO-V3", "WindowCleaning", "V3")))["decision"]!;
        Assert.Equal(followUp.Version + 1, (int)third["policyVersion"]!);
    }
}
