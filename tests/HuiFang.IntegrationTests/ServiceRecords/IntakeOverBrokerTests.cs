using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using HuiFang.IntegrationTests.Infrastructure;
using RabbitMQ.Client;

namespace HuiFang.IntegrationTests.ServiceRecords;

/// <summary>
/// Service records published to the real RabbitMQ broker as plain JSON, the way a CRM without MassTransit
/// would: decided like the HTTP intake, redeliveries change nothing, and a message that cannot be taken
/// lands in the error queue instead of vanishing. PostgreSQL database of its own.
/// </summary>
public sealed class IntakeOverBrokerTests() : OwnDatabaseTestBase(needsBroker: true)
{
    private const string Tenant = "tenant-intake";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_ServiceRecordCompleted_published_as_plain_json_is_decided_once_and_a_bad_one_goes_to_the_error_queue()
    {
        var settings = RabbitMqServer.Settings(Broker, receiveIntake: true);
        settings["HuiFang:Database:Provider"] = "PostgreSql";
        settings["ConnectionStrings:HuiFang"] = Database;
        var app = Own(new HuiFangApp(settings, new TestClock()));
        _ = app.Server;
        using var client = await app.CreateAuthenticatedClientAsync(Tenant);

        await using var connection = await new ConnectionFactory { Uri = Broker, ClientProvidedName = "huifang-tests-intake" }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        // Declared as the service declares it (a quorum queue), so that it can be emptied before the test.
        await channel.QueueDeclareAsync("huifang.intake_error", durable: true, exclusive: false, autoDelete: false, new Dictionary<string, object?> { ["x-queue-type"] = "quorum" });
        await channel.QueuePurgeAsync("huifang.intake_error");

        var message = new JsonObject
        {
            ["tenantId"] = Tenant,
            ["workOrderNo"] = "WO-MQ-1",
            ["serviceType"] = "EmergencyRepair",
            ["description"] = "水管爆裂抢修",
            ["completedAt"] = "2026-11-25T09:30:00+08:00",
            ["department"] = "Engineering",
            ["customer"] = new JsonObject { ["externalId"] = "C-MQ-1", ["name"] = "李先生", ["phone"] = "13900001111", ["preferredChannel"] = "Phone" },
        };

        // Published until it is taken (the bus may still be binding its queue) and then again, as a redelivery
        // would be: one record, one task.
        var record = await WaitForAsync(client, "WO-MQ-1", () => PublishAsync(channel, message));
        await PublishAsync(channel, message);
        Assert.Equal("Broker", (string?)record["source"]);
        Assert.Equal("Selected", (string?)record["decision"]!["outcome"]);
        Assert.Equal("emergency-repairs", (string?)record["decision"]!["rule"]);
        Assert.Equal("Immediately", (string?)record["decision"]!["timing"]);

        // A message for a tenant HuiFang does not know cannot be taken: it waits in the error queue with its reason.
        var stranger = message.DeepClone().AsObject();
        stranger["tenantId"] = "nobody";
        stranger["workOrderNo"] = "WO-MQ-2";
        await PublishAsync(channel, stranger);
        var rejected = await WaitForErrorAsync(channel);
        Assert.Contains("nobody", Encoding.UTF8.GetString(rejected.Body.Span));
        Assert.Contains("does not exist", rejected.BasicProperties.Headers!["MT-Fault-Message"] is byte[] b ? Encoding.UTF8.GetString(b) : "");

        // What HTTP refuses the broker refuses too, on the same rules: a NUL in a name (PostgreSQL cannot store
        // it), a channel that is two channels at once.
        var nul = message.DeepClone().AsObject();
        nul["workOrderNo"] = "WO-MQ-3";
        nul["customer"]!["name"] = "李\u0000先生";
        await PublishAsync(channel, nul);
        var refusedNul = await WaitForErrorAsync(channel);
        Assert.Contains("customer.name", refusedNul.BasicProperties.Headers!["MT-Fault-Message"] is byte[] n ? Encoding.UTF8.GetString(n) : "");

        var combined = message.DeepClone().AsObject();
        combined["workOrderNo"] = "WO-MQ-4";
        combined["customer"]!["preferredChannel"] = "Phone, Sms";
        await PublishAsync(channel, combined);
        var refusedCombined = await WaitForErrorAsync(channel);
        Assert.Contains("preferredChannel", refusedCombined.BasicProperties.Headers!["MT-Fault-Message"] is byte[] c ? Encoding.UTF8.GetString(c) : "");

        // The redelivery was a repeat: still one task for the work order.
        await Task.Delay(500);
        var tasks = (await client.GetFromJsonAsync<JsonObject>("/api/v1/visit-tasks?limit=100"))!["items"]!.AsArray();
        Assert.Single(tasks);
        Assert.Equal("WO-MQ-1", (string?)tasks[0]!["serviceRecord"]!["workOrderNo"]);
    }

    private static async Task PublishAsync(IChannel channel, JsonObject message)
    {
        // The exchange MassTransit declares for the contract; declaring it the same way is a no-op.
        await channel.ExchangeDeclareAsync("huifang.service-record-completed", ExchangeType.Fanout, durable: true, autoDelete: false);
        var properties = new BasicProperties { ContentType = "application/json", MessageId = Guid.NewGuid().ToString(), Persistent = true };
        await channel.BasicPublishAsync("huifang.service-record-completed", "", mandatory: false, properties, Encoding.UTF8.GetBytes(message.ToJsonString()));
    }

    private static async Task<JsonObject> WaitForAsync(HttpClient client, string workOrderNo, Func<Task> publish)
    {
        var deadline = DateTime.UtcNow + Patience;
        var nextPublish = DateTime.MinValue;
        while (DateTime.UtcNow < deadline)
        {
            if (DateTime.UtcNow >= nextPublish)
            {
                await publish();
                nextPublish = DateTime.UtcNow.AddSeconds(3);
            }

            var response = await client.GetAsync($"/api/v1/service-records/{workOrderNo}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{workOrderNo} did not arrive through the broker within {Patience.TotalSeconds} s.");
    }

    private static async Task<BasicGetResult> WaitForErrorAsync(IChannel channel)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await channel.BasicGetAsync("huifang.intake_error", autoAck: true) is { } got)
            {
                return got;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("Nothing reached huifang.intake_error.");
    }
}
