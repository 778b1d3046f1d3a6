using HuiFang.Api.Domain.Tenants;

namespace HuiFang.Api.Infrastructure.Idempotency;

/// <summary>
/// The stored outcome of a successful POST sent with an <c>Idempotency-Key</c>, written in the same
/// transaction as the change it describes: either both exist or neither does.
/// </summary>
public sealed class IdempotencyRecord : ITenantOwned
{
    private IdempotencyRecord()
    {
    }

    public string TenantId { get; private set; } = "";

    /// <summary>The caller the key belongs to (API key id or token subject): keys of different callers never meet.</summary>
    public string CallerId { get; private set; } = "";

    public string Key { get; private set; } = "";

    /// <summary>SHA-256 (hex) of method, path, query and body: the same key with another request is refused.</summary>
    public string Fingerprint { get; private set; } = "";

    public int StatusCode { get; private set; }

    /// <summary>The response headers worth replaying (Content-Type, Location, ETag) as JSON.</summary>
    public string Headers { get; private set; } = "{}";

    public byte[] Body { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public static IdempotencyRecord Create(
        string tenantId,
        string callerId,
        string key,
        string fingerprint,
        int statusCode,
        string headers,
        byte[] body,
        DateTimeOffset now,
        TimeSpan lifetime) => new()
        {
            TenantId = tenantId,
            CallerId = callerId,
            Key = key,
            Fingerprint = fingerprint,
            StatusCode = statusCode,
            Headers = headers,
            Body = body,
            CreatedAt = now.ToUniversalTime(),
            ExpiresAt = (now + lifetime).ToUniversalTime(),
        };
}
