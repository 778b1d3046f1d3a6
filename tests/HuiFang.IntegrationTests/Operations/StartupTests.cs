using System.Net;
using System.Text.Json.Nodes;
using HuiFang.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HuiFang.IntegrationTests.Operations;

/// <summary>A wrong setting stops the service at start-up with a message that names the setting.</summary>
public sealed class StartupTests
{
    [Theory]
    [InlineData("HuiFang:Calendar:TimeZone", "Mars/Olympus")]
    [InlineData("HuiFang:Calendar:WorkingHours:0", "9 to 5")]
    [InlineData("HuiFang:VisitTasks:MaxFailedAttempts", "0")]
    [InlineData("HuiFang:VisitTasks:Timing:RoutineRepairBatchDay", "40")]
    [InlineData("HuiFang:Messaging:RabbitMq:Host", "")]
    [InlineData("HuiFang:Memory:CheckInterval", "00:00:00")]
    public void A_wrong_setting_stops_the_service_naming_it(string key, string value)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:HuiFang"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"huifang-startup-{Guid.NewGuid():N}.db")}",
            ["HuiFang:Messaging:Transport"] = "RabbitMq",
            [key] = value,
        };
        using var app = new HuiFangApp(settings, new TestClock());

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        var setting = key.EndsWith(":0", StringComparison.Ordinal) ? key[..^2] : key;
        Assert.Contains(setting, Flatten(error));
    }

    [Fact]
    public void Postgres_without_a_connection_string_stops_the_service_naming_the_setting()
    {
        using var app = new HuiFangApp(new Dictionary<string, string?> { ["HuiFang:Database:Provider"] = "PostgreSql" }, new TestClock());

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("ConnectionStrings:HuiFang", Flatten(error));
    }

    [Fact]
    public void An_unknown_provider_stops_the_service_naming_the_setting()
    {
        using var app = new HuiFangApp(new Dictionary<string, string?> { ["HuiFang:Database:Provider"] = "Oracle" }, new TestClock());

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("HuiFang:Database:Provider", Flatten(error));
    }

    [Fact]
    public async Task A_fresh_embedded_start_and_a_trip_round_the_loop_log_no_database_warnings()
    {
        var logs = new CapturedLogs();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:HuiFang"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"huifang-startup-{Guid.NewGuid():N}.db")}",
            ["HuiFang:SlaMonitor:Enabled"] = "true",
            ["HuiFang:SlaMonitor:Interval"] = "00:00:00.100",
        };
        await using var app = new HuiFangApp(settings, new TestClock(), logs);
        using var client = await app.CreateAuthenticatedClientAsync();

        var task = await client.PostAsync("/api/v1/visit-tasks", ApiTestBase.Json(VisitTasks.VisitTaskRequests.NewTask()));
        var taskId = (string)JsonNode.Parse(await task.Content.ReadAsStringAsync())!["id"]!;
        var recorded = await client.PostAsync($"/api/v1/visit-tasks/{taskId}/feedback", ApiTestBase.Json("""{"score":1,"categories":["Complaint"],"complaintLevel":"Urgent"}"""));
        var escalationId = (string)JsonNode.Parse(await recorded.Content.ReadAsStringAsync())!["escalation"]!["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/escalations/{escalationId}/pause", ApiTestBase.Json("""{"reason":"away"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/escalations/{escalationId}/sla")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/escalations")).StatusCode);
        await Task.Delay(500, TestContext.Current.CancellationToken); // monitor and dispatcher rounds

        Assert.DoesNotContain(logs.Lines, l => l.StartsWith("Warning Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || l.StartsWith("Error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nothing_starts_data_protection_so_a_container_start_logs_no_key_ring_warnings()
    {
        // Nothing in the service protects data with ASP.NET Core Data Protection (API keys are hashed, tokens
        // are checked by signature; no cookies, antiforgery or sessions). Its key ring made at every start
        // logged two warnings in a container (keys not persisted, not encrypted).
        var logs = new CapturedLogs();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:HuiFang"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"huifang-startup-{Guid.NewGuid():N}.db")}",
        };
        await using var app = new HuiFangApp(settings, new TestClock(), logs);
        using var client = await app.CreateAuthenticatedClientAsync();

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/visit-tasks", ApiTestBase.Json(VisitTasks.VisitTaskRequests.NewTask()))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/swagger/index.html")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/v1/visit-tasks")).StatusCode);

        Assert.DoesNotContain(logs.Lines, l => l.Contains(" Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(), s => s.GetType().Assembly == typeof(Microsoft.AspNetCore.DataProtection.DataProtectionOptions).Assembly);
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " | " + Flatten(e.InnerException);
}
