using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;

namespace HuiFang.IntegrationTests.Infrastructure;

/// <summary>
/// Bearer tokens signed with a key only the tests know, standing in for the organisation's identity
/// provider: the service validates them exactly as it would a real provider's (issuer, audience,
/// lifetime, signature), only the signing key comes from here instead of the provider's metadata.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "https://identity.test.invalid";
    public const string Audience = "huifang-api";

    public static readonly SymmetricSecurityKey Key = new(System.Text.Encoding.UTF8.GetBytes("huifang-tests-signing-key-0123456789-abcdefghij"));

    private static readonly SymmetricSecurityKey OtherKey = new(System.Text.Encoding.UTF8.GetBytes("somebody-elses-signing-key-0123456789-abcdefghij"));

    public static string Create(
        string? tenant,
        string scopes,
        string subject = "crm-client",
        DateTime? expires = null,
        string issuer = Issuer,
        string audience = Audience,
        bool wrongKey = false)
    {
        var claims = new List<Claim> { new("sub", subject), new("scope", scopes) };
        if (tenant is not null)
        {
            claims.Add(new Claim("tenant", tenant));
        }

        var now = DateTime.UtcNow;
        var expiry = expires ?? now.AddMinutes(10);
        var token = new JwtSecurityToken(
            issuer,
            audience,
            claims,
            notBefore: expiry < now ? expiry.AddMinutes(-10) : now.AddMinutes(-1),
            expires: expiry,
            signingCredentials: new SigningCredentials(wrongKey ? OtherKey : Key, SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }
}
