using System.Globalization;
using System.Threading.RateLimiting;
using HuiFang.Api.Common;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
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
        services.AddOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>()
            .Configure<IOptions<LimitsOptions>>((server, limits) => ConfigureServerLimits(server, limits.Value));
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
    /// Reads an authenticated caller's request body in full before the request asks for one of the
    /// <see cref="UseConcurrencyLimit"/> turns, so that a client sending its body slowly (above Kestrel's
    /// minimum data rate, 240 B/s) waits on its own connection instead of holding a turn: 80 such clients held
    /// all 64 turns and ordinary requests waited more than 10 s. Up to 64 KiB stay in memory, a larger body
    /// (≤ <see cref="LimitsOptions.MaxRequestBodyBytes"/>) goes to a temporary file; a body not complete
    /// within <see cref="LimitsOptions.RequestBodyTimeout"/> is a 408 problem. Requests without valid
    /// credentials are not read: they are answered 401 without their body.
    /// </summary>
    public static IApplicationBuilder UseBodyBuffering(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            var hasBody = request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
            if (!hasBody || IsExempt(request.Path) || context.User.Identity?.IsAuthenticated != true)
            {
                await next(context);
                return;
            }

            var limits = context.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value;
            request.EnableBuffering(BufferedInMemory); // the size is bounded by UseRequestBodyLimit, earlier
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted))
            {
                timeout.CancelAfter(limits.RequestBodyTimeout);
                try
                {
                    await request.Body.DrainAsync(timeout.Token);
                }
                catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
                {
                    var seconds = (int)Math.Ceiling(limits.RequestBodyTimeout.TotalSeconds);
                    context.Response.Headers.Connection = "close";
                    await Problems.WriteAsync(context, StatusCodes.Status408RequestTimeout, "body-timeout", "limits.bodyTimeout.title", Messages.Get("limits.bodyTimeout.detail", seconds));
                    return;
                }
            }

            request.Body.Position = 0;
            await next(context);
        });

    private const int BufferedInMemory = 64 * 1024;

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

            // A body without Content-Length (chunked) is counted as it is read, whatever the server enforces:
            // the in-process test server and some proxies enforce nothing.
            if (context.Request.ContentLength is null)
            {
                context.Request.Body = new BodyLimitStream(context.Request.Body, limit);
            }

            await next(context);
        });

    /// <summary>
    /// Refuses a request target or header block beyond the service's limits with a problem. Kestrel answers
    /// its own limits with an empty 414 or 431 and no way for the application to speak, so its limits are set
    /// <see cref="LimitsOptions.ServerLimitFactor"/> times higher (<see cref="ConfigureServerLimits"/>) and
    /// the ordinary oversized request meets this check instead.
    /// </summary>
    public static IApplicationBuilder UseRequestShapeLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var limits = context.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value;
            var request = context.Request;
            var target = request.Path.Value?.Length + request.PathBase.Value?.Length + request.QueryString.Value?.Length ?? 0;
            if (target > limits.MaxUrlBytes)
            {
                await Problems.WriteAsync(context, StatusCodes.Status414UriTooLong, "uri-too-long", "limits.uriTooLong.title", Messages.Get("limits.uriTooLong.detail", limits.MaxUrlBytes));
                return;
            }

            long headers = 0;
            foreach (var (name, values) in request.Headers)
            {
                headers += name.Length + 4;
                foreach (var value in values)
                {
                    headers += value?.Length ?? 0;
                }
            }

            if (headers > limits.MaxHeaderBytes)
            {
                await Problems.WriteAsync(context, StatusCodes.Status431RequestHeaderFieldsTooLarge, "headers-too-large", "limits.headersTooLarge.title", Messages.Get("limits.headersTooLarge.detail", limits.MaxHeaderBytes));
                return;
            }

            await next(context);
        });

    /// <summary>Kestrel's limits, above the service's own so that the service answers first (see <see cref="UseRequestShapeLimits"/>).</summary>
    public static void ConfigureServerLimits(Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions server, LimitsOptions limits)
    {
        server.Limits.MaxRequestLineSize = limits.MaxUrlBytes * LimitsOptions.ServerLimitFactor;
        server.Limits.MaxRequestHeadersTotalSize = limits.MaxHeaderBytes * LimitsOptions.ServerLimitFactor;
        server.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes;
        server.AddServerHeader = false;
    }

    private static bool IsExempt(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/swagger");

    /// <summary>Reads through to the request body and fails with a 413 once more than the limit has arrived.</summary>
    private sealed class BodyLimitStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int read)
        {
            _read += read;
            if (_read > limit)
            {
                throw new BadHttpRequestException(Messages.Get("limits.bodyTooLarge.detail", limit), StatusCodes.Status413PayloadTooLarge);
            }

            return read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
