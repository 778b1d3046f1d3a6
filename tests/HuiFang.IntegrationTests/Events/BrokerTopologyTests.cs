using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using HuiFang.Api.Infrastructure.Messaging;
using HuiFang.Contracts;
using HuiFang.IntegrationTests.Infrastructure;
using HuiFang.IntegrationTests.VisitTasks;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace HuiFang.IntegrationTests.Events;

/// <summary>
/// What HuiFang declares on a broker where nothing exists yet (a virtual host of the test's own): every
/// event exchange as soon as the bus has started, so that a subscriber following the README can bind its
/// queue before the first event; and its intake queue as a quorum queue with a delivery limit and a
/// dead-letter queue, so that a message no consumer can get through is set aside instead of redelivered for ever.
/// </summary>
public sealed class BrokerTopologyTests() : OwnDatabaseTestBase(needsBroker: true)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Every_event_exchange_is_declared_when_the_bus_starts_and_a_queue_bound_before_the_first_event_receives_it()
    {
        var vhost = await OwnVirtualHostAsync();
        var app = StartApp(vhost);
        using var client = await app.CreateAuthenticatedClientAsync();
        await WaitForBusAsync(client);

        await using var connection = await new ConnectionFactory { Uri = vhost, ClientProvidedName = "huifang-tests-topology" }.CreateConnectionAsync();
        var missing = new List<string>();
        foreach (var type in IntegrationEvents.All)
        {
            var exchange = IntegrationEvents.Describe(type).Exchange;
            await using var probe = await connection.CreateChannelAsync();
            try
            {
                await probe.ExchangeDeclarePassiveAsync(exchange);
            }
            catch (OperationInterruptedException)
            {
                missing.Add(exchange);
            }
        }

        Assert.Empty(missing);

        // The README's subscriber: declares its queue and binds it, and declares no exchange.
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync("crm.visit-tasks", durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync("crm.visit-tasks", "huifang.visit-task-created", routingKey: "");
        var created = await client.PostAsync("/api/v1/visit-tasks", JsonContent.Create(VisitTaskRequests.NewTask()));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var taskId = (string?)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"];

        var message = await GetAsync(channel, "crm.visit-tasks");
        Assert.Equal(taskId, (string?)JsonNode.Parse(message.Body.Span)!["message"]!["taskId"]);
    }

    [Fact]
    public async Task The_intake_queue_is_a_quorum_queue_whose_message_past_the_delivery_limit_goes_to_the_dead_letter_queue()
    {
        var vhost = await OwnVirtualHostAsync();
        await using (var app = StartApp(vhost, receiveIntake: true))
        {
            using var client = await app.CreateAuthenticatedClientAsync();
            await WaitForBusAsync(client);
        }

        var intake = await RabbitMqServer.DescribeQueueAsync(vhost, "huifang.intake");
        Assert.Equal("quorum", (string?)intake["type"]);
        Assert.Equal(MessagingSetup.IntakeDeliveryLimit, (int?)intake["arguments"]!["x-delivery-limit"]);
        Assert.Equal(MessagingSetup.IntakeDeadLetter, (string?)intake["arguments"]!["x-dead-letter-exchange"]);

        // With the service stopped, a consumer that takes the message and never gets through it — what a
        // process crashing on it does — returns it again and again; past the limit the broker sets it aside.
        await using var connection = await new ConnectionFactory { Uri = vhost, ClientProvidedName = "huifang-tests-poison" }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var body = Encoding.UTF8.GetBytes("""{"tenantId":"t","workOrderNo":"WO-POISON"}""");
        await channel.BasicPublishAsync("", "huifang.intake", mandatory: true, new BasicProperties { ContentType = "application/json", MessageId = "poison-1", Persistent = true }, body);

        // A returned message takes a moment to be offered again: poll both queues until it is set aside.
        var deliveries = 0;
        BasicGetResult? dead = null;
        var deadline = DateTime.UtcNow + Patience;
        while (dead is null && DateTime.UtcNow < deadline)
        {
            if (await GetOrNullAsync(channel, "huifang.intake", autoAck: false) is { } got)
            {
                deliveries++;
                await channel.BasicNackAsync(got.DeliveryTag, multiple: false, requeue: true);
            }
            else if ((dead = await GetOrNullAsync(channel, MessagingSetup.IntakeDeadLetter, autoAck: true)) is null)
            {
                await Task.Delay(50);
            }
        }

        Assert.NotNull(dead);
        Assert.Equal("poison-1", dead.BasicProperties.MessageId);
        Assert.InRange(deliveries, MessagingSetup.IntakeDeliveryLimit, MessagingSetup.IntakeDeliveryLimit + 1);
    }

    private async Task<Uri> OwnVirtualHostAsync()
    {
        var (vhost, unavailable) = await RabbitMqServer.CreateVirtualHostAsync();
        if (vhost is null)
        {
            TestEnvironment.SkipOrFail(unavailable!);
        }

        Own(new Deferred(() => RabbitMqServer.DeleteVirtualHostAsync(vhost!)));
        return vhost!;
    }

    private HuiFangApp StartApp(Uri vhost, bool receiveIntake = false)
    {
        var settings = RabbitMqServer.Settings(vhost, receiveIntake);
        settings["HuiFang:Database:Provider"] = "PostgreSql";
        settings["ConnectionStrings:HuiFang"] = Database;
        var app = new HuiFangApp(settings, new TestClock());
        if (!receiveIntake)
        {
            Own(app);
        }

        _ = app.Server;
        return app;
    }

    /// <summary>Until the bus reports itself connected (its endpoints and topology are then in place).</summary>
    private static async Task WaitForBusAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            var ready = await client.GetFromJsonAsync<JsonObject>("/health/ready") ?? [];
            if ((string?)ready["checks"]?["bus"]?["status"] == "Healthy")
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The bus did not become healthy.");
    }

    private static async Task<BasicGetResult> GetAsync(IChannel channel, string queue)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await GetOrNullAsync(channel, queue, autoAck: true) is { } got)
            {
                return got;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Nothing reached {queue} within {Patience.TotalSeconds} s.");
    }

    private static async Task<BasicGetResult?> GetOrNullAsync(IChannel channel, string queue, bool autoAck) =>
        await channel.BasicGetAsync(queue, autoAck);

    private sealed class Deferred(Func<Task> dispose) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await dispose();
    }
}
