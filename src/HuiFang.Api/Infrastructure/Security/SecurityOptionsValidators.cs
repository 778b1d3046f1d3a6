using HuiFang.Api.Infrastructure.Configuration;
using Microsoft.Extensions.Options;

namespace HuiFang.Api.Infrastructure.Security;

/// <summary>The cache duration's range is an annotation (source-generated check); the token settings, needed only when tokens are on, are checked here.</summary>
public sealed partial class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions o)
    {
        var failures = new List<string>();
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

        return SettingNames.Merge(new Annotations().Validate(name, o), AuthOptions.Section, failures);
    }

    [OptionsValidator]
    private sealed partial class Annotations : IValidateOptions<AuthOptions>;
}

/// <summary>Every limit is a range annotation on <see cref="LimitsOptions"/>; the options source generator writes the check.</summary>
public sealed partial class LimitsOptionsValidator : IValidateOptions<LimitsOptions>
{
    public ValidateOptionsResult Validate(string? name, LimitsOptions o) => SettingNames.Merge(new Annotations().Validate(name, o), LimitsOptions.Section, []);

    [OptionsValidator]
    private sealed partial class Annotations : IValidateOptions<LimitsOptions>;
}

/// <summary>Both durations are range annotations on <see cref="IdempotencyOptions"/>; the options source generator writes the check.</summary>
public sealed partial class IdempotencyOptionsValidator : IValidateOptions<IdempotencyOptions>
{
    public ValidateOptionsResult Validate(string? name, IdempotencyOptions o) => SettingNames.Merge(new Annotations().Validate(name, o), IdempotencyOptions.Section, []);

    [OptionsValidator]
    private sealed partial class Annotations : IValidateOptions<IdempotencyOptions>;
}
