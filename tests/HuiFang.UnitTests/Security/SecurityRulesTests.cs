using System.Security.Claims;
using HuiFang.Api.Common;
using HuiFang.Api.Infrastructure.Idempotency;
using HuiFang.Api.Infrastructure.Security;

namespace HuiFang.UnitTests.Security;

public sealed class SecurityRulesTests
{
    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("138-1234-5678", "138****5678")]
    [InlineData("+86 138 1234 5678", "+861******5678")]
    [InlineData("0571-8888123", "057****8123")]
    [InlineData("8888-1234", "****1234")]
    [InlineData("1234", "****")]
    [InlineData(null, null)]
    public void Phone_numbers_are_masked_to_their_last_four_digits(string? phone, string? masked) =>
        Assert.Equal(masked, PhoneMask.Mask(phone));

    [Theory]
    [InlineData("\"abc-123\"", "abc-123")]
    [InlineData("abc-123", "abc-123")]
    [InlineData(" \"8e03978e-40d5-43e8-bc93-6894a57f9324\" ", "8e03978e-40d5-43e8-bc93-6894a57f9324")]
    [InlineData("\"\"", null)]
    [InlineData("two words", null)]
    [InlineData("\"quo\"te\"", null)]
    [InlineData("键", null)]
    public void Idempotency_keys_are_strings_of_visible_ascii(string raw, string? key) =>
        Assert.Equal(key, IdempotencyFilter.ParseKey(raw));

    [Fact]
    public void A_key_longer_than_255_characters_is_refused() =>
        Assert.Null(IdempotencyFilter.ParseKey(new string('k', 256)));

    [Fact]
    public void If_match_compares_strong_tags_and_refuses_malformed_values()
    {
        Assert.Null(IfMatch.Parse(null).Value);
        Assert.True(IfMatch.Parse("*").Value!.Matches(7));
        Assert.True(IfMatch.Parse("\"3\", \"4\"").Value!.Matches(4));
        Assert.False(IfMatch.Parse("\"3\"").Value!.Matches(4));
        Assert.False(IfMatch.Parse("W/\"4\"").Value!.Matches(4));
        Assert.False(IfMatch.Parse("4").IsSuccess);
    }

    [Theory]
    [InlineData("\"4\"", true)]
    [InlineData("W/\"4\"", true)]
    [InlineData("\"3\", \"4\"", true)]
    [InlineData("*", true)]
    [InlineData("\"3\"", false)]
    [InlineData("4", false)]
    [InlineData(null, false)]
    public void If_none_match_compares_weakly_and_ignores_what_it_cannot_parse(string? header, bool matches) =>
        Assert.Equal(matches, ETags.NoneMatchNames(header, 4));

    [Fact]
    public void Generated_api_keys_are_recognisable_unguessable_and_hashed()
    {
        var a = ApiKeyFormat.Generate();
        var b = ApiKeyFormat.Generate();

        Assert.NotEqual(a, b);
        Assert.True(ApiKeyFormat.LooksValid(a));
        Assert.StartsWith("hfk_", a);
        Assert.Equal(47, a.Length);
        Assert.Equal(64, ApiKeyFormat.Hash(a).Length);
        Assert.DoesNotContain(a[4..], ApiKeyFormat.Hash(a));
        Assert.False(ApiKeyFormat.LooksValid("hfk_short"));
        Assert.False(ApiKeyFormat.LooksValid("xyz_" + a[4..]));
    }

    [Fact]
    public void Token_claims_become_a_caller_with_tenant_subject_and_known_scopes_only()
    {
        var jwt = new JwtOptions();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("client_id", "crm"), new Claim("tenant", "acme"), new Claim("scope", "tasks:read pii:read openid"), new Claim("scope", "admin")], "test"));

        var caller = SecuritySetup.ToCaller(principal, jwt)!;

        Assert.Equal("acme", caller.TenantId);
        Assert.Equal("jwt:crm", caller.Id);
        Assert.Equal(["admin", "pii:read", "tasks:read"], caller.Scopes.Order());
        Assert.Null(SecuritySetup.ToCaller(new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "x")], "test")), jwt));
        Assert.Null(SecuritySetup.ToCaller(new ClaimsPrincipal(new ClaimsIdentity([new Claim("tenant", "a b")], "test")), jwt));
    }

    [Fact]
    public void Jwt_settings_are_checked_at_start_up_and_name_themselves()
    {
        var result = new AuthOptionsValidator().Validate(null, new AuthOptions { Jwt = new JwtOptions { Enabled = true, Authority = "http://idp.local" } });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("HuiFang:Auth:Jwt:Authority"));
        Assert.Contains(result.Failures!, f => f.Contains("HuiFang:Auth:Jwt:Audience"));
        Assert.True(new AuthOptionsValidator().Validate(null, new AuthOptions()).Succeeded);
    }

    [Fact]
    public void The_requests_in_flight_and_the_queue_are_checked_at_start_up_and_name_themselves()
    {
        var result = new LimitsOptionsValidator().Validate(null, new LimitsOptions { MaxConcurrentRequests = 0, RequestQueueLimit = -1 });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("HuiFang:Limits:MaxConcurrentRequests"));
        Assert.Contains(result.Failures!, f => f.Contains("HuiFang:Limits:RequestQueueLimit"));
        Assert.True(new LimitsOptionsValidator().Validate(null, new LimitsOptions { RequestQueueLimit = 0 }).Succeeded);
    }
}
