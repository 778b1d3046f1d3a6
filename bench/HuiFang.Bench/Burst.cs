using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HuiFang.Bench;

/// <summary>
/// A burst of the kind a service meets in production, for the memory reading that follows it: many idle
/// connections opened and held (a client pool, a scanner), slow bodies (clients on a bad link, sending a
/// create at a few hundred bytes per second, above Kestrel's minimum data rate) and a flood of creates at
/// high concurrency, all at once; then everything is closed. Bounded in count and time; loopback only.
/// What the API keeps resident after this is what it keeps after any burst.
/// </summary>
public static class Burst
{
    public static async Task<int> RunAsync(Arguments a)
    {
        var api = new Uri(a["api"]);
        var idle = (int)a.Number("idle");
        var slow = (int)a.Number("slow");
        var slowRate = a.Number("slow-rate");
        var creates = (int)a.Number("creates");
        var concurrency = (int)a.Number("concurrency");
        var run = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var clock = Stopwatch.StartNew();

        // Idle connections: opened, nothing sent, held until the end of the burst.
        var idleSockets = new List<TcpClient>(idle);
        var idleFailed = 0;
        foreach (var chunk in Enumerable.Range(0, idle).Chunk(100))
        {
            await Task.WhenAll(chunk.Select(async _ =>
            {
                var client = new TcpClient();
                try
                {
                    await client.ConnectAsync(api.Host, api.Port);
                    lock (idleSockets)
                    {
                        idleSockets.Add(client);
                    }
                }
                catch (SocketException)
                {
                    Interlocked.Increment(ref idleFailed);
                    client.Dispose();
                }
            }));
        }

        var slowStatus = new ConcurrentDictionary<string, int>();
        var slowTasks = Enumerable.Range(0, slow).Select(i => SlowCreateAsync(i)).ToList();

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = api,
            Timeout = TimeSpan.FromSeconds(60),
        };
        http.DefaultRequestHeaders.Add("X-Api-Key", a["key"]);
        var createStatus = new ConcurrentDictionary<string, int>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < creates)
            {
                using var content = new StringContent(Body("BU", i, 0), Encoding.UTF8);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                try
                {
                    using var response = await http.PostAsync("api/v1/visit-tasks", content);
                    Count(createStatus, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Count(createStatus, e.GetType().Name);
                }
            }
        }));
        var createSeconds = clock.Elapsed.TotalSeconds;

        await Task.WhenAll(slowTasks);
        foreach (var socket in idleSockets)
        {
            socket.Dispose();
        }

        var result = new JsonObject
        {
            ["idleConnections"] = idleSockets.Count,
            ["idleRefused"] = idleFailed,
            ["slowBodies"] = slow,
            ["slowBytesPerSecond"] = slowRate,
            ["slowStatus"] = JsonSerializer.SerializeToNode(slowStatus),
            ["creates"] = creates,
            ["concurrency"] = concurrency,
            ["createStatus"] = JsonSerializer.SerializeToNode(createStatus),
            ["createSeconds"] = Math.Round(createSeconds, 1),
            ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 1),
        };
        await File.WriteAllTextAsync(a["out"], result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"burst: {idleSockets.Count} idle connections, {slow} slow bodies {Text(slowStatus)}, {creates} creates {Text(createStatus)} in {createSeconds:0.0} s, {clock.Elapsed.TotalSeconds:0.0} s in all");
        return 0;

        // One create whose body (padded with spaces to about ten seconds' worth) trickles in.
        async Task SlowCreateAsync(int i)
        {
            var body = Encoding.UTF8.GetBytes(Body("BS", i, (int)(slowRate * 10)));
            var head = Encoding.ASCII.GetBytes(
                $"POST /api/v1/visit-tasks HTTP/1.1\r\nHost: {api.Authority}\r\nX-Api-Key: {a["key"]}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(api.Host, api.Port);
                var stream = client.GetStream();
                await stream.WriteAsync(head);
                var chunk = Math.Max(1, (int)(slowRate / 10));
                for (var offset = 0; offset < body.Length; offset += chunk)
                {
                    await stream.WriteAsync(body.AsMemory(offset, Math.Min(chunk, body.Length - offset)));
                    await Task.Delay(100);
                }

                var reply = new byte[64];
                var read = await stream.ReadAtLeastAsync(reply, 12, throwOnEndOfStream: false);
                Count(slowStatus, read >= 12 ? Encoding.ASCII.GetString(reply, 9, 3) : "closed");
            }
            catch (Exception e) when (e is IOException or SocketException)
            {
                Count(slowStatus, e.GetType().Name);
            }
        }

        string Body(string prefix, int i, int padding) =>
            $$"""{"customer":{"externalId":"{{prefix}}-{{run}}-{{i}}","name":"王先生","phone":"13812345678","preferredChannel":"Phone"},"serviceRecord":{"workOrderNo":"WO-{{prefix}}-{{run}}-{{i}}","serviceType":"Repair","description":"空调故障维修","completedAt":"2026-11-20T10:00:00+08:00","staff":"李师傅","department":"AfterSales"},"purpose":"AfterSales","channel":"Phone","assignee":"agent-07"{{new string(' ', padding)}}}""";
    }

    private static void Count(ConcurrentDictionary<string, int> counts, string key) => counts.AddOrUpdate(key, 1, (_, n) => n + 1);

    private static string Text(ConcurrentDictionary<string, int> counts) =>
        "(" + string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}: {c.Value}")) + ")";
}
