using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HuiFang.IntegrationTests.Contract;

/// <summary>One way a case was not answered as documented.</summary>
public sealed record SweepFailure(string Kind, SweepCase Case, int Status, string Accept, string Excerpt, IReadOnlyList<string> Log)
{
    public string Group => $"{Kind} | {Case.Class} | {Status} | Accept: {Accept}";
}

/// <summary>
/// Runs every generated case against the hosted service in a few workers, each in a tenant of its own
/// with its own seeded resources (so that what one worker's accepted cases change never meets another's), and
/// checks every answer: never a 5xx; every 4xx a complete problem; Retry-After on 429/503; a status
/// the operation documents; nothing written by a refused request.
/// </summary>
public sealed class ContractSweep(WebApplicationFactory<Program> app, ApiFixture fixture, TraceLogs logs, WriteObserver writes, IReadOnlyList<ApiOperation> operations)
{
    private static readonly HashSet<string> SafeMethods = ["GET", "HEAD", "OPTIONS", "TRACE"];

    private WebApplicationFactory<Program> App { get; } = app;

    private ApiFixture Fixture { get; } = fixture;

    private TraceLogs Logs { get; } = logs;

    private WriteObserver Writes { get; } = writes;

    private IReadOnlyList<ApiOperation> Operations { get; } = operations;

    private readonly ConcurrentBag<SweepFailure> _failures = [];
    private readonly ConcurrentDictionary<string, int> _baselines = new();
    private int _cases;
    private int _skipped;

    /// <summary>Cases that could not be made (a cursor attack on a list with a single page).</summary>
    public int Skipped => _skipped;
    private readonly ConcurrentDictionary<string, long> _ticks = new();

    /// <summary>Where the time went: milliseconds per attack class, and in the sweep's own work.</summary>
    public IEnumerable<(string Class, long Milliseconds)> Time => _ticks.Select(t => (t.Key, t.Value / TimeSpan.TicksPerMillisecond)).OrderByDescending(t => t.Item2);

    private void Count(string what, long started) => _ticks.AddOrUpdate(what, System.Diagnostics.Stopwatch.GetElapsedTime(started).Ticks, (_, t) => t + System.Diagnostics.Stopwatch.GetElapsedTime(started).Ticks);
    private int _caseNumber;

    public IReadOnlyCollection<SweepFailure> Failures => _failures;

    public int Cases => _cases;

    /// <summary>The status each operation's baseline got, for the output.</summary>
    public IReadOnlyDictionary<string, int> Baselines => _baselines;

