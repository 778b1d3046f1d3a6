using System.Net;
using System.Text.Json.Nodes;
using HuiFang.IntegrationTests.Infrastructure;
using HuiFang.IntegrationTests.VisitTasks;

namespace HuiFang.IntegrationTests.Operations;

/// <summary>The production combination — PostgreSQL and RabbitMQ — started together as docker compose runs it.</summary>
public sealed class ProductionModeTests
{
    [Fact]
    public async Task Production_mode_runs_on_postgresql_and_rabbitmq_and_reports_both_ready()
    {
        var (rabbit, rabbitUnavailable) = await RabbitMqServer.GetAsync();
        if (rabbit is null)
        {
            TestEnvironment.SkipOrFail(rabbitUnavailable!);
            return;
        }

        var (connectionString, pgUnavailable) = await PostgresServer.CreateDatabaseAsync();
        if (connectionString is null)
        {
            TestEnvironment.SkipOrFail(pgUnavailable!);
            return;
        }

        try
        {
            var settings = RabbitMqServer.Settings(rabbit);
            settings["HuiFang:Database:Provider"] = "PostgreSql";
            settings["ConnectionStrings:HuiFang"] = connectionString;
            await using var app = new HuiFangApp(settings, new TestClock());

            // A tenant of its own: the broker is shared with EventDeliveryTests, whose subscribers count tenant A's events.
            using var client = await app.CreateAuthenticatedClientAsync("tenant-production");

            JsonObject? report = null;
            for (var attempt = 0; attempt < 60; attempt++)
            {
                report = JsonNode.Parse(await client.GetStringAsync("/health/ready"))!.AsObject();
                if ((string?)report["status"] == "Healthy")
                {
                    break;
                }

                await Task.Delay(250);
            }

            Assert.Equal("Healthy", (string?)report!["checks"]!["bus"]!["status"]);
            Assert.Equal("Healthy", (string?)report["checks"]!["database"]!["status"]);
            var created = await client.PostAsync("/api/v1/visit-tasks", new StringContent(VisitTaskRequests.NewTask().ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task An_unreachable_broker_degrades_readiness_but_writes_keep_working()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:HuiFang"] = $"Data Source={Path.Combine(Path.GetTempPath(), "huifang-tests", $"nobroker-{Guid.NewGuid():N}.db")}",
            ["HuiFang:Messaging:Transport"] = "RabbitMq",
            ["HuiFang:Messaging:RabbitMq:Host"] = "127.0.0.1",
            ["HuiFang:Messaging:RabbitMq:Port"] = "1", // nothing listens there
        };
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "huifang-tests"));
        await using var app = new HuiFangApp(settings, new TestClock());
        using var client = await app.CreateAuthenticatedClientAsync();

        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var report = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!;
        Assert.Equal("Degraded", (string?)report["status"]);
        Assert.NotEqual("Healthy", (string?)report["checks"]!["bus"]!["status"]);
        var created = await client.PostAsync("/api/v1/visit-tasks", new StringContent(VisitTaskRequests.NewTask().ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }
}

/// <summary>When the database is down, callers get 503 problems they can retry, never a 500.</summary>
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task An_unreachable_database_answers_503_with_retry_after_and_readiness_fails()
    {
        var settings = new Dictionary<string, string?>
        {
            ["HuiFang:Database:Provider"] = "PostgreSql",
            ["HuiFang:Database:MigrateOnStartup"] = "false",
            ["ConnectionStrings:HuiFang"] = "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none;Timeout=2",
        };
        await using var app = new HuiFangApp(settings, new TestClock());
        using var client = app.CreateClient();

        // A bearer token: checking it needs no database, so the request gets as far as the data.
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Create("tenant-a", string.Join(' ', HuiFang.Api.Infrastructure.Security.Scopes.All)));
        var list = await client.GetAsync("/api/v1/visit-tasks");
        var create = await client.PostAsync("/api/v1/visit-tasks", new StringContent(VisitTaskRequests.NewTask().ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        var ready = await client.GetAsync("/health/ready");

        foreach (var response in new[] { list, create })
        {
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, await response.Content.ReadAsStringAsync());
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(response.Headers.RetryAfter);
            Assert.Equal("urn:huifang:problem:database-unavailable", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["type"]);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }
}
