using System.Text;
using System.Text.Json.Nodes;

namespace HuiFang.IntegrationTests.Contract;

/// <summary>A second request that depends on the first's answer.</summary>
public enum FollowUp
{
    None,

    /// <summary>The same request with the same Idempotency-Key: replayed, and nothing written again.</summary>
    Replay,

    /// <summary>The same Idempotency-Key with another body: 422, nothing written.</summary>
    ReuseKeyWithOtherBody,
}

/// <summary>Who a case speaks as.</summary>
public enum Credential
{
    /// <summary>A key of the worker's tenant with every scope.</summary>
    Admin,

    /// <summary>No credentials at all.</summary>
    None,

    /// <summary>A key of the worker's tenant with every scope but the one the operation requires.</summary>
    LackingScope,

    /// <summary>Something that looks like a key but is none.</summary>
    GarbageKey,

    /// <summary>A bearer token that is not a token.</summary>
    GarbageBearer,

    /// <summary>The admin key twice, as two X-Api-Key headers.</summary>
    KeyTwice,

    /// <summary>The admin key and a bearer token that is not one.</summary>
    KeyAndBearer,

    /// <summary>The admin key with spaces around it (a header value's surrounding whitespace is not part of it: accepted).</summary>
    PaddedKey,
}

/// <summary>
/// One generated request: the operation's baseline with one thing changed. Path parameters not
/// overridden, and the body's baseline, are bound to the worker's seeded resources when it is sent.
/// </summary>
public sealed class SweepCase(ApiOperation operation, string @class, string target)
{
    public ApiOperation Operation { get; } = operation;

    /// <summary>The kind of attack, e.g. "string: NUL"; failures are grouped by it.</summary>
    public string Class { get; } = @class;

    /// <summary>What was attacked: a body member's JSON path, a parameter, a header, or "request".</summary>
    public string Target { get; } = target;

    public string? Method { get; init; }

    /// <summary>Already-encoded values for path parameters, instead of the bound resource.</summary>
    public Dictionary<string, string> PathValues { get; init; } = [];

    /// <summary>Applied to the resolved, encoded path (trailing slashes, double slashes, …).</summary>
    public Func<string, string>? PathRewrite { get; init; }

    /// <summary>Already-encoded query pairs.</summary>
    public List<KeyValuePair<string, string>> Query { get; init; } = [];

    public List<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>What is sent after the case when it was accepted: the same request again, or its key with another body.</summary>
    public FollowUp Then { get; init; }

    /// <summary>Applied to a real <c>nextCursor</c> of the operation, sent as <c>cursor</c>.</summary>
    public Func<string, string>? CursorTamper { get; init; }

    /// <summary>In a header value, replaced by a key new to the service (the same for a case and its follow-up).</summary>
    public const string UniqueKey = "{unique-key}";

    /// <summary>Required query parameters this case leaves out.</summary>
    public HashSet<string> Omitted { get; init; } = [];

    /// <summary>The body's bytes from the bound baseline (null: no body); null keeps the baseline.</summary>
    public Func<JsonNode?, byte[]?>? Body { get; init; }

    /// <summary>The body's Content-Type; <see cref="NoContentType"/> sends none.</summary>
    public string? ContentType { get; init; }

    /// <summary>Send the body without Content-Length (chunked).</summary>
    public bool Chunked { get; init; }

    public Credential Credential { get; init; } = Credential.Admin;

    public string? Accept { get; set; }

    /// <summary>The case chose its Accept header itself; others take the next of <see cref="AttackGenerator.Accepts"/> in turn.</summary>
    public bool AcceptFixed { get; init; }

    /// <summary>Routes, methods and path attacks may answer 404/405 although the operation does not list them.</summary>
    public bool RouteAttack { get; init; }

    public const string NoContentType = "(none)";

    public override string ToString() => $"{Operation.Name} [{Target}] {Class}";
}

/// <summary>
/// JSON text that <see cref="JsonNode"/> cannot hold (a lone surrogate escape, 1e400, a number beyond
/// decimal): a mutation stores a marker string, and <see cref="Serialize"/> puts the raw text in its place.
/// </summary>
public static class RawJson
{
    private static readonly List<string> Texts = [];
    private static readonly Lock Gate = new();

    public static JsonNode Marker(string raw)
    {
        lock (Gate)
        {
            var index = Texts.IndexOf(raw);
            if (index < 0)
            {
                Texts.Add(raw);
                index = Texts.Count - 1;
            }

            return JsonValue.Create($"@@raw:{index}@@")!;
        }
    }

    public static byte[] Serialize(JsonNode? node)
    {
        var text = node is null ? "null" : node.ToJsonString();
        if (text.Contains("@@raw:", StringComparison.Ordinal))
        {
            lock (Gate)
            {
                for (var i = 0; i < Texts.Count; i++)
                {
                    text = text.Replace($"\"@@raw:{i}@@\"", Texts[i], StringComparison.Ordinal);
                }
            }
        }

        return Encoding.UTF8.GetBytes(text);
    }
}