    public async Task RunAsync(IReadOnlyList<(ApiOperation Operation, List<SweepCase> Cases)> plan, int workers)
    {
        var queue = new ConcurrentQueue<(ApiOperation Operation, List<SweepCase> Cases)>(plan);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async n =>
        {
            var worker = await Worker.StartAsync(this, n);
            while (queue.TryDequeue(out var item))
            {
                await worker.RunOperationAsync(item.Operation, item.Cases);
            }
        }));
    }

    private sealed class Worker
    {
        private readonly ContractSweep _sweep;
        private readonly string _tenant;
        private readonly HttpClient _client;
        private readonly string _adminKey;
        private readonly Dictionary<string, string> _lackingKeys;
        private readonly SweepWorld _world;

        private Worker(ContractSweep sweep, string tenant, HttpClient client, string adminKey, Dictionary<string, string> lackingKeys)
        {
            _sweep = sweep;
            _tenant = tenant;
            _client = client;
            _adminKey = adminKey;
            _lackingKeys = lackingKeys;
            var seeding = sweep.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            seeding.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, adminKey);
            _world = new SweepWorld(seeding, sweep.Operations);
        }

        public static async Task<Worker> StartAsync(ContractSweep sweep, int n)
        {
            var tenant = $"sweep-{n}-{Guid.NewGuid():N}"[..24];
            var admin = await sweep.Fixture.App.CreateApiKeyAsync(tenant, Scopes.All, "sweep admin");
            var lacking = new Dictionary<string, string>();
            foreach (var scope in sweep.Operations.Select(o => o.Scope).OfType<string>().Distinct())
            {
                lacking[scope] = await sweep.Fixture.App.CreateApiKeyAsync(tenant, Scopes.All.Where(s => s != scope), $"sweep without {scope}");
            }

            var client = sweep.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            var worker = new Worker(sweep, tenant, client, admin, lacking);
            await worker._world.MakeAllAsync();
            return worker;
        }

        /// <summary>
        /// Runs the operation's cases one after the other on the bound resources. When a case conflicts
        /// with what an earlier accepted case did to them (409: the task is cancelled already; 412: its
        /// version moved on), they are made again and the case is sent once more.
        /// </summary>
        public async Task RunOperationAsync(ApiOperation op, List<SweepCase> cases)
        {
            var binding = await BindAsync(op);
            await MakingAsync(op, () => _world.FreshAsync(binding.Slots));
            var used = false;
            var changedSettings = false;
            foreach (var planned in cases)
            {
                var c = planned;
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                if (c.CursorTamper is { } tamper)
                {
                    if (await NextCursorAsync(op, binding) is not { } cursor)
                    {
                        Interlocked.Increment(ref _sweep._skipped);
                        continue;
                    }

                    c = new SweepCase(op, c.Class, c.Target) { Query = { new("cursor", Uri.EscapeDataString(tamper(cursor))) }, Accept = c.Accept, AcceptFixed = true };
                }

                var number = Interlocked.Increment(ref _sweep._caseNumber);
                if (c.AtOnce > 1)
                {
                    var statuses = await RaceAsync(op, c, binding, number);
                    if (statuses.Any(s => s is >= 200 and < 300))
                    {
                        used = true;
                        _world.Used(binding.Slots);
                    }

                    _sweep.Count(c.Class, started);
                    continue;
                }

                var (status, _) = await RunCaseAsync(op, c, binding, number);
                if (c.Then != FollowUp.None && status is >= 200 and < 300)
                {
                    var (again, trace) = await RunCaseAsync(op, c, binding, number, c.Then == FollowUp.Replay ? number : number + 1_000_000);
                    var wrote = _sweep.Writes.WrittenBy(trace);
                    if (c.Then == FollowUp.Replay && (again != status || wrote.Count > 0))
                    {
                        _sweep._failures.Add(new SweepFailure("idempotent replay not a replay", c, again, AcceptLabel(c.Accept), Excerpt($"first {status}, replay {again}; {(wrote.Count == 0 ? "nothing written" : "wrote " + string.Join("; ", wrote.Distinct()))}"), []));
                    }

                    if (c.Then == FollowUp.ReuseKeyWithOtherBody && again is >= 200 and < 300 && ChangeFirstText(BoundBaseline(op, binding, number)))
                    {
                        _sweep._failures.Add(new SweepFailure("key reused with another body accepted", c, again, AcceptLabel(c.Accept), Excerpt($"first {status}, second {again}"), []));
                    }

                    status = again;
                }

                if (used && status is 409 or 412 && binding.Slots.Any())
                {
                    await MakingAsync(op, () => RemakeAsync(binding));
                    used = false;
                    (status, _) = await RunCaseAsync(op, c, binding, Interlocked.Increment(ref _sweep._caseNumber));
                }

                _sweep.Count(c.Class, started);
                if (status is >= 200 and < 300 && !SafeMethods.Contains(c.Method ?? op.Method))
                {
                    used = true;
                    _world.Used(binding.Slots);
                    if (op.Method == "PUT" && c.Class != "baseline")
                    {
                        started = System.Diagnostics.Stopwatch.GetTimestamp();
                        await AfterAcceptedSettingsAsync(c);
                        changedSettings = true;
                        _sweep.Count("(requests after accepted settings)", started);
                    }
                }
            }

            if (changedSettings)
            {
                await RestoreAsync(op, binding);
            }
        }

        /// <summary>A resource the sweep could not make again is reported, and the sweep goes on with the old one.</summary>
        private async Task MakingAsync(ApiOperation op, Func<Task> make)
        {
            try
            {
                await make();
            }
            catch (InvalidOperationException e)
            {
                _sweep._failures.Add(new SweepFailure("a seeded resource could not be made again", new SweepCase(op, "seeding", "request"), 0, "(none)", Excerpt(e.Message), []));
            }
        }

        private async Task RestoreAsync(ApiOperation op, Binding binding) =>
            await RunCaseAsync(op, new SweepCase(op, "restore", "request") { AcceptFixed = true }, binding, Interlocked.Increment(ref _sweep._caseNumber));

        private async Task RemakeAsync(Binding binding)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            foreach (var slot in binding.Slots)
            {
                await _world.MakeAsync(slot);
            }

            _sweep.Count("(remaking used resources)", started);
        }

        /// <summary>
        /// Which seeded resource each path parameter and uuid body member points at: the first one the
        /// baseline succeeds with, else the first that exists for the operation (not 404), else the first.
        /// </summary>
        private async Task<Binding> BindAsync(ApiOperation op)
        {
            var binding = new Binding();
            // A number in the path (a version) points at no resource of its own: it takes its example, like a query parameter.
            var targets = op.In("path").Where(p => p.Schema.Kind != "integer").Select(p => (Name: p.Name, Body: false, Slots: p.Schema.Format == "uuid" ? SweepWorld.GuidSlots : SweepWorld.TextSlots))
                .Concat((op.Body?.Properties ?? []).Where(p => p.Schema.Format == "uuid").Select(p => (Name: p.Name, Body: true, Slots: SweepWorld.GuidSlots)))
                .ToList();
            foreach (var target in targets)
            {
                string? fallback = null;
                string? chosen = null;
                foreach (var slot in target.Slots)
                {
                    (target.Body ? binding.Body : binding.Path)[target.Name] = slot;
                    var probe = new SweepCase(op, "baseline probe", "request") { AcceptFixed = true };
                    await MakingAsync(op, () => _world.FreshAsync([slot]));
                    var (status, _) = await RunCaseAsync(op, probe, binding, Interlocked.Increment(ref _sweep._caseNumber));

                    if (status is >= 200 and < 300)
                    {
                        chosen = slot;
                        if (!SafeMethods.Contains(op.Method))
                        {
                            await MakingAsync(op, () => _world.MakeAsync(slot));
                        }

                        break;
                    }

                    if (status != 404 && fallback is null)
                    {
                        fallback = slot;
                    }
                }

                (target.Body ? binding.Body : binding.Path)[target.Name] = chosen ?? fallback ?? target.Slots[0];
            }

            return binding;
        }

        /// <summary>
        /// After a settings change was accepted, requests that depend on settings (a task planned in the
        /// calendar, a complaint escalated under the SLA) must still work. (The next case's PUT replaces the
        /// settings whole; the baseline puts them back once the operation's cases are done.)
        /// </summary>
        private async Task AfterAcceptedSettingsAsync(SweepCase c)
        {
            try
            {
                await _world.MakeAsync("escalation");
            }
            catch (InvalidOperationException e)
            {
                _sweep._failures.Add(new SweepFailure("later request failed after an accepted settings change", c, 0, AcceptLabel(c.Accept), Excerpt(e.Message), []));
            }
        }

        /// <summary>
        /// Copies of one request sent at once: each answer is checked like any other (no 5xx, complete problems,
        /// documented statuses); what they wrote is not, since one of them may rightly succeed.
        /// </summary>
        private async Task<int[]> RaceAsync(ApiOperation op, SweepCase c, Binding binding, int number)
        {
            var sends = Enumerable.Range(0, c.AtOnce).Select(async _ =>
            {
                Interlocked.Increment(ref _sweep._cases);
                var trace = Guid.NewGuid().ToString("N");
                try
                {
                    using var request = Build(op, c, binding, number, trace, number);
                    using var response = await _client.SendAsync(request);
                    var body = await response.Content.ReadAsByteArrayAsync();
                    foreach (var problem in Check(op, c, response, body))
                    {
                        var kind = problem.Split(':')[0];
                        _sweep._failures.Add(new SweepFailure(kind, c, (int)response.StatusCode, AcceptLabel(c.Accept), Excerpt(problem + " | " + Encoding.UTF8.GetString(body)), _sweep.Logs.For(trace)));
                    }

                    return (int)response.StatusCode;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    _sweep._failures.Add(new SweepFailure("request failed in the client", c, 0, AcceptLabel(c.Accept), Excerpt(e.ToString()), _sweep.Logs.For(trace)));
                    return 0;
                }
            });
            return await Task.WhenAll(sends);
        }

        /// <summary>A real <c>nextCursor</c> of the list, from its first page of one item (null when it has one page).</summary>
        private async Task<string?> NextCursorAsync(ApiOperation op, Binding binding)
        {
            using var request = Build(op, new SweepCase(op, "cursor", "cursor") { Query = { new("limit", "1") } }, binding, 0, Guid.NewGuid().ToString("N"), 0);
            using var response = await _client.SendAsync(request);
            return response.IsSuccessStatusCode && JsonNode.Parse(await response.Content.ReadAsStringAsync())?["nextCursor"] is JsonValue next ? (string?)next : null;
        }

        /// <summary>
        /// Sends one case and checks its answer, including that a refused request committed no write
        /// (<see cref="WriteObserver"/>, by the case's own trace id). Returns the status and the trace id.
        /// </summary>
        private async Task<(int Status, string Trace)> RunCaseAsync(ApiOperation op, SweepCase c, Binding binding, int number, int? bodyNumber = null)
        {
            if (c.Class is not ("baseline probe" or "restore"))
            {
                Interlocked.Increment(ref _sweep._cases);
            }

            var trace = Guid.NewGuid().ToString("N");
            HttpResponseMessage response;
            byte[] body;
            try
            {
                using var request = Build(op, c, binding, number, trace, bodyNumber ?? number);
                response = await _client.SendAsync(request);
                body = await response.Content.ReadAsByteArrayAsync();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _sweep._failures.Add(new SweepFailure("request failed in the client", c, 0, AcceptLabel(c.Accept), Excerpt(e.ToString()), _sweep.Logs.For(trace)));
                return (0, trace);
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                if (c.Class == "baseline" && c.Accept is null)
                {
                    _sweep._baselines[op.Name] = status;
                }

                var problems = Check(op, c, response, body);
                if (status is >= 400 and < 500 && _sweep.Writes.WrittenBy(trace) is { Count: > 0 } wrote)
                {
                    problems.Add($"refused request wrote: {string.Join("; ", wrote.Distinct())}");
                }

                foreach (var problem in problems)
                {
                    var kind = problem.Split(':')[0];
                    var detail = problem.Length > kind.Length ? problem[(kind.Length + 1)..].Trim() : "";
                    _sweep._failures.Add(new SweepFailure(kind, c, status, AcceptLabel(c.Accept), Excerpt((detail.Length > 0 ? detail + " | " : "") + Encoding.UTF8.GetString(body)), _sweep.Logs.For(trace)));
                }

                return (status, trace);
            }
        }

        private HttpRequestMessage Build(ApiOperation op, SweepCase c, Binding binding, int number, string trace, int bodyNumber)
        {
            var path = op.PathTemplate;
            foreach (var p in op.In("path"))
            {
                var value = c.PathValues.TryGetValue(p.Name, out var raw) ? raw
                    : binding.Path.TryGetValue(p.Name, out var slot) ? Uri.EscapeDataString(_world[slot])
                    : Uri.EscapeDataString(p.Example ?? AttackGenerator.Synthesize(p.Schema)?.ToString() ?? "1");
                path = path.Replace("{" + p.Name + "}", value, StringComparison.Ordinal);
            }

            path = c.PathRewrite?.Invoke(path) ?? path;

            // Required parameters are in every request, from their example or their schema, unless the case changes or drops them.
            var pairs = op.In("query")
                .Where(p => p.Required && !c.Query.Any(q => string.Equals(q.Key, p.Name, StringComparison.OrdinalIgnoreCase)) && !c.Omitted.Contains(p.Name))
                .Select(p => KeyValuePair.Create(p.Name, Uri.EscapeDataString(p.Example ?? AttackGenerator.Synthesize(p.Schema)?.ToString() ?? "x")))
                .Concat(c.Query)
                .ToList();
            var query = pairs.Count == 0 ? "" : "?" + string.Join("&", pairs.Select(q => q.Value.Length == 0 && q.Key == "sweepFlag" ? q.Key : $"{q.Key}={q.Value}"));
            var request = new HttpRequestMessage(new HttpMethod(c.Method ?? op.Method), new Uri("http://localhost" + path + query));
            request.Headers.TryAddWithoutValidation("traceparent", $"00-{trace}-{trace[..16]}-01");
            switch (c.Credential)
            {
                case Credential.Admin:
                    request.Headers.TryAddWithoutValidation(ApiKeyAuthenticationHandler.HeaderName, _adminKey);
                    break;
                case Credential.LackingScope when op.Scope is { } scope:
                    request.Headers.TryAddWithoutValidation(ApiKeyAuthenticationHandler.HeaderName, _lackingKeys[scope]);
                    break;
                case Credential.GarbageKey:
                    request.Headers.TryAddWithoutValidation(ApiKeyAuthenticationHandler.HeaderName, "hfk_" + new string('A', 43));
                    break;
                case Credential.GarbageBearer:
                    request.Headers.TryAddWithoutValidation("Authorization", "Bearer not.a.token");
                    break;
                case Credential.KeyTwice:
                    request.Headers.TryAddWithoutValidation(ApiKeyAuthenticationHandler.HeaderName, [_adminKey, _adminKey]);
                    break;
                case Credential.KeyAndBearer:
                    request.Headers.TryAddWithoutValidation(ApiKeyAuthenticationHandler.HeaderName, _adminKey);
                    request.Headers.TryAddWithoutValidation("Authorization", "Bearer not.a.token");
                    break;
                case Credential.PaddedKey:
                    request.Headers.TryAddWithoutValidation(ApiKeyAuthenticationHandler.HeaderName, $"  {_adminKey}  ");
                    break;
            }

            if (c.Accept is not null)
            {
                request.Headers.TryAddWithoutValidation("Accept", c.Accept);
            }

            foreach (var (name, value) in c.Headers)
            {
                request.Headers.TryAddWithoutValidation(name, value == SweepCase.UniqueKey ? $"sweep-{_tenant}-{number}" : value);
            }

            var baseline = BoundBaseline(op, binding, bodyNumber);
            if (bodyNumber != number && c.Then == FollowUp.ReuseKeyWithOtherBody)
            {
                ChangeFirstText(baseline);
            }
            var bytes = c.Body is { } make ? make(baseline) : op.Body is null ? null : RawJson.Serialize(baseline);
            if (bytes is not null)
            {
                request.Content = c.Chunked ? new ChunkedContent(bytes) : new ByteArrayContent(bytes);
                var type = c.ContentType ?? "application/json";
                if (type != SweepCase.NoContentType)
                {
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
                }
            }

            return request;
        }

        /// <summary>The operation's example (or a body made from its schema), pointed at the worker's resources and new to the service.</summary>
        private JsonNode? BoundBaseline(ApiOperation op, Binding binding, int number)
        {
            if (op.Body is not { } schema)
            {
                return null;
            }

            var body = op.BodyExample?.DeepClone() ?? AttackGenerator.Synthesize(schema);
            SweepWorld.Uniquify(body, $"s{number}");
            if (body is JsonObject o)
            {
                foreach (var (member, slot) in binding.Body)
                {
                    o[member] = _world[slot];
                }
            }

            return body;
        }

        private List<string> Check(ApiOperation op, SweepCase c, HttpResponseMessage response, byte[] body)
        {
            var problems = new List<string>();
            var status = (int)response.StatusCode;
            var method = c.Method ?? op.Method;
            if (status >= 500)
            {
                problems.Add("5xx");
            }

            if (status is 429 or 503 && response.Headers.RetryAfter is null)
            {
                problems.Add("Retry-After missing");
            }

            if (status == 409 && response.Headers.RetryAfter is null && Encoding.UTF8.GetString(body).Contains("\"idempotency-key-in-flight\"", StringComparison.Ordinal))
            {
                problems.Add("Retry-After missing: a key in flight says to retry after Retry-After");
            }

            if (status is >= 200 and < 300 && MustBeRefused(c))
            {
                problems.Add($"accepted what the document forbids: {status}");
            }

            if (!Documented(op, c, status))
            {
                problems.Add($"status not documented: {status} is not among {string.Join(", ", op.Documented.Order())}");
            }

            if (status < 400 || method == "HEAD")
            {
                return problems;
            }

            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                problems.Add($"not a problem+json response: Content-Type {response.Content.Headers.ContentType?.ToString() ?? "(none)"}, {body.Length} bytes");
                return problems;
            }

            JsonObject? problem = null;
            try
            {
                problem = JsonNode.Parse(body) as JsonObject;
            }
            catch (JsonException)
            {
            }

            if (problem is null)
            {
                problems.Add("problem body is not a JSON object");
                return problems;
            }

            var missing = new[] { "type", "title", "status", "traceId", "code" }.Where(m => problem[m] is null).ToList();
            if (missing.Count > 0)
            {
                problems.Add($"problem incomplete: missing {string.Join(", ", missing)}");
            }

            if (problem["status"] is JsonValue s && (!s.TryGetValue<int>(out var said) || said != status))
            {
                problems.Add($"problem status differs: says {s.ToJsonString()}");
            }

            if ((string?)problem["type"] is { } type && (string?)problem["code"] is { } code
                && type.StartsWith("urn:huifang:problem:", StringComparison.Ordinal) && code != type["urn:huifang:problem:".Length..])
            {
                problems.Add($"problem code differs from type: {code} vs {type}");
            }

            return problems;
        }

        /// <summary>
        /// Attacks whose value the document itself rules out (its types, formats, enums, closed objects,
        /// security, media type) or the README's conventions (timestamps with an offset, no integer enums):
        /// answering them 2xx means the service guessed.
        /// </summary>
        private static bool MustBeRefused(SweepCase c) => Refused.Any(r => c.Class.Contains(r, StringComparison.Ordinal));

        private static readonly string[] Refused =
        [
            ": wrong type", ": enum: unknown", ": enum: combined", ": enum: integer", "integer: fractional", "integer: beyond int", "integer: 1e400",
            "integer: 40 digits", "object: unknown member", "date-time: yesterday", "date-time: 2026-02-30", "date-time: 2026-11-26T10:00:00",
            "date-time: 2026-12-31T23:59:60Z", "uuid: garbage", "query: integer: abc", "query: integer: 1.5", "query: integer: 2147483648",
            "query: integer: 1e400", "query: integer: 99999999999999999999", "query: integer: NaN", "query: boolean: yes", "body: malformed JSON",
            "body: array instead of object", "body: string", "body: 1e400", "body: trailing garbage", "body: invalid UTF-8", "body: UTF-16",
            "body: unknown member", "body: nested", "body: deep member", "body: oversized", "content type: text/plain", "content type: application/xml",
            "content type: multipart", "content type: garbage", "credentials: None", "credentials: LackingScope", "credentials: Garbage", "path parameter: not a guid", "query: required parameter missing",
        ];

        private static bool Documented(ApiOperation op, SweepCase c, int status) =>
            op.Documented.Contains(status)
            || (status is 404 or 405 && c.RouteAttack)
            || status >= 500; // reported as 5xx already
    }

    /// <summary>Makes the first text member of <paramref name="node"/> different; false when it has none.</summary>
    private static bool ChangeFirstText(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o.ToList())
                {
                    if (value is JsonValue v && v.TryGetValue<string>(out var text) && !Guid.TryParse(text, out _) && !DateTimeOffset.TryParse(text, out _))
                    {
                        o[name] = text + " (other)";
                        return true;
                    }

                    if (ChangeFirstText(value))
                    {
                        return true;
                    }
                }

                return false;
            case JsonArray a:
                return a.Any(ChangeFirstText);
            default:
                return false;
        }
    }

    private static string AcceptLabel(string? accept) => accept switch
    {
        null => "(none)",
        AttackGenerator.Browser => "browser",
        _ => accept,
    };

    private static string Excerpt(string text)
    {
        text = text.ReplaceLineEndings(" ");
        return text.Length > 300 ? text[..300] + "…" : text;
    }

    private sealed class Binding
    {
        public Dictionary<string, string> Path { get; } = [];

        public Dictionary<string, string> Body { get; } = [];

        public IEnumerable<string> Slots => Path.Values.Concat(Body.Values).Distinct();
    }

    /// <summary>A body without a length: sent chunked.</summary>
    private sealed class ChunkedContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
