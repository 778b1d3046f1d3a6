using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace HuiFang.Api.Features.SurveyPage;

/// <summary>
/// The page's rate limits, on top of the service's per-address limit: a token bucket per link and one per client
/// address, chained (a request needs a permit from both). The per-link bucket stops one link from being hammered
/// (a scanner, a customer's stuck reload); the per-address one stops a client trying many links. The API's own
/// limiter (<c>HuiFang:Limits</c>) is far more generous and answers only with a problem, so these come first in
/// practice and can answer a person with a page.
/// </summary>
public sealed class SurveyPageLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _limiter;

    public SurveyPageLimiter(IOptions<SurveyPageOptions> options)
    {
        var settings = options.Value;
        var perToken = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            RateLimitPartition.GetTokenBucketLimiter("token:" + TokenOf(context), _ => Bucket(settings.RequestsPerTokenPerMinute)));
        var perAddress = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            RateLimitPartition.GetTokenBucketLimiter("address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), _ => Bucket(settings.RequestsPerAddressPerMinute)));
        _limiter = PartitionedRateLimiter.CreateChained(perAddress, perToken);
    }

    /// <summary>A permit for this request, or the seconds to wait before the next one.</summary>
    public (bool Acquired, int RetryAfterSeconds) TryAcquire(HttpContext context)
    {
        using var lease = _limiter.AttemptAcquire(context);
        if (lease.IsAcquired)
        {
            return (true, 0);
        }

        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        return (false, Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)));
    }

    public void Dispose() => _limiter.Dispose();

    /// <summary>
    /// The link's token as the partition key, cut to the length a real one has: a client that sends endless
    /// variations of a long path gets many partitions, and the per-address bucket is what stops it.
    /// </summary>
    private static string TokenOf(HttpContext context)
    {
        var token = context.Request.RouteValues["token"] as string ?? "";
        return token.Length > 64 ? token[..64] : token;
    }

    private static TokenBucketRateLimiterOptions Bucket(int perMinute) => new()
    {
        TokenLimit = perMinute,
        TokensPerPeriod = perMinute,
        ReplenishmentPeriod = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
