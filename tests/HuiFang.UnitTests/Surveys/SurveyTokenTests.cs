using System.Security.Cryptography;
using System.Text;
using HuiFang.Api.Domain.Surveys;

namespace HuiFang.UnitTests.Surveys;

public sealed class SurveyTokenTests
{
    [Fact]
    public void A_token_is_22_base64url_characters_and_its_link_path_fits_an_sms()
    {
        var (token, _) = SurveyToken.New();
        Assert.Equal(SurveyToken.Length, token.Length);
        Assert.All(token, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_', $"'{c}' is not base64url"));
        Assert.DoesNotContain('=', token);

        var link = SurveyToken.Link("https://survey.example.com/", token);
        Assert.Equal("https://survey.example.com/s/" + token, link);
        Assert.True(new Uri(link).AbsolutePath.Length <= 40);
        Assert.Equal(25, new Uri(link).AbsolutePath.Length);
    }

    [Fact]
    public void A_token_carries_128_random_bits()
    {
        // 22 base64url characters decode to exactly 16 bytes; over many tokens every bit position takes both values
        // about equally often, and no two tokens repeat.
        var tokens = Enumerable.Range(0, 4000).Select(_ => SurveyToken.New().Token).ToList();
        Assert.Equal(tokens.Count, tokens.Distinct(StringComparer.Ordinal).Count());
        var ones = new int[128];
        foreach (var token in tokens)
        {
            var bytes = System.Buffers.Text.Base64Url.DecodeFromChars(token);
            Assert.Equal(SurveyToken.Bytes, bytes.Length);
            for (var bit = 0; bit < 128; bit++)
            {
                ones[bit] += (bytes[bit / 8] >> (bit % 8)) & 1;
            }
        }

        // Binomial(4000, 0.5): mean 2000, sd ≈ 31.6; ±7 sd leaves a false alarm practically impossible.
        Assert.All(ones, n => Assert.InRange(n, 1779, 2221));
    }

    [Fact]
    public void The_hash_is_the_lowercase_hex_sha256_of_the_token_and_only_it_is_kept()
    {
        var (token, hash) = SurveyToken.New();
        Assert.Equal(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))).ToLowerInvariant(), hash);
        Assert.Equal(64, hash.Length);
        Assert.Equal(hash, SurveyToken.Hash(token));
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", SurveyToken.Hash(""));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAA")] // 23
    [InlineData("AAAAAAAAAAAAAAAAAAAA+/")] // base64, not base64url
    [InlineData("AAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAÄA")]
    public void A_malformed_token_is_not_well_formed(string? text) => Assert.False(SurveyToken.IsWellFormed(text));

    [Fact]
    public void A_new_token_is_well_formed() => Assert.True(SurveyToken.IsWellFormed(SurveyToken.New().Token));
}
