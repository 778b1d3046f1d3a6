using System.Globalization;
using System.Threading.RateLimiting;
using HuiFang.Api.Common;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace HuiFang.Api.Infrastructure.Security;

/// <summary>
/// Per-caller rate limiting (a token bucket per API key or token subject; per client address for
/// requests without valid credentials, so guessing keys is throttled too) and the request body limit.
/// Health probes and API docs are never limited.
/// </summary>
public static class AbuseLimits
{
    public static IServiceCollection AddHuiFangLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<LimitsOptions>>((o, limits) =>
        {
            var settings = limits.Value;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (IsExempt(context.Request.Path))
                {
                    return RateLimitPartition.GetNoLimiter("exempt");
                }

                // The request's own caller (parsed once, then reused by the handlers).
                var caller = context.RequestServices.GetRequiredService<ICurrentCaller>().Value;
                var partition = caller is null
                    ? "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown")
                    : $"caller:{caller.TenantId}/{caller.Id}";
                return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = settings.Burst,
                    TokensPerPeriod = settings.RequestsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await Problems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "rate-limited", "limits.rateLimited.title", Messages.Get("limits.rateLimited.detail", retryAfter));
            };
        });
        return services;
    }

    /// <summary>
    /// A bulkhead in front of the endpoints: at most <see cref="LimitsOptions.MaxConcurrentRequests"/> requests
    /// are worked on at once; the rest wait in order without holding a thread or a database connection, and
    /// past <see cref="LimitsOptions.RequestQueueLimit"/> are answered 503. Without it a burst put every
    /// request in the database pool's queue at once, ahead of the outbox dispatcher: under 500 requests/s its
    /// events waited seconds for a connection (bench/results, 2026-12-01). Health probes and docs are exempt.
    /// </summary>
    public static IApplicationBuilder UseConcurrencyLimit(this IApplicationBuilder app)
    {
        var settings = app.ApplicationServices.GetRequiredService<IOptions<LimitsOptions>>().Value;
        var limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = settings.MaxConcurrentRequests,
            QueueLimit = settings.RequestQueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        return app.Use(async (context, next) =>
        {
            if (IsExempt(context.Request.Path))
            {
                await next(context);
                return;
            }

            using var lease = await limiter.AcquireAsync(1, context.RequestAborted);
            if (!lease.IsAcquired)
            {
                context.Response.Headers.RetryAfter = "1";
                await Problems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "overloaded", "limits.overloaded.title", Messages.Get("limits.overloaded.detail", 1));
                return;
            }

            await next(context);
        });
    }

    /// <summary>
    /// Refuses a body larger than the limit before anything reads it: at once when Content-Length says
    /// so, and through the server's own limit for chunked bodies (which surfaces as a 413 bad request).
    /// </summary>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var limit = context.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value.MaxRequestBodyBytes;
            if (context.Request.ContentLength > limit)
            {
                await Problems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "body-too-large", "limits.bodyTooLarge.title", Messages.Get("limits.bodyTooLarge.detail", limit));
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }

            await next(context);
        });

    private static bool IsExempt(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/swagger");
}
