using System.Text;
using System.Text.Json.Nodes;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace HuiFang.FaultRun;

/// <summary>One message as the subscriber's queue held it.</summary>
public sealed record Delivery(string? MessageId, string? EnvelopeMessageId, Guid? EventId, Guid? TaskId, string? TenantHeader);

/// <summary>
/// A subscriber as the README describes one: its own durable queue bound to the event's fanout exchange
/// before any load, read only at the end (so broker restarts keep what it holds: persistent messages in a
/// durable queue).
/// </summary>
public static class Subscriber
{
    public const string Exchange = "huifang.visit-task-created";
    public const string Queue = "faultrun.visit-task-created";

    public static async Task BindAsync(Uri amqp)
    {
        var factory = new ConnectionFactory { Uri = amqp, ClientProvidedName = "huifang-fault-run" };
        await using var connection = await factory.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        try
        {
            // The exchange as the API declared it at start-up, if it did; else declared the way MassTransit
            // declares it on the first publish (durable fanout, not auto-deleted), so that both agree.
            await channel.ExchangeDeclarePassiveAsync(Exchange);
            Log.Write($"exchange {Exchange} exists (declared by the API)");
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            await channel.DisposeAsync();
            channel = await connection.CreateChannelAsync();
            await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
            Log.Write($"exchange {Exchange} declared by the subscriber (the API had not declared it yet)");
        }

        await channel.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(Queue, Exchange, routingKey: "");
        await channel.DisposeAsync();
    }

    /// <summary>Takes every message the queue holds now.</summary>
    public static async Task<List<Delivery>> DrainAsync(Uri amqp)
    {
        var factory = new ConnectionFactory { Uri = amqp, ClientProvidedName = "huifang-fault-run-drain" };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var taken = new List<Delivery>();
        while (await channel.BasicGetAsync(Queue, autoAck: true) is { } message)
        {
            taken.Add(Read(message));
        }

        return taken;
    }

    private static Delivery Read(BasicGetResult message)
    {
        string? tenant = null;
        if (message.BasicProperties.Headers?.TryGetValue("huifang-tenant-id", out var raw) == true)
        {
            tenant = raw is byte[] bytes ? Encoding.UTF8.GetString(bytes) : raw?.ToString();
        }

        try
        {
            var envelope = JsonNode.Parse(Encoding.UTF8.GetString(message.Body.Span))!;
            var body = envelope["message"];
            return new Delivery(
                message.BasicProperties.MessageId,
                (string?)envelope["messageId"],
                Guid.TryParse((string?)body?["eventId"], out var eventId) ? eventId : null,
                Guid.TryParse((string?)body?["taskId"], out var taskId) ? taskId : null,
                tenant);
        }
        catch (System.Text.Json.JsonException)
        {
            return new Delivery(message.BasicProperties.MessageId, null, null, null, tenant);
        }
    }
}
