using System.ComponentModel.DataAnnotations;

namespace HuiFang.Api.Infrastructure.Security;

/// <summary>Settings under <c>HuiFang:Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = "HuiFang:Auth";

    /// <summary>
    /// Embedded mode only: on the first start (no API key at all) create an admin key for tenant
    /// <c>default</c> and print it once. Ignored, with a warning, in Production or on PostgreSQL.
    /// </summary>
    public bool CreateBootstrapKey { get; set; }

    /// <summary>How long a verified API key is trusted without asking the database again (revocation on another replica takes at most this long).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ApiKeyCacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    public JwtOptions Jwt { get; set; } = new();
}

/// <summary>Settings under <c>HuiFang:Auth:Jwt</c>: bearer tokens from the organisation's identity provider.</summary>
public sealed class JwtOptions
{
    /// <summary>Accept bearer tokens. Needs <see cref="Authority"/> and <see cref="Audience"/>.</summary>
    public bool Enabled { get; set; }

    /// <summary>The identity provider's issuer URL; its OpenID configuration supplies the signing keys.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience tokens must be issued for (this API).</summary>
    public string? Audience { get; set; }

    /// <summary>Require HTTPS for the metadata address; only switch off for a local test provider.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The claim that names the caller's tenant.</summary>
    public string TenantClaim { get; set; } = "tenant";

    /// <summary>The claim holding scopes: one space-separated value (OAuth2 <c>scope</c>) or one claim per scope (<c>scp</c>, <c>roles</c>).</summary>
    public string ScopeClaim { get; set; } = "scope";

    /// <summary>Claims tried in order for the caller's stable id (client credentials tokens often have no <c>sub</c>).</summary>
    public List<string> SubjectClaims { get; set; } = ["sub", "client_id", "azp", "appid"];

    /// <summary>The token endpoint shown in Swagger UI for the client-credentials flow (optional).</summary>
    public string? TokenUrl { get; set; }
}

/// <summary>Settings under <c>HuiFang:Limits</c>: protection against careless or hostile callers.</summary>
public sealed class LimitsOptions
{
    public const string Section = "HuiFang:Limits";

    /// <summary>Sustained requests per second per caller (API key or token subject; per client address before authentication).</summary>
    [Range(1, 100_000)]
    public int RequestsPerSecond { get; set; } = 50;

    /// <summary>Requests a caller may send in a burst above the sustained rate.</summary>
    [Range(1, 1_000_000)]
    public int Burst { get; set; } = 200;

    /// <summary>Largest request body accepted, in bytes.</summary>
    [Range(typeof(long), "1024", "104857600")]
    public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// Longest time a request body may take to arrive in full; a slower one is answered 408. Bodies are read
    /// before a request takes a turn of <see cref="MaxConcurrentRequests"/>, so a slow one holds only its connection.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RequestBodyTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Longest request target (path and query) the service answers, in bytes; longer is a 414 problem.
    /// Kestrel's own line limit sits above it (<see cref="ServerLimitFactor"/>), so that the service, not
    /// the server's bare 414, is what a caller meets.
    /// </summary>
    [Range(1024, 64 * 1024)]
    public int MaxUrlBytes { get; set; } = 8 * 1024;

    /// <summary>Largest total of request headers the service answers, in bytes; more is a 431 problem.</summary>
    [Range(4096, 256 * 1024)]
    public int MaxHeaderBytes { get; set; } = 32 * 1024;

    /// <summary>How far above the service's own URL and header limits Kestrel's limits are set.</summary>
    public const int ServerLimitFactor = 4;

    /// <summary>
    /// Requests worked on at once by this replica; more wait their turn, oldest first, without holding a
    /// thread or a database connection. Keep it below the database pool (Npgsql: 100) so that the outbox
    /// dispatcher and the SLA monitor always find a connection.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxConcurrentRequests { get; set; } = 64;

    /// <summary>Requests that may wait for a turn; beyond it a request is answered 503 with Retry-After.</summary>
    [Range(0, 1_000_000)]
    public int RequestQueueLimit { get; set; } = 5000;
}

/// <summary>Settings under <c>HuiFang:Idempotency</c>.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "HuiFang:Idempotency";

    /// <summary>How long a stored response is replayed for its key.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan KeyLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often expired records are purged.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);
}
