using HuiFang.Api.Domain.Common;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HuiFang.Api.Common;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HuiFang.Api.Infrastructure.Idempotency;

/// <summary>Marks an endpoint as accepting <c>Idempotency-Key</c> (for the OpenAPI document).</summary>
public sealed record IdempotentMetadata;

/// <summary>
/// Safe retries of POST requests (IETF draft-ietf-httpapi-idempotency-key-header). With an
/// <c>Idempotency-Key</c>, the endpoint runs inside one transaction that also stores its successful
/// response, keyed by tenant, caller and key:
/// <list type="bullet">
/// <item>the same key with the same request replays the stored status, headers and body, and changes nothing;</item>
/// <item>the same key with a different request (method, path, query or body) is 422;</item>
/// <item>a request whose key is still in flight is 409 (with Retry-After), on this replica (a registry)
/// and across replicas (a PostgreSQL advisory lock).</item>
/// </list>
/// Only 2xx responses are stored: a failed request changed nothing, so retrying it re-evaluates it.
/// </summary>
public sealed class IdempotencyFilter : IEndpointFilter
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    private static readonly string[] ReplayedHeaders = ["Content-Type", "Location", "ETag"];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(HeaderName, out var values))
        {
            return await next(context);
        }

        if (values.Count != 1 || ParseKey(values.ToString()) is not { } key)
        {
            return IdempotencyErrors.InvalidKey().ToProblem();
        }

        var services = http.RequestServices;
        var caller = services.GetRequiredService<ICurrentCaller>().Value
            ?? throw new InvalidOperationException("Idempotency keys are scoped per caller; the endpoint must require authentication.");
        var scopedKey = $"{caller.TenantId}/{caller.Id}/{key}";
        var fingerprint = await FingerprintAsync(http.Request);

        var inFlight = services.GetRequiredService<IdempotencyKeysInFlight>();
        if (!inFlight.TryEnter(scopedKey))
        {
            return InFlight(http);
        }

        try
        {
            var db = services.GetRequiredService<HuiFangDbContext>();
            var clock = services.GetRequiredService<TimeProvider>();
            var lifetime = services.GetRequiredService<IOptions<IdempotencyOptions>>().Value.KeyLifetime;
            var ct = http.RequestAborted;

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (!await services.GetRequiredService<DatabaseDialect>().TryLockIdempotencyKeyAsync(db, scopedKey, ct))
            {
                return InFlight(http);
            }

            var now = clock.GetUtcNow();
            var stored = await db.IdempotencyRecords.AsNoTracking()
                .FirstOrDefaultAsync(r => r.CallerId == caller.Id && r.Key == key, ct);
            if (stored is not null && stored.ExpiresAt > now)
            {
                if (!string.Equals(stored.Fingerprint, fingerprint, StringComparison.Ordinal))
                {
                    return IdempotencyErrors.KeyReused(key).ToProblem();
                }

                await ReplayAsync(http, stored);
                return Results.Empty;
            }

            if (stored is not null)
            {
                await db.IdempotencyRecords.Where(r => r.CallerId == caller.Id && r.Key == key).ExecuteDeleteAsync(ct);
            }

            var result = await next(context);
            var (status, headers, body) = await CaptureAsync(http, result);
            if (status is >= 200 and < 300)
            {
                db.IdempotencyRecords.Add(IdempotencyRecord.Create(caller.TenantId, caller.Id, key, fingerprint, status, headers, body, now, lifetime));
                await db.SaveChangesAsync(ct);
                await Transactions.CommitAsync(transaction, ct);
            }
            else
            {
                await Transactions.UndoAsync(db, () => transaction.RollbackAsync(CancellationToken.None));
            }

            // The response leaves only after the commit: a client never sees a success that was not stored.
            await http.Response.Body.WriteAsync(body, ct);
            return Results.Empty;
        }
        finally
        {
            inFlight.Exit(scopedKey);
        }
    }

    /// <summary>The key as an RFC 8941 string (<c>"abc"</c>) or, leniently, bare: 1–255 visible ASCII characters.</summary>
    internal static string? ParseKey(string raw)
    {
        var key = raw.Trim();
        if (key.Length >= 2 && key[0] == '"' && key[^1] == '"')
        {
            key = key[1..^1];
        }

        return key.Length is >= 1 and <= FieldLimits.IdempotencyKey && key.All(c => c is >= '!' and <= '~' and not '"' and not '\\') ? key : null;
    }

    private static async Task<string> FingerprintAsync(HttpRequest request)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        if (request.Body.CanSeek)
        {
            request.Body.Position = 0;
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Runs the endpoint's result into memory, so that it can be stored before anything is sent.</summary>
    private static async Task<(int Status, string Headers, byte[] Body)> CaptureAsync(HttpContext http, object? result)
    {
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            if (result is IResult executable)
            {
                await executable.ExecuteAsync(http);
            }
            else if (result is not null)
            {
                await http.Response.WriteAsJsonAsync(result, result.GetType());
            }
        }
        finally
        {
            http.Response.Body = original;
        }

        var headers = ReplayedHeaders
            .Where(h => http.Response.Headers.ContainsKey(h))
            .ToDictionary(h => h, h => http.Response.Headers[h].ToString());
        return (http.Response.StatusCode, JsonSerializer.Serialize(headers), buffer.ToArray());
    }

    private static async Task ReplayAsync(HttpContext http, IdempotencyRecord stored)
    {
        http.Response.StatusCode = stored.StatusCode;
        foreach (var (name, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(stored.Headers) ?? [])
        {
            http.Response.Headers[name] = value;
        }

        http.Response.Headers[ReplayedHeader] = "true";
        await http.Response.Body.WriteAsync(stored.Body, http.RequestAborted);
    }

    private static IResult InFlight(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "1";
        return IdempotencyErrors.InFlight().ToProblem();
    }
}

