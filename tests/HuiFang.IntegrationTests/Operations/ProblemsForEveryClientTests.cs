using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using HuiFang.IntegrationTests.Infrastructure;
using HuiFang.IntegrationTests.Security;

namespace HuiFang.IntegrationTests.Operations;

/// <summary>
/// Whatever a client accepts, a failure is answered as an RFC 9457 problem with type, title, status, code and
/// traceId. A browser sends <c>Accept: text/html,…</c>; before, it got a 500 with an empty body for any problem.
/// </summary>
public abstract class ProblemsForEveryClientTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    /// <summary>Accept headers as clients send them; "(none)" sends no Accept at all.</summary>
    public static readonly TheoryData<string> Accepts =
    [
        "(none)",
        "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8",
        "text/html",
        "text/csv",
        "application/xml",
        "text/plain",
        "application/json",
        "application/problem+json",
        "*/*",
    ];

    /// <summary>One request per failure class the service answers before, inside and after its endpoints.</summary>
    private IEnumerable<(string Case, HttpStatusCode Status, string Code, Func<HttpRequestMessage> Request)> Failures()
    {
        yield return ("route that does not exist", HttpStatusCode.NotFound, "not-found", () => new(HttpMethod.Get, "/api/v1/nothing-here"));
        yield return ("method not allowed", HttpStatusCode.MethodNotAllowed, "method-not-allowed", () => new(HttpMethod.Delete, "/api/v1/visit-tasks"));
        yield return ("resource not found", HttpStatusCode.NotFound, "visit-task-not-found", () => new(HttpMethod.Get, $"/api/v1/visit-tasks/{Guid.NewGuid()}"));
        yield return ("unbindable route value", HttpStatusCode.BadRequest, "malformed-request", () => new(HttpMethod.Get, "/api/v1/visit-tasks?limit=lots"));
        yield return ("malformed JSON", HttpStatusCode.BadRequest, "malformed-request", () => new(HttpMethod.Post, "/api/v1/visit-tasks") { Content = Json("{\"customer\":") });
        yield return ("bytes that are not UTF-8", HttpStatusCode.BadRequest, "malformed-request", () => new(HttpMethod.Post, "/api/v1/visit-tasks")
        {
            Content = new ByteArrayContent([.. "{\"customer\":{\"externalId\":\""u8, 0xC3, 0x28, 0xFF, .. "\"}}"u8]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        });
        yield return ("a member name that is not UTF-8", HttpStatusCode.BadRequest, "malformed-request", () => new(HttpMethod.Post, "/api/v1/visit-tasks")
        {
            Content = new ByteArrayContent([.. "{\""u8, 0xC3, 0x28, 0xFF, .. "customer\":{}}"u8]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        });
        yield return ("invalid field", HttpStatusCode.BadRequest, "validation", () => new(HttpMethod.Post, "/api/v1/visit-tasks") { Content = Json("{}") });
        yield return ("wrong content type", HttpStatusCode.UnsupportedMediaType, "unsupported-media-type", () => new(HttpMethod.Post, "/api/v1/visit-tasks") { Content = new StringContent("{}", Encoding.UTF8, "text/plain") });
        yield return ("body over the limit (Content-Length)", HttpStatusCode.RequestEntityTooLarge, "body-too-large", () => new(HttpMethod.Post, "/api/v1/visit-tasks") { Content = Json(new string(' ', 3000) + "{}") });
        yield return ("body over the limit (chunked)", HttpStatusCode.RequestEntityTooLarge, "body-too-large", () => new(HttpMethod.Post, "/api/v1/visit-tasks") { Content = Chunked(new string(' ', 3000) + "{}") });
        yield return ("URL too long", HttpStatusCode.RequestUriTooLong, "uri-too-long", () => new(HttpMethod.Get, "/api/v1/visit-tasks?customerId=" + new string('x', 9000)));
        yield return ("headers too large", HttpStatusCode.RequestHeaderFieldsTooLarge, "headers-too-large", () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/visit-tasks");
            request.Headers.Add("X-Padding", new string('x', 40 * 1024));
            return request;
        });
    }

    [Theory]
    [MemberData(nameof(Accepts))]
    public async Task Every_failure_is_a_complete_problem_whatever_the_client_accepts(string accept)
    {
        var wrong = new List<string>();
        foreach (var (name, status, code, create) in Failures())
        {
            using var request = create();
            SetAccept(request, accept);
            using var response = await Client.SendAsync(request);
            wrong.AddRange((await ProblemDefects(response, status, code)).Select(d => $"{name}: {d}"));
        }

        using var anonymous = Fixture.CreateClientWithKey(null);
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/visit-tasks"))
        {
            SetAccept(request, accept);
            wrong.AddRange((await ProblemDefects(await anonymous.SendAsync(request), HttpStatusCode.Unauthorized, "unauthenticated")).Select(d => $"no credentials: {d}"));
        }

        using var reader = await Fixture.CreateClientAsync(ApiFixture.TenantA, "tasks:read");
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/visit-tasks") { Content = Json("{}") })
        {
            SetAccept(request, accept);
            wrong.AddRange((await ProblemDefects(await reader.SendAsync(request), HttpStatusCode.Forbidden, "insufficient-scope")).Select(d => $"missing scope: {d}"));
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public async Task A_successful_read_asked_for_as_html_is_still_answered_with_json()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/visit-tasks");
        SetAccept(request, "text/html");

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    internal static void SetAccept(HttpRequestMessage request, string? accept)
    {
        if (accept is not null and not "(none)")
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
    }

    /// <summary>What is missing or wrong in <paramref name="response"/> as the problem it should be.</summary>
    internal static async Task<List<string>> ProblemDefects(HttpResponseMessage response, HttpStatusCode status, string? code)
    {
        var defects = new List<string>();
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != status)
        {
            defects.Add($"status {(int)response.StatusCode}, expected {(int)status} ({Excerpt(text)})");
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            defects.Add($"content type '{response.Content.Headers.ContentType}' ({Excerpt(text)})");
            return defects;
        }

        var body = JsonNode.Parse(text)!.AsObject();
        foreach (var member in new[] { "type", "title", "status", "code", "traceId" })
        {
            if (body[member] is null)
            {
                defects.Add($"no '{member}' in {Excerpt(text)}");
            }
        }

        if ((int?)body["status"] != (int)response.StatusCode)
        {
            defects.Add($"'status' {body["status"]} on a {(int)response.StatusCode}");
        }

        if (body["type"] is { } type && !((string?)type)!.StartsWith("urn:huifang:problem:", StringComparison.Ordinal))
        {
            defects.Add($"'type' {type}");
        }

        if (code is not null && (string?)body["code"] != code)
        {
            defects.Add($"'code' {body["code"]}, expected {code}");
        }

        if (body["type"] is { } t && body["code"] is { } c && (string?)t != "urn:huifang:problem:" + (string?)c)
        {
            defects.Add($"'type' {t} does not end in 'code' {c}");
        }

        return defects;
    }

    private static string Excerpt(string text) => text.Length <= 200 ? text : text[..200] + "…";

    /// <summary>A body sent without Content-Length, as a streaming client sends it.</summary>
    private static HttpContent Chunked(string json)
    {
        var content = new StreamContent(new NonSeekable(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private sealed class NonSeekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}

/// <summary>Bodies up to 2 KiB, so that the 413 cases stay small.</summary>
public sealed class SmallBodyFixture : SqliteApiFixture
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["HuiFang:Limits:MaxRequestBodyBytes"] = "2048",
    };
}

public sealed class SmallBodyPostgresFixture : PostgresApiFixture
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["HuiFang:Limits:MaxRequestBodyBytes"] = "2048",
    };
}

public sealed class ProblemsForEveryClientOnSqliteTests(SmallBodyFixture fixture) : ProblemsForEveryClientTests(fixture), IClassFixture<SmallBodyFixture>;

public sealed class ProblemsForEveryClientOnPostgresTests(SmallBodyPostgresFixture fixture) : ProblemsForEveryClientTests(fixture), IClassFixture<SmallBodyPostgresFixture>;

/// <summary>A rate-limited browser gets a 429 problem with Retry-After, not a 500.</summary>
public sealed class RateLimitedBrowserTests(TightLimitsFixture fixture) : ApiTestBase(fixture), IClassFixture<TightLimitsFixture>
{
    [Fact]
    public async Task A_rate_limited_browser_gets_a_429_problem_with_retry_after()
    {
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 10 && limited is null; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/visit-tasks");
            ProblemsForEveryClientTests.SetAccept(request, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
            var response = await Client.SendAsync(request);
            limited = response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.NotNull(limited);
        Assert.Empty(await ProblemsForEveryClientTests.ProblemDefects(limited, HttpStatusCode.TooManyRequests, "rate-limited"));
        Assert.NotNull(limited.Headers.RetryAfter);
    }
}
