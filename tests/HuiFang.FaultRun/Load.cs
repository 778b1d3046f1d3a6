using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace HuiFang.FaultRun;

/// <summary>One create as the client meant it: one Idempotency-Key, one body, as many attempts as it took.</summary>
public sealed class Create(int index, string kind, string idempotencyKey, string workOrderNo)
{
    public int Index { get; } = index;

    /// <summary>visit-task or service-record.</summary>
    public string Kind { get; } = kind;

    public string IdempotencyKey { get; } = idempotencyKey;

    public string WorkOrderNo { get; } = workOrderNo;

    public int Attempts { get; set; }

    /// <summary>The status the client stopped at (201 when all went well); null when it gave up.</summary>
    public int? FinalStatus { get; set; }

    public string? FinalBody { get; set; }

    /// <summary>The visit task the 201 answered with (for a service record: the one its decision planned, if any).</summary>
    public Guid? TaskId { get; set; }

    /// <summary>The 201 was a replay (<c>Idempotent-Replayed: true</c>) of an attempt whose answer the client lost.</summary>
    public bool Replayed { get; set; }
}

/// <summary>Everything the client saw: the creates, every answer's status, and what broke the contract.</summary>
public sealed class Ledger
{
    public ConcurrentBag<Create> Creates { get; } = [];

    public ConcurrentDictionary<string, int> Answers { get; } = new();

    public ConcurrentQueue<string> Violations { get; } = new();

    /// <summary>5xx other than 503: the answer, with its trace id for the API's log.</summary>
    public ConcurrentQueue<(int Status, string Body, TimeSpan At)> ServerErrors { get; } = new();

    /// <summary>When a request could not be sent or its answer not read (the API dead, or cut off mid-request).</summary>
    public ConcurrentQueue<TimeSpan> ConnectionErrors { get; } = new();

    public int Requests;

    public void Count(string answer) => Answers.AddOrUpdate(answer, 1, (_, n) => n + 1);
}

/// <summary>
/// Create load as a careful client sends it: each create carries an Idempotency-Key and is retried with the
/// same key and the same bytes until it gets a final answer: after a connection error (the API is down or
/// was killed mid-request), after 503 or 429 (waiting as long as Retry-After says), after 409
/// idempotency-key-in-flight, and after any other 5xx (which the run records as a failure).
/// </summary>
public sealed class LoadDriver(Uri api, string apiKey, string run, Ledger ledger)
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(3);
    private readonly HttpClient http = new(new SocketsHttpHandler
    {
        ConnectTimeout = TimeSpan.FromSeconds(2),
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(10),
        MaxConnectionsPerServer = 256,
    })
    {
        BaseAddress = api,
        Timeout = TimeSpan.FromSeconds(20),
    };

    private int next;

    public async Task RunAsync(int workers, CancellationToken stop)
    {
        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await CreateAsync(Interlocked.Increment(ref next));
            }
        })));
    }

    private async Task CreateAsync(int i)
    {
        // Three in four are visit tasks; every fourth is a service record that the follow-up policy decides on.
        var serviceRecord = i % 4 == 0;
        var workOrder = $"{run}-{i}";
        var create = new Create(i, serviceRecord ? "service-record" : "visit-task", $"{run}-key-{i}", workOrder);
        ledger.Creates.Add(create);
        var body = Encoding.UTF8.GetBytes(serviceRecord ? ServiceRecordBody(workOrder, i) : VisitTaskBody(workOrder, i));
        var path = serviceRecord ? "api/v1/service-records" : "api/v1/visit-tasks";
        var started = DateTime.UtcNow;

        while (true)
        {
            if (DateTime.UtcNow - started > GiveUpAfter)
            {
                ledger.Violations.Enqueue($"create {i} ({create.Kind}) got no final answer in {GiveUpAfter.TotalMinutes} min after {create.Attempts} attempts");
                return;
            }

            create.Attempts++;
            Interlocked.Increment(ref ledger.Requests);
            TimeSpan wait;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Add("Idempotency-Key", create.IdempotencyKey);
                using var response = await http.SendAsync(request);
                var status = (int)response.StatusCode;
                var text = await response.Content.ReadAsStringAsync();
                ledger.Count(status.ToString(CultureInfo.InvariantCulture));

                if (status == 201)
                {
                    var json = JsonNode.Parse(text)!;
                    create.TaskId = serviceRecord
                        ? json["decision"]?["visitTaskId"] is JsonValue v ? Guid.Parse((string)v!) : null
                        : Guid.Parse((string)json["id"]!);
                    create.Replayed = response.Headers.TryGetValues("Idempotent-Replayed", out var replayed) && replayed.Contains("true");
                    create.FinalStatus = 201;
                    return;
                }

                var code = ProblemCode(text);
                if (status is 503 or 429 || (status == 409 && code == "idempotency-key-in-flight"))
                {
                    if (response.Headers.RetryAfter is not { } retryAfter)
                    {
                        ledger.Violations.Enqueue($"a {status} ({code}) without Retry-After: {Shorten(text)}");
                        wait = TimeSpan.FromSeconds(1);
                    }
                    else
                    {
                        wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - DateTimeOffset.UtcNow : TimeSpan.FromSeconds(1));
                    }

                    // Retry-After is in whole seconds; a client may come back sooner than a minute-long hint.
                    wait = TimeSpan.FromMilliseconds(Math.Clamp(wait.TotalMilliseconds, 100, 5000) * (0.5 + Random.Shared.NextDouble() / 2));
                }
                else if (status >= 500)
                {
                    ledger.ServerErrors.Enqueue((status, text, Log.Now));
                    wait = TimeSpan.FromMilliseconds(500);
                }
                else
                {
                    create.FinalStatus = status;
                    create.FinalBody = text;
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                ledger.ConnectionErrors.Enqueue(Log.Now);
                ledger.Count(e is TaskCanceledException ? "timeout" : "connection error");
                wait = TimeSpan.FromMilliseconds(Random.Shared.Next(200, 600));
            }

            await Task.Delay(wait);
        }
    }

    private static string? ProblemCode(string text)
    {
        try
        {
            return JsonNode.Parse(text)?["code"]?.GetValue<string>();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    public static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + "…";

    // A job finished yesterday, in the tenant's time zone (Beijing, +08:00): never in the future.
    private static string CompletedAt() =>
        DateTimeOffset.UtcNow.AddDays(-1).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    // Every create has its own customer, so the do-not-disturb rule never refuses one.
    private static string Customer(string workOrder) =>
        $$"""{"externalId":"C-{{workOrder}}","name":"王先生","phone":"13812345678","preferredChannel":"Phone"}""";

    private static string Service(string workOrder, int i) =>
        $$"""{"workOrderNo":"{{workOrder}}","serviceType":"{{(i % 3 == 0 ? "Installation" : "Repair")}}","description":"空调故障维修","completedAt":"{{CompletedAt()}}","staff":"李师傅","department":"AfterSales"}""";

    private static string VisitTaskBody(string workOrder, int i) =>
        $$"""{"customer":{{Customer(workOrder)}},"serviceRecord":{{Service(workOrder, i)}},"purpose":"AfterSales","channel":"Phone","assignee":"agent-{{i % 20:00}}"}""";

    private static string ServiceRecordBody(string workOrder, int i) =>
        $$"""{"customer":{{Customer(workOrder)}},"serviceRecord":{{Service(workOrder, i)}}}""";
}
