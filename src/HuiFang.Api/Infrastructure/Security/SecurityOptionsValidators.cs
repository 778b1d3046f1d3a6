using Microsoft.Extensions.Options;

namespace HuiFang.Api.Infrastructure.Security;

public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions o)
    {
        var failures = new List<string>();
        if (o.ApiKeyCacheDuration < TimeSpan.Zero || o.ApiKeyCacheDuration > TimeSpan.FromMinutes(10))
        {
            failures.Add("HuiFang:Auth:ApiKeyCacheDuration must be between 00:00:00 and 00:10:00.");
        }

        if (o.Jwt.Enabled)
        {
            if (!Uri.TryCreate(o.Jwt.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
            {
                failures.Add("HuiFang:Auth:Jwt:Authority must be the identity provider's absolute URL when HuiFang:Auth:Jwt:Enabled is true.");
            }
            else if (authority.Scheme == "http" && o.Jwt.RequireHttpsMetadata)
            {
                failures.Add("HuiFang:Auth:Jwt:Authority must use https unless HuiFang:Auth:Jwt:RequireHttpsMetadata is false.");
            }

            if (string.IsNullOrWhiteSpace(o.Jwt.Audience))
            {
                failures.Add("HuiFang:Auth:Jwt:Audience is required when HuiFang:Auth:Jwt:Enabled is true.");
            }

            if (string.IsNullOrWhiteSpace(o.Jwt.TenantClaim) || string.IsNullOrWhiteSpace(o.Jwt.ScopeClaim))
            {
                failures.Add("HuiFang:Auth:Jwt:TenantClaim and HuiFang:Auth:Jwt:ScopeClaim must name claims.");
            }

            if (o.Jwt.SubjectClaims.Count == 0)
            {
                failures.Add("HuiFang:Auth:Jwt:SubjectClaims must name at least one claim.");
            }

            if (o.Jwt.TokenUrl is not null && !Uri.TryCreate(o.Jwt.TokenUrl, UriKind.Absolute, out _))
            {
                failures.Add("HuiFang:Auth:Jwt:TokenUrl must be an absolute URL.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

public sealed class LimitsOptionsValidator : IValidateOptions<LimitsOptions>
{
    public ValidateOptionsResult Validate(string? name, LimitsOptions o)
    {
        var failures = new List<string>();
        if (o.RequestsPerSecond is < 1 or > 100_000)
        {
            failures.Add("HuiFang:Limits:RequestsPerSecond must be between 1 and 100000.");
        }

        if (o.Burst is < 1 or > 1_000_000)
        {
            failures.Add("HuiFang:Limits:Burst must be between 1 and 1000000.");
        }

        if (o.MaxRequestBodyBytes is < 1024 or > 100 * 1024 * 1024)
        {
            failures.Add("HuiFang:Limits:MaxRequestBodyBytes must be between 1024 and 104857600.");
        }

        if (o.RequestBodyTimeout < TimeSpan.FromSeconds(1) || o.RequestBodyTimeout > TimeSpan.FromHours(1))
        {
            failures.Add("HuiFang:Limits:RequestBodyTimeout must be between 00:00:01 and 01:00:00.");
        }

        if (o.MaxConcurrentRequests is < 1 or > 10_000)
        {
            failures.Add("HuiFang:Limits:MaxConcurrentRequests must be between 1 and 10000.");
        }

        if (o.MaxUrlBytes is < 1024 or > 64 * 1024)
        {
            failures.Add("HuiFang:Limits:MaxUrlBytes must be between 1024 and 65536.");
        }

        if (o.MaxHeaderBytes is < 4096 or > 256 * 1024)
        {
            failures.Add("HuiFang:Limits:MaxHeaderBytes must be between 4096 and 262144.");
        }

        if (o.RequestQueueLimit is < 0 or > 1_000_000)
        {
            failures.Add("HuiFang:Limits:RequestQueueLimit must be between 0 and 1000000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

public sealed class IdempotencyOptionsValidator : IValidateOptions<IdempotencyOptions>
{
    public ValidateOptionsResult Validate(string? name, IdempotencyOptions o)
    {
        var failures = new List<string>();
        if (o.KeyLifetime < TimeSpan.FromMinutes(1) || o.KeyLifetime > TimeSpan.FromDays(30))
        {
            failures.Add("HuiFang:Idempotency:KeyLifetime must be between 00:01:00 and 30.00:00:00.");
        }

        if (o.PurgeInterval < TimeSpan.FromSeconds(10) || o.PurgeInterval > TimeSpan.FromDays(1))
        {
            failures.Add("HuiFang:Idempotency:PurgeInterval must be between 00:00:10 and 1.00:00:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
