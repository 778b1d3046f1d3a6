using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace HuiFang.Api.Domain.Surveys;

/// <summary>
/// The secret in a survey link (<c>{PublicBaseUrl}/s/{token}</c>): 16 bytes (128 bits) from the operating
/// system's cryptographic generator, written base64url without padding — 22 characters of
/// <c>A–Z a–z 0–9 - _</c>, so the link's path (<c>/s/</c> and the token) is 25 characters, short enough for an
/// SMS. Only <see cref="Hash"/> of it is stored: whoever reads the database cannot rebuild a link, and a
/// link is found by hashing what the customer sent.
/// </summary>
public static class SurveyToken
{
    /// <summary>Random bytes in a token.</summary>
    public const int Bytes = 16;

    /// <summary>Characters of a token (base64url of <see cref="Bytes"/> bytes, no padding).</summary>
    public const int Length = 22;

    /// <summary>The page's route: links are <c>/s/{token}</c>.</summary>
    public const string Route = "/s";

    /// <summary>The path of a link before the token.</summary>
    public const string PathPrefix = Route + "/";

    /// <summary>A fresh token and its hash; the token is shown once and never kept.</summary>
    public static (string Token, string Hash) New()
    {
        Span<byte> bytes = stackalloc byte[Bytes];
        RandomNumberGenerator.Fill(bytes);
        var token = Base64Url.EncodeToString(bytes);
        return (token, Hash(token));
    }

    /// <summary>The lowercase hexadecimal SHA-256 of the token's UTF-8 text (64 characters).</summary>
    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>
    /// Whether <paramref name="text"/> has the shape of a token (22 base64url characters). Anything else is
    /// simply unknown: the caller treats it like a token that matches nothing.
    /// </summary>
    public static bool IsWellFormed(string? text)
    {
        if (text is null || text.Length != Length)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The link a customer opens: <c>{publicBaseUrl}/s/{token}</c>, without a doubled slash.</summary>
    public static string Link(string publicBaseUrl, string token) => publicBaseUrl.TrimEnd('/') + PathPrefix + token;
}
