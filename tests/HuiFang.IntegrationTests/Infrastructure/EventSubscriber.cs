using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace HuiFang.IntegrationTests.Infrastructure;

/// <summary>One message as a plain AMQP client sees it.</summary>
public sealed record ReceivedMessage(string? MessageId, string? ContentType, string? Type, IReadOnlyDictionary<string, string> Headers, JsonObject Body, long ReceivedAt)
{
    /// <summary>The event inside MassTransit's envelope.</summary>
    public JsonObject Event => Body["message"]!.AsObject();
}

/// <summary>
/// A subscriber that does not use MassTransit: its own exclusive queue bound to HuiFang's event
/// exchanges, declared the way the README tells a plain AMQP client to, collecting every delivery.
/// </summary>
public sealed class EventSubscriber : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly ConcurrentQueue<ReceivedMessage> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private EventSubscriber(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public IReadOnlyCollection<ReceivedMessage> Received => _received;

    /// <summary>Subscribes to the events of <see cref="ApiFixture.TenantA"/> on the exchanges.</summary>
    public static Task<EventSubscriber> StartAsync(Uri broker, params string[] exchanges) => StartForTenantAsync(broker, ApiFixture.TenantA, exchanges);

    /// <summary>
    /// Subscribes to the events of one tenant: the broker is shared by test classes running in parallel,
    /// and each class keeps to its own tenant, so that another class's events never count as its own.
    /// </summary>
    public static async Task<EventSubscriber> StartForTenantAsync(Uri broker, string tenant, params string[] exchanges)
    {
        var connection = await new ConnectionFactory { Uri = broker, ClientProvidedName = "huifang-tests-subscriber" }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var queue = (await channel.QueueDeclareAsync(queue: "", durable: false, exclusive: true, autoDelete: true)).QueueName;
        foreach (var exchange in exchanges)
        {
            // MassTransit declares event exchanges as durable fanout exchanges; the same declaration is a no-op.
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
            await channel.QueueBindAsync(queue, exchange, routingKey: "");
        }

        var subscriber = new EventSubscriber(connection, channel);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            var headers = (delivery.BasicProperties.Headers ?? new Dictionary<string, object?>())
                .ToDictionary(h => h.Key, h => h.Value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : h.Value?.ToString() ?? "");
            if (headers.TryGetValue("huifang-tenant-id", out var from) && from != tenant)
            {
                return Task.CompletedTask;
            }

            var body = JsonNode.Parse(Encoding.UTF8.GetString(delivery.Body.Span))!.AsObject();
            subscriber._received.Enqueue(new ReceivedMessage(
                delivery.BasicProperties.MessageId,
                delivery.BasicProperties.ContentType,
                delivery.BasicProperties.Type,
                headers,
                body,
                Stopwatch.GetTimestamp()));
            subscriber._arrived.Release();
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer);
        return subscriber;
    }

    /// <summary>Waits until <paramref name="done"/> holds for what has arrived, or fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyCollection<ReceivedMessage>> WaitUntilAsync(Func<IReadOnlyCollection<ReceivedMessage>, bool> done, TimeSpan timeout, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!done(_received))
        {
            var left = timeout - deadline.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                Assert.Fail($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}; received {_received.Count} message(s).");
            }

            await _arrived.WaitAsync(left < TimeSpan.FromMilliseconds(500) ? left : TimeSpan.FromMilliseconds(500));
        }

        return _received;
    }

    /// <summary>The messages carrying the event about <paramref name="taskId"/>.</summary>
    public IReadOnlyList<ReceivedMessage> About(Guid taskId) =>
        [.. _received.Where(m => (string?)m.Event["taskId"] == taskId.ToString())];

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _connection.CloseAsync();
        _channel.Dispose();
        _connection.Dispose();
    }
}
