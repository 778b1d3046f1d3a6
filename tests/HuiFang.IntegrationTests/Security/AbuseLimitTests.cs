using System.Net;
using HuiFang.IntegrationTests.Infrastructure;

namespace HuiFang.IntegrationTests.Security;

/// <summary>A service with tight limits: 1 request a second per caller, bursts of 3, bodies up to 2 KiB.</summary>
public sealed class TightLimitsFixture : SqliteApiFixture
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["HuiFang:Limits:RequestsPerSecond"] = "1",
        ["HuiFang:Limits:Burst"] = "3",
        ["HuiFang:Limits:MaxRequestBodyBytes"] = "2048",
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
}

/// <summary>A service that works on one request at a time and queues none.</summary>
public sealed class OneAtATimeFixture : SqliteApiFixture
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["HuiFang:Limits:MaxConcurrentRequests"] = "1",
        ["HuiFang:Limits:RequestQueueLimit"] = "0",
    };
}

public sealed class ConcurrencyLimitTests(OneAtATimeFixture fixture) : ApiTestBase(fixture), IClassFixture<OneAtATimeFixture>
{
    [Fact]
    public async Task Past_the_requests_in_flight_and_the_queue_a_request_gets_503_with_retry_after_while_health_probes_go_on()
    {
        // A request whose body arrives slowly holds the one turn there is, from the moment it passes the limit.
        var release = new TaskCompletionSource();
        var body = new SlowBody("{\"customer\":{\"externalId\":\"C-1\",\"name\":\"x\"}}", release.Task);
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var held = Client.PostAsync("/api/v1/visit-tasks", body);

        HttpResponseMessage? refused = null;
        for (var i = 0; i < 100 && refused is null; i++)
        {
            var response = await Client.GetAsync("/api/v1/visit-tasks");
            refused = response.StatusCode == HttpStatusCode.ServiceUnavailable ? response : null;
            if (refused is null)
            {
                await Task.Delay(20);
            }
        }

        Assert.NotNull(refused);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("overloaded", (string?)(await ReadObjectAsync(refused))["code"]);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/health/live")).StatusCode);

        release.SetResult();
        Assert.Equal(HttpStatusCode.BadRequest, (await held).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/api/v1/visit-tasks")).StatusCode);
    }

    /// <summary>Sends the first byte of <paramref name="json"/> at once and the rest when <paramref name="rest"/> completes.</summary>
    private sealed class SlowBody(string json, Task rest) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(json);
            await stream.WriteAsync(bytes.AsMemory(0, 1));
            await stream.FlushAsync();
            await rest;
            await stream.WriteAsync(bytes.AsMemory(1));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
