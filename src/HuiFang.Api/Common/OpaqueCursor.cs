using System.Buffers.Text;
using System.Text;

namespace HuiFang.Api.Common;

/// <summary>
/// The wire form every paging cursor shares: base64url of colon-separated parts. Callers pass cursors
/// back unchanged; the encoding only keeps them from being read as an interface.
/// </summary>
public static class OpaqueCursor
{
    private const int MaxLength = 100;

    public static string Encode(params string[] parts) => Base64Url.EncodeToString(Encoding.ASCII.GetBytes(string.Join(':', parts)));

    /// <returns>The parts, or null when <paramref name="text"/> is not a cursor at all.</returns>
    public static string[]? Decode(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
        {
            return null;
        }

        try
        {
            return Encoding.ASCII.GetString(Base64Url.DecodeFromChars(text)).Split(':');
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
