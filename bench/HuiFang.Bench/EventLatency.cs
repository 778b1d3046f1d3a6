using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace HuiFang.Bench;

/// <summary>
/// Commit → event latency at a fixed rate: creates visit tasks through the API on an open-loop schedule
/// (a slow response does not delay the next request) and times each <c>VisitTaskCreated</c> as a plain AMQP
/// subscriber receives it. The headline latency runs from the event's <c>occurredAt</c>, stamped by the
/// handler just before its transaction commits, to delivery: an upper bound on commit → received. The
/// bound from the HTTP response (after the commit) is a lower bound; both are written.
/// </summary>
public static class EventLatency
{
    private const string Exchange = "huifang.visit-task-created";

    public static async Task<int> RunAsync(Arguments a)
    {
        var api = new Uri(a["api"]);
        var rate = a.Number("rate");
        var seconds = a.Number("seconds");
        var total = (int)(rate * seconds);
        var run = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var received = new ConcurrentDictionary<string, (DateTimeOffset At, DateTimeOffset OccurredAt)>();
        var duplicates = 0;
        var factory = new ConnectionFactory { Uri = new Uri(a["amqp"]), ClientProvidedName = "huifang-bench-subscriber" };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        await channel.QueueBindAsync(queue, Exchange, "");
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            var at = DateTimeOffset.UtcNow;
            var message = JsonNode.Parse(Encoding.UTF8.GetString(delivery.Body.Span))!["message"]!;
            var taskId = (string)message["taskId"]!;
            if (!received.TryAdd(taskId, (at, DateTimeOffset.Parse((string)message["occurredAt"]!, System.Globalization.CultureInfo.InvariantCulture))))
            {
                Interlocked.Increment(ref duplicates);
            }

            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer);

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { BaseAddress = api, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", a["key"]);

        var created = new ConcurrentDictionary<string, (DateTimeOffset Sent, DateTimeOffset Answered)>();
        var failures = new ConcurrentDictionary<string, int>();
        var responseTimes = new ConcurrentBag<double>();
        var inFlight = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        var behind = 0.0;
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }
            else
            {
                behind = Math.Max(behind, -wait.TotalMilliseconds);
            }

            inFlight.Add(SendAsync(i));
        }

        var sendSeconds = clock.Elapsed.TotalSeconds;
        await Task.WhenAll(inFlight);

        // Every committed task's event should arrive; wait for stragglers, then count what is missing.
        var patience = Stopwatch.StartNew();
        while (created.Keys.Any(id => !received.ContainsKey(id)) && patience.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }

        var fromOccurred = new List<double>();
        var fromSent = new List<double>();
        var fromAnswered = new List<double>();
        var lost = 0;
        foreach (var (id, request) in created)
        {
            if (!received.TryGetValue(id, out var delivery))
            {
                lost++;
                continue;
            }

            fromOccurred.Add((delivery.At - delivery.OccurredAt).TotalMilliseconds);
            fromSent.Add((delivery.At - request.Sent).TotalMilliseconds);
            fromAnswered.Add(Math.Max(0, (delivery.At - request.Answered).TotalMilliseconds));
        }

        var result = new JsonObject
        {
            ["targetRate"] = rate,
            ["seconds"] = seconds,
            ["requests"] = total,
            ["achievedRate"] = Math.Round(total / sendSeconds, 1),
            ["maxScheduleLagMs"] = Math.Round(behind, 1),
            ["created"] = created.Count,
            ["failed"] = JsonSerializer.SerializeToNode(failures),
            ["received"] = created.Keys.Count(received.ContainsKey),
            ["lost"] = lost,
            ["duplicates"] = duplicates,
            ["latencyMs"] = Stats.Summary(fromOccurred),
            ["latencyFromRequestSentMs"] = Stats.Summary(fromSent),
            ["latencyFromResponseMs"] = Stats.Summary(fromAnswered),
            ["httpMs"] = Stats.Summary([.. responseTimes]),
        };
        await File.WriteAllTextAsync(a["out"], result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"events: {created.Count} created at {result["achievedRate"]}/s, {lost} lost, commit→received p50 {Stats.Percentile(fromOccurred, 50):0.0} ms p99 {Stats.Percentile(fromOccurred, 99):0.0} ms max {(fromOccurred.Count == 0 ? 0 : fromOccurred.Max()):0.0} ms");
        return 0;

        async Task SendAsync(int i)
        {
            var body = $$"""
                {"customer":{"externalId":"EV-{{run}}-{{i}}","name":"王先生","phone":"13812345678","preferredChannel":"Phone"},
                 "serviceRecord":{"workOrderNo":"WO-EV-{{run}}-{{i}}","serviceType":"Repair","description":"空调故障维修","completedAt":"2026-11-20T10:00:00+08:00","staff":"李师傅","department":"AfterSales"},
                 "purpose":"AfterSales","channel":"Phone","assignee":"agent-07"}
                """;
            using var content = new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            var sent = DateTimeOffset.UtcNow;
            try
            {
                using var response = await http.PostAsync("api/v1/visit-tasks", content);
                var answered = DateTimeOffset.UtcNow;
                responseTimes.Add((answered - sent).TotalMilliseconds);
                if ((int)response.StatusCode == 201)
                {
                    var id = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
                    created[id] = (sent, answered);
                }
                else
                {
                    failures.AddOrUpdate(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                failures.AddOrUpdate(e.GetType().Name, 1, (_, n) => n + 1);
            }
        }
    }
}
