using Microsoft.Net.Http.Headers;

namespace HuiFang.Api.Common;

/// <summary>
/// An <c>If-Match</c> precondition (RFC 9110 §13.1.1): <c>*</c> or a list of strong entity tags. A
/// resource's entity tag is its version in quotes (<c>"3"</c>); weak tags never match.
/// </summary>
public sealed record IfMatch(bool Any, IReadOnlyList<string> Tags)
{
    public bool Matches(int version) => Any || Tags.Contains(ETags.For(version));

    /// <summary>Null when the header is absent; an error when it is not a valid If-Match value.</summary>
    public static Result<IfMatch?> Parse(string? header)
    {
        if (header is null)
        {
            return (IfMatch?)null;
        }

        if (header.Trim() == "*")
        {
            return new IfMatch(true, []);
        }

        if (!EntityTagHeaderValue.TryParseStrictList([header], out var tags) || tags.Count == 0)
        {
            return Error.Validation("If-Match", Messages.Get("validation.ifMatch"));
        }

        return new IfMatch(false, [.. tags.Where(t => !t.IsWeak).Select(t => t.Tag.ToString())]);
    }
}

public static class ETags
{
    public static string For(int version) => $"\"{version}\"";
}
