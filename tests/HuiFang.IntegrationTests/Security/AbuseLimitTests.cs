using System.Net;
using HuiFang.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HuiFang.IntegrationTests.Security;

/// <summary>A service with tight limits: 1 request a second per caller, bursts of 3, bodies up to 2 KiB.</summary>
public sealed class TightLimitsFixture : SqliteApiFixture
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["HuiFang:Limits:RequestsPerSecond"] = "1",
        ["HuiFang:Limits:Burst"] = "3",
        ["HuiFang:Limits:MaxRequestBodyBytes"] = "2048",
        ["HuiFang:Limits:RequestBodyTimeout"] = "00:00:01",
    };
}

public sealed class AbuseLimitTests(TightLimitsFixture fixture) : ApiTestBase(fixture), IClassFixture<TightLimitsFixture>
{
    [Fact]
    public async Task A_caller_over_its_rate_gets_429_with_retry_after_while_others_and_health_probes_go_on()
    {
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 6 && limited is null; i++)
        {
            var response = await Client.GetAsync("/api/v1/visit-tasks");
            statuses.Add(response.StatusCode);
            limited = response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.NotNull(limited);
        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal("rate-limited", (string?)(await ReadObjectAsync(limited))["code"]);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));

        using var other = await Fixture.CreateClientAsync(ApiFixture.TenantA, "tasks:read");
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/visit-tasks")).StatusCode);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/health/live")).StatusCode);
        }
    }

    [Fact]
    public async Task Guessing_keys_is_throttled_per_client_address()
    {
        using var guesser = Fixture.CreateClientWithKey("hfk_" + new string('A', 43));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await guesser.GetAsync("/api/v1/visit-tasks")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, statuses[0]);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_before_anything_reads_it()
    {
        var body = Json("{\"customer\":{\"externalId\":\"C-1\",\"name\":\"" + new string('x', 3000) + "\"}}");

        var response = await Client.PostAsync("/api/v1/visit-tasks", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("body-too-large", (string?)(await ReadObjectAsync(response))["code"]);
    }

    [Fact]
    public async Task A_body_that_does_not_arrive_in_full_within_the_body_timeout_is_408()
    {
        var never = new TaskCompletionSource();
        using var body = new SlowBody("{\"customer\":{}}", never.Task);

        var response = await Client.PostAsync("/api/v1/visit-tasks", body);

        Assert.Equal(HttpStatusCode.RequestTimeout, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("body-timeout", (string?)(await ReadObjectAsync(response))["code"]);
        never.SetResult();
    }
}

/// <summary>
/// A service that works on one request at a time and queues none. A test can hold the one turn with a
/// request stopped inside the database (<see cref="Gate"/>) and see when the service starts reading a
/// request's body (<see cref="BodyRead"/>): both are signals, so no test waits for a moment by the clock.
/// </summary>
public sealed class OneAtATimeFixture : SqliteApiFixture
{
    public DatabaseGate Gate { get; } = new();

    public BodyReadSignal BodyRead { get; } = new();

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["HuiFang:Limits:MaxConcurrentRequests"] = "1",
        ["HuiFang:Limits:RequestQueueLimit"] = "0",
    };

    protected override void ExtraServices(IServiceCollection services)
    {
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(Gate);
        services.AddSingleton<IStartupFilter>(BodyRead);
    }
}

/// <summary>Stops the next query of the visit-task list until released, and says when it has.</summary>
public sealed class DatabaseGate : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
{
    private TaskCompletionSource? _entered;
    private TaskCompletionSource? _release;

    public (Task Entered, TaskCompletionSource Release) Arm()
    {
        _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return (_entered.Task, _release);
    }

    public override async ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
        System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
        Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (_release is { } release && command.CommandText.Contains("FROM \"VisitTasks\"", StringComparison.Ordinal))
        {
            _release = null;
            _entered!.SetResult();
            await release.Task;
        }

        return result;
    }
}

/// <summary>Signals the first time the service reads any byte of a request body marked with <see cref="Header"/>.</summary>
public sealed class BodyReadSignal : IStartupFilter
{
    public const string Header = "X-Test-Observe-Body";

    private TaskCompletionSource _read = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Next()
    {
        _read = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _read.Task;
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.ContainsKey(Header))
            {
                context.Request.Body = new ObservedStream(context.Request.Body, _read);
            }

            return nextMiddleware(context);
        });
        next(app);
    };

    private sealed class ObservedStream(Stream inner, TaskCompletionSource read) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("read asynchronously");
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await inner.ReadAsync(buffer, cancellationToken);
            if (n > 0)
            {
                read.TrySetResult();
            }

            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}

public sealed class ConcurrencyLimitTests(OneAtATimeFixture fixture) : ApiTestBase(fixture), IClassFixture<OneAtATimeFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Past_the_requests_in_flight_and_the_queue_a_request_gets_503_with_retry_after_while_health_probes_go_on()
    {
        // The one turn there is, held by a request stopped inside its query.
        var (entered, release) = fixture.Gate.Arm();
        var held = Client.GetAsync("/api/v1/visit-tasks");
        await entered.WaitAsync(Patience);

        var refused = await Client.GetAsync("/api/v1/visit-tasks");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("overloaded", (string?)(await ReadObjectAsync(refused))["code"]);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/health/live")).StatusCode);

        release.SetResult();
        Assert.Equal(HttpStatusCode.OK, (await held).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/api/v1/visit-tasks")).StatusCode);
    }

    [Fact]
    public async Task Clients_sending_their_bodies_slowly_hold_no_turn_and_an_ordinary_request_is_answered_meanwhile()
    {
        // Three clients whose bodies stall after the first byte, each already being read by the service:
        // had any of them taken the one turn there is, the request below would be refused with 503.
        var slow = new List<(TaskCompletionSource Body, Task<HttpResponseMessage> Answer)>();
        for (var i = 0; i < 3; i++)
        {
            var read = fixture.BodyRead.Next();
            var rest = new TaskCompletionSource();
            var body = new SlowBody(VisitTasks.VisitTaskRequests.NewTask(customer: $"C-SLOW-{i}", workOrder: $"WO-SLOW-{i}").ToJsonString(), rest.Task);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/visit-tasks") { Content = body };
            request.Headers.Add(BodyReadSignal.Header, "1");
            slow.Add((rest, Client.SendAsync(request)));
            await read.WaitAsync(Patience);
        }

        var ordinary = await Client.GetAsync("/api/v1/visit-tasks");
        Assert.True(ordinary.StatusCode == HttpStatusCode.OK, $"{(int)ordinary.StatusCode}: {await ordinary.Content.ReadAsStringAsync()}");

        // Each, once its body is complete, takes the turn in its own time.
        foreach (var (rest, response) in slow)
        {
            rest.SetResult();
            Assert.Equal(HttpStatusCode.Created, (await response).StatusCode);
        }
    }
}

/// <summary>Sends the first byte of <paramref name="json"/> at once and the rest when <paramref name="rest"/> completes.</summary>
internal sealed class SlowBody : HttpContent
{
    private readonly string _json;
    private readonly Task _rest;

    public SlowBody(string json, Task rest)
    {
        _json = json;
        _rest = rest;
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
    }

    protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(_json);
        await stream.WriteAsync(bytes.AsMemory(0, 1));
        await stream.FlushAsync();
        await _rest;
        await stream.WriteAsync(bytes.AsMemory(1));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
