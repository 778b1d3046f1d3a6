using System.Net;
using System.Text.Json.Nodes;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.IntegrationTests.Infrastructure;
using HuiFang.IntegrationTests.VisitTasks;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.IntegrationTests.Customers;

public sealed class SqliteEraseCustomerTests(SqliteApiFixture fixture) : EraseCustomerTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresEraseCustomerTests(PostgresApiFixture fixture) : EraseCustomerTests(fixture), IClassFixture<PostgresApiFixture>;

/// <summary>Erasing a customer's personal data: anonymised everywhere in the tenant, statistics kept, audited.</summary>
public abstract class EraseCustomerTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    private const string Tasks = "/api/v1/visit-tasks";
    private const string Phone = "13812345678";

    private async Task<JsonObject> CreateTaskAsync(HttpClient? client = null, string customer = "C-1001", string workOrder = "WO-2026-0001")
    {
        var response = await (client ?? Client).PostAsync(Tasks, Json(VisitTaskRequests.NewTask(customer: customer, workOrder: workOrder)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await ReadObjectAsync(response);
    }

    [Fact]
    public async Task Erasure_anonymises_the_customer_everywhere_keeps_the_statistics_and_is_audited()
    {
        var first = await CreateTaskAsync(customer: "C-erase", workOrder: "WO-E1");
        var id = (string)first["id"]!;
        await Client.PostAsync($"{Tasks}/{id}/reschedule", Json("""{"scheduledFor":"2026-11-26T14:00:00+08:00","reason":"王先生要求明天再打"}"""));
        await Client.PostAsync($"{Tasks}/{id}/attempts", Json("""{"outcome":"NoAnswer","note":"王先生未接"}"""));
        var other = await CreateTaskAsync(customer: "C-keep", workOrder: "WO-K1");
        using var tenantB = await Fixture.CreateClientAsync(ApiFixture.TenantB, [.. Scopes.All]);
        var theirs = await CreateTaskAsync(tenantB, customer: "C-erase", workOrder: "WO-E1");

        var erased = await Client.PostAsync("/api/v1/customers/C-erase/erasure", Json("""{"reason":"DSR-2026-0042"}"""));

        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        var result = await ReadObjectAsync(erased);
        Assert.Equal(1, (int)result["tasksAnonymised"]!);
        var pseudonym = (string)result["customerPseudonym"]!;
        var task = JsonNode.Parse(await Client.GetStringAsync($"{Tasks}/{id}"))!;
        Assert.Equal("[erased]", (string?)task["customer"]!["name"]);
        Assert.Null(task["customer"]!["phone"]);
        Assert.Equal(pseudonym, (string?)task["customer"]!["externalId"]);
        Assert.Equal("[erased]", (string?)task["attempts"]![0]!["note"]);
        Assert.Equal("NoAnswer", (string?)task["attempts"]![0]!["outcome"]);
        Assert.Equal(1, (int)task["failedAttempts"]!);
        Assert.NotNull(task["personalDataErasedAt"]);
        Assert.DoesNotContain("王先生", task.ToJsonString());

        var history = JsonNode.Parse(await Client.GetStringAsync($"{Tasks}/{id}/history"))!["entries"]!.AsArray();
        Assert.Equal("personal-data-erased", (string?)history[^1]!["action"]);
        Assert.DoesNotContain("王先生", history.ToJsonString());
        Assert.True(await Fixture.InScopeAsync(db => db.AuditEntries.AnyAsync(e => e.SubjectType == "Customer" && e.SubjectId == pseudonym && e.Action == "personal-data-erased")));

        // Nobody else's data moved: another customer of the tenant, and the same id in another tenant.
        Assert.Equal(Phone, (string?)JsonNode.Parse(await Client.GetStringAsync($"{Tasks}/{other["id"]}"))!["customer"]!["phone"]);
        Assert.Equal("王先生", (string?)JsonNode.Parse(await tenantB.GetStringAsync($"{Tasks}/{theirs["id"]}"))!["customer"]!["name"]);

        var again = await ReadObjectAsync(await Client.PostAsync("/api/v1/customers/C-erase/erasure", null)); // the body is optional
        Assert.Equal(0, (int)again["tasksAnonymised"]!);
    }
}