/// <summary>Keys being processed by this process right now.</summary>
public sealed class IdempotencyKeysInFlight
{
    private readonly ConcurrentDictionary<string, byte> _keys = new(StringComparer.Ordinal);

    public bool TryEnter(string scopedKey) => _keys.TryAdd(scopedKey, 0);

    public void Exit(string scopedKey) => _keys.TryRemove(scopedKey, out _);
}

public static class IdempotencyErrors
{
    public static Error InvalidKey() =>
        Error.Validation(IdempotencyFilter.HeaderName, Messages.Get("idempotency.invalidKey"));

    public static Error KeyReused(string key) =>
        new(ErrorKind.Unprocessable, "idempotency-key-reused", "idempotency.keyReused", [key]);

    public static Error InFlight() =>
        new(ErrorKind.Conflict, "idempotency-key-in-flight", "idempotency.inFlight", []);
}

public static class IdempotencySetup
{
    public static IServiceCollection AddHuiFangIdempotency(this IServiceCollection services)
    {
        services.AddSingleton<IdempotencyKeysInFlight>();
        services.AddHostedService<IdempotencyPurgeService>();
        return services;
    }

    /// <summary>Lets the filter read the body a second time (for the fingerprint) when a key is sent.</summary>
    public static IApplicationBuilder UseIdempotencyBuffering(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.Headers.ContainsKey(IdempotencyFilter.HeaderName))
            {
                context.Request.EnableBuffering();
            }

            return next(context);
        });

    /// <summary>Accepts <c>Idempotency-Key</c> on this POST endpoint.</summary>
    public static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<IdempotencyFilter>().WithMetadata(new IdempotentMetadata());
}

/// <summary>Deletes expired idempotency records, across all tenants, every <c>PurgeInterval</c>.</summary>
public sealed class IdempotencyPurgeService(IServiceScopeFactory scopes, TimeProvider clock, IOptions<IdempotencyOptions> options, ILogger<IdempotencyPurgeService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PurgeInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<HuiFangDbContext>();
                var now = clock.GetUtcNow();
                var purged = await db.IdempotencyRecords.IgnoreQueryFilters().Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(stoppingToken);
                if (purged > 0)
                {
                    logger.LogInformation("Purged {Count} expired idempotency record(s)", purged);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be down; the next tick tries again.
                logger.LogWarning(e, "Could not purge expired idempotency records");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
