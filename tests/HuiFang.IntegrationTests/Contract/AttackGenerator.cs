using System.Text;
using System.Text.Json.Nodes;

namespace HuiFang.IntegrationTests.Contract;

/// <summary>
/// Every attack the sweep makes on one operation, derived from its parameters and body schema only:
/// each body member (recursively), each parameter and header, and the request as a whole.
/// </summary>
public static class AttackGenerator
{
    public const string Browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    /// <summary>The Accept headers every case is sent with in turn (null: none).</summary>
    public static readonly string?[] Accepts = [null, Browser, "text/html", "text/csv", "application/xml"];

    private const int MaxDepth = 3;
    private const int HugeLength = 1024 * 1024;
    private const int LongLength = 10_001;

    private static readonly string Long = new('x', LongLength);
    private static readonly string Huge = new('x', HugeLength);

    /// <param name="attacked">The (schema, member) pairs attacked in full already: a schema used again
    /// (a batch's items, the same customer in several requests) gets only the core attacks there.</param>
    public static IEnumerable<SweepCase> For(ApiOperation op, bool firstOfPath, IReadOnlySet<string> methodsOfPath, HashSet<(Schema, string)> attacked)
    {
        // The baseline itself, with every kind of Accept: valid requests must be valid for any client.
        // The baseline as an API client and as a browser sends it; every other Accept is met by the cases in turn.
        foreach (var accept in new[] { null, Browser })
        {
            yield return new SweepCase(op, "baseline", "request") { Accept = accept, AcceptFixed = true };
        }

        // 401s are written by other code than the endpoints' problems: each with every Accept.
        foreach (var accept in Accepts)
        {
            yield return new SweepCase(op, "credentials: None", "request") { Credential = Credential.None, Accept = accept, AcceptFixed = true };
        }

        yield return new SweepCase(op, "credentials: LackingScope", "request") { Credential = Credential.LackingScope };
        yield return new SweepCase(op, "credentials: GarbageKey", "request") { Credential = Credential.GarbageKey };
        yield return new SweepCase(op, "credentials: GarbageBearer", "request") { Credential = Credential.GarbageBearer };
        if (firstOfPath)
        {
            yield return new SweepCase(op, "credentials: KeyTwice", "request") { Credential = Credential.KeyTwice };
            yield return new SweepCase(op, "credentials: KeyAndBearer", "request") { Credential = Credential.KeyAndBearer };
            yield return new SweepCase(op, "credentials: PaddedKey", "request") { Credential = Credential.PaddedKey };
        }

        foreach (var c in RouteAttacks(op, firstOfPath, methodsOfPath))
        {
            yield return c;
        }

        foreach (var c in ParameterAttacks(op))
        {
            yield return c;
        }

        foreach (var c in HeaderAttacks(op, firstOfPath))
        {
            yield return c;
        }

        if (op.Body is { } body)
        {
            foreach (var c in WholeBodyAttacks(op))
            {
                yield return c;
            }

            foreach (var c in MemberAttacks(op, body, [], "", 0, attacked))
            {
                yield return c;
            }
        }
        else
        {
            yield return new SweepCase(op, "body on an operation without one", "request")
            {
                Body = _ => Encoding.UTF8.GetBytes("{\"x\":1}"),
                ContentType = "application/json",
            };
        }
    }

    /// <summary>A valid value for <paramref name="schema"/> when the document gives no example.</summary>
    public static JsonNode? Synthesize(Schema schema, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        return schema.Kind switch
        {
            "object" => new JsonObject(schema.Properties
                .Where(p => schema.Required.Contains(p.Name))
                .Select(p => KeyValuePair.Create(p.Name, Synthesize(p.Schema, depth + 1)))),
            "array" => schema.Items is { } items ? new JsonArray(Synthesize(items, depth + 1)) : new JsonArray(),
            "integer" or "number" => JsonValue.Create(1),
            "boolean" => JsonValue.Create(true),
            "string" when schema.IsEnum => JsonValue.Create(schema.Enum[0]),
            "string" => JsonValue.Create(schema.Format switch
            {
                "date-time" => "2026-11-26T10:00:00+08:00",
                "date" => "2026-11-01",
                "uuid" => Guid.NewGuid().ToString(),
                _ when schema.Pattern?.Contains(@"\d{2}:\d{2}:\d{2}", StringComparison.Ordinal) == true => "04:00:00",
                _ => "sweep",
            }),
            _ => null,
        };
    }

    private static IEnumerable<SweepCase> RouteAttacks(ApiOperation op, bool firstOfPath, IReadOnlySet<string> methodsOfPath)
    {
        if (firstOfPath)
        {
            foreach (var method in new[] { "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "FOO" }.Where(m => !methodsOfPath.Contains(m)))
            {
                yield return new SweepCase(op, $"method: {method}", "request") { Method = method, RouteAttack = true };
            }
        }

        var rewrites = new (string Class, Func<string, string> Rewrite)[]
        {
            ("path: trailing slash", p => p + "/"),
            ("path: double slash inside", p => p.Replace("/v1/", "/v1//", StringComparison.Ordinal)),
            ("path: leading double slash", p => "/" + p),
            ("path: upper case", p => p.ToUpperInvariant()),
            ("path: percent-encoded letter", p => p.Replace("/api/", "/%61pi/", StringComparison.Ordinal)),
            ("path: encoded dot segment", p => p.Replace("/v1/", "/v1/%2e/", StringComparison.Ordinal)),
            ("path: matrix parameter", p => p + ";x=1"),
            ("path: encoded slash suffix", p => p + "%2F"),
        };
        foreach (var (name, rewrite) in firstOfPath ? rewrites : [])
        {
            yield return new SweepCase(op, name, "path") { PathRewrite = rewrite, RouteAttack = true };
        }
    }

    private static IEnumerable<SweepCase> ParameterAttacks(ApiOperation op)
    {
        foreach (var p in op.In("path"))
        {
            // A NUL (%00) is not among them: the in-process server refuses to build such a path at all.
            var values = new List<(string Class, string Value)>
            {
                ("empty", ""),
                ("encoded slash", "a%2Fb"),
                ("encoded dot-dot", "%2e%2e"),
                ("long", Long),
                ("lone surrogate bytes", "%ED%A0%80"),
                ("invalid UTF-8", "%C3%28"),
            };
            if (p.Schema.Format == "uuid")
            {
                values.AddRange([("not a guid", "not-a-guid"), ("empty guid", Guid.Empty.ToString()), ("unknown guid", Guid.NewGuid().ToString()), ("braced guid", "%7B" + Guid.NewGuid() + "%7D")]);
            }
            else
            {
                values.AddRange([("bad percent-encoding", "%zz"), ("encoded space", "%20"), ("control characters", "%01%1F%7F"), ("unicode specials (RTL override, emoji, zero-width)", "%E2%80%AEx%F0%9F%98%80%E2%80%8B")]);
            }
            foreach (var (name, value) in values)
            {
                yield return new SweepCase(op, $"path parameter: {name}", p.Name) { PathValues = { [p.Name] = value }, RouteAttack = true };
            }
        }

        foreach (var p in op.In("query"))
        {
            foreach (var (name, value) in QueryValues(p.Schema))
            {
                yield return new SweepCase(op, $"query: {name}", p.Name) { Query = { new(p.Name, value) } };
            }

            if (p.Required)
            {
                yield return new SweepCase(op, "query: required parameter missing", p.Name) { Omitted = { p.Name } };
            }

            yield return new SweepCase(op, "query: repeated", p.Name) { Query = { new(p.Name, Sample(p.Schema)), new(p.Name, Sample(p.Schema)) } };
            yield return new SweepCase(op, "query: repeated 1000 times", p.Name) { Query = [.. Enumerable.Repeat(KeyValuePair.Create(p.Name, Sample(p.Schema)), 1000)] };
            yield return new SweepCase(op, "query: name in other case", p.Name) { Query = { new(p.Name.ToUpperInvariant(), Sample(p.Schema)) } };
        }

        if (op.In("query").Any(p => p.Name == "cursor"))
        {
            var tampers = new (string Class, Func<string, string> Tamper)[]
            {
                ("a character changed", c => c[..(c.Length / 2)] + (c[c.Length / 2] == 'A' ? 'B' : 'A') + c[(c.Length / 2 + 1)..]),
                ("truncated", c => c[..^2]),
                ("extended", c => c + "AAAA"),
                ("upper case", c => c.ToUpperInvariant()),
                ("doubled", c => c + c),
            };
            foreach (var (name, tamper) in tampers)
            {
                yield return new SweepCase(op, $"cursor: real one {name}", "cursor") { CursorTamper = tamper };
            }
        }

        yield return new SweepCase(op, "query: unknown parameter", "query") { Query = { new("sweepUnknown", "1") } };
        yield return new SweepCase(op, "query: bare key without value", "query") { Query = { new("sweepFlag", "") } };
    }

    private static string Sample(Schema schema) => Uri.EscapeDataString(Synthesize(schema)?.ToString() ?? "x");

    private static IEnumerable<(string Class, string Value)> QueryValues(Schema s)
    {
        yield return ("empty", "");
        yield return ("long", Long);
                yield return ("encoded NUL", "x%00");
        yield return ("lone surrogate bytes", "%ED%A0%80");
        yield return ("invalid UTF-8", "%C3%28");
        yield return ("bad percent-encoding", "%zz");
        yield return ("control characters", "%01%1F%7F");
        yield return ("unicode specials (RTL override, emoji, zero-width)", "%E2%80%AEx%F0%9F%98%80%E2%80%8B");
        switch (s.Kind)
        {
            case "integer" or "number":
                foreach (var v in new[] { "abc", "1.5", "-1", "0", "2147483647", "2147483648", "1e400", "99999999999999999999", "NaN" })
                {
                    yield return ($"integer: {v}", v);
                }

                break;
            case "boolean":
                foreach (var v in new[] { "yes", "1" })
                {
                    yield return ($"boolean: {v}", v);
                }

                break;
            case "array":
                yield return ("array: 1000 values in one", string.Join("%2C", Enumerable.Repeat("x", 1000)));
                break;
        }

        if (s.IsEnum)
        {
            yield return ("enum: unknown", "NotAValue");
            yield return ("enum: combined comma-space", Uri.EscapeDataString($"{s.Enum[0]}, {s.Enum[^1]}"));
            yield return ("enum: combined comma", Uri.EscapeDataString($"{s.Enum[0]},{s.Enum[^1]}"));
            yield return ("enum: integer", "0");
        }

        if (s.Format == "uuid")
        {
            yield return ("uuid: garbage", "not-a-guid");
            yield return ("uuid: empty guid", Guid.Empty.ToString());
        }

        if (s.Kind == "string" && !s.IsEnum && s.Format != "uuid")
        {
            // Undocumented strings may be timestamps (dueBefore, after), cursors or dates: try those too.
            foreach (var v in new[] { "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2026-11-20T10:00:00", "2026-11-20T10:00:00+08:00", "0001-01-01T00:00:00%2B14:00", "eyJ4IjoxfQ" })
            {
                yield return ($"text: {v}", v);
            }
        }
    }

    private static IEnumerable<SweepCase> HeaderAttacks(ApiOperation op, bool firstOfPath)
    {
        var documented = op.In("header").Select(h => h.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var values = new Dictionary<string, string[]>
        {
            ["Idempotency-Key"] = ["", new string('k', 256), "键", "\"unterminated", "two words", "sweep-fixed-key"],
            ["If-Match"] = ["*", "garbage", "W/\"1\"", "\"0\"", "\"99999999999999999999\"", "\"1\", \"2\"", "", "\"" + new string('9', 10_000) + "\""],
            ["If-None-Match"] = ["*", "garbage", "W/\"1\"", "\"99999999999999999999\"", "\"1\", \"2\""],
        };
        foreach (var (header, attacks) in values.Where(v => documented.Contains(v.Key)))
        {
            foreach (var value in attacks)
            {
                yield return new SweepCase(op, $"header {header}: {Describe(value)}", header) { Headers = { new(header, value) } };
            }

            yield return new SweepCase(op, $"header {header}: twice", header) { Headers = { new(header, "\"1\""), new(header, "\"2\"") } };
        }

        if (op.Method != "GET")
        {
            yield return new SweepCase(op, "race: the same request twice at once", "request") { AtOnce = 2 };
            yield return new SweepCase(op, "race: the same request 4 times at once", "request") { AtOnce = 4 };
        }

        if (documented.Contains("Idempotency-Key"))
        {
            yield return new SweepCase(op, "race: the same request and key 4 times at once", "Idempotency-Key") { Headers = { new("Idempotency-Key", SweepCase.UniqueKey) }, AtOnce = 4 };
            yield return new SweepCase(op, "idempotency: replay", "Idempotency-Key") { Headers = { new("Idempotency-Key", SweepCase.UniqueKey) }, Then = FollowUp.Replay };
            yield return new SweepCase(op, "idempotency: key reused with another body", "Idempotency-Key") { Headers = { new("Idempotency-Key", SweepCase.UniqueKey) }, Then = FollowUp.ReuseKeyWithOtherBody };
        }

        foreach (var value in firstOfPath ? new[] { "xx-YY", "zh-CN;q=abc", new string('a', 10_000), "th-TH-u-ca-buddhist", "zh-CN, en;q=0.1, *;q=0" } : [])
        {
            yield return new SweepCase(op, $"header Accept-Language: {Describe(value)}", "Accept-Language") { Headers = { new("Accept-Language", value) } };
        }
    }

    private static string Describe(string value) => value.Length > 40 ? $"{value.Length} chars" : value.Length == 0 ? "empty" : value.Any(char.IsControl) ? "control char" : value;

    private static IEnumerable<SweepCase> WholeBodyAttacks(ApiOperation op)
    {
        static Func<JsonNode?, byte[]?> Text(string text) => _ => Encoding.UTF8.GetBytes(text);
        var raw = new (string Class, Func<JsonNode?, byte[]?> Body)[]
        {
            ("body: malformed JSON", Text("{\"a\":")),
            ("body: empty", _ => []),
            ("body: JSON null", Text("null")),
            ("body: array instead of object", Text("[]")),
            ("body: string", Text("\"text\"")),
            ("body: 1e400", Text("1e400")),
            ("body: duplicate members", b => Duplicate(b)),
            ("body: nested 100000 deep", _ => Nested(100_000)),
            ("body: deep member", b => DeepMember(b, 10_000)),
            ("body: UTF-8 BOM", b => [0xEF, 0xBB, 0xBF, .. RawJson.Serialize(b)]),
            ("body: trailing garbage", b => [.. RawJson.Serialize(b), .. "x"u8]),
            ("body: trailing comma", b => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(RawJson.Serialize(b)).TrimEnd('}') + ",}")),
            ("body: invalid UTF-8 in a string value", b => InvalidUtf8(b, "\":\"")),
            ("body: invalid UTF-8 in a member name", b => InvalidUtf8(b, "{\"")),
            ("body: UTF-16", b => Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(RawJson.Serialize(b)))),
            ("body: unknown member", b => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(RawJson.Serialize(b)).TrimEnd('}') + (b is JsonObject { Count: > 0 } ? "," : "") + "\"sweepUnknown\":1}")),
        };
        foreach (var (name, body) in raw)
        {
            yield return new SweepCase(op, name, "body") { Body = body, ContentType = "application/json" };
        }

        foreach (var type in new[] { "text/plain", "application/xml", SweepCase.NoContentType, "multipart/form-data; boundary=x", "application/json; charset=latin1", "garbage" })
        {
            yield return new SweepCase(op, $"content type: {type}", "Content-Type") { ContentType = type };
        }

        yield return new SweepCase(op, "body: chunked baseline", "body") { Chunked = true };
        yield return new SweepCase(op, "body: oversized with Content-Length", "body") { Body = _ => Oversized.Value, ContentType = "application/json" };
        yield return new SweepCase(op, "body: oversized chunked", "body") { Body = _ => Oversized.Value, ContentType = "application/json", Chunked = true };
    }

    /// <summary>A JSON object a little beyond the service's default 4 MiB body limit.</summary>
    private static readonly Lazy<byte[]> Oversized = new(() => Encoding.UTF8.GetBytes("{\"x\":\"" + new string('x', (4 * 1024 * 1024) + 16) + "\"}"));

    private static byte[] Duplicate(JsonNode? baseline)
    {
        var text = Encoding.UTF8.GetString(RawJson.Serialize(baseline));
        if (baseline is JsonObject { Count: > 0 } o)
        {
            var first = o.First();
            return Encoding.UTF8.GetBytes(text.TrimEnd('}') + "," + new JsonObject { [first.Key] = JsonValue.Create(12345) }.ToJsonString().TrimStart('{'));
        }

        return Encoding.UTF8.GetBytes(text);
    }

    private static byte[] Nested(int depth) => Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth));

    private static byte[] DeepMember(JsonNode? baseline, int depth)
    {
        var text = Encoding.UTF8.GetString(RawJson.Serialize(baseline));
        var nested = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            nested.Append("{\"a\":");
        }

        nested.Append('1').Append('}', depth);
        if (baseline is JsonObject { Count: > 0 } o)
        {
            var key = o.First().Key;
            var rebuilt = new JsonObject { [key] = RawJson.Marker(nested.ToString()) };
            foreach (var (k, v) in o.Skip(1))
            {
                rebuilt[k] = v?.DeepClone();
            }

            return RawJson.Serialize(rebuilt);
        }

        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>The baseline with bytes that are not UTF-8 right after the first <paramref name="after"/> (the opening quote of a value or a name).</summary>
    private static byte[] InvalidUtf8(JsonNode? baseline, string after)
    {
        var text = Encoding.UTF8.GetString(RawJson.Serialize(baseline));
        var at = text.IndexOf(after, StringComparison.Ordinal);
        if (at < 0)
        {
            return [.. "{\"x\":\""u8, 0xC3, 0x28, 0xFF, .. "\"}"u8];
        }

        var cut = at + after.Length;
        return [.. Encoding.UTF8.GetBytes(text[..cut]), 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes(text[cut..])];
    }

    /// <summary>One step from a node to a member (a name) or an item (an index), with the schema there.</summary>
    private sealed record Step(string? Name, int Index, Schema Schema);

    private static IEnumerable<SweepCase> MemberAttacks(ApiOperation op, Schema schema, List<Step> steps, string path, int depth, HashSet<(Schema, string)> attacked)
    {
        if (depth > MaxDepth)
        {
            yield break;
        }

        if (schema.Kind == "object")
        {
            foreach (var (name, member) in schema.Properties)
            {
                var memberSteps = new List<Step>(steps) { new(name, -1, member) };
                var memberPath = path.Length == 0 ? name : $"{path}.{name}";
                foreach (var c in ValueAttacks(op, op.Body!, memberSteps, memberPath, member, attacked.Add((schema, name))))
                {
                    yield return c;
                }

                foreach (var c in MemberAttacks(op, member, memberSteps, memberPath, depth + 1, attacked))
                {
                    yield return c;
                }
            }
        }
        else if (schema.Kind == "array" && schema.Items is { } items)
        {
            var itemSteps = new List<Step>(steps) { new(null, 0, items) };
            var itemPath = $"{path}[0]";
            if (items.Kind != "object")
            {
                foreach (var c in ValueAttacks(op, op.Body!, itemSteps, itemPath, items, attacked.Add((schema, "[]"))))
                {
                    yield return c;
                }
            }

            foreach (var c in MemberAttacks(op, items, itemSteps, itemPath, depth + 1, attacked))
            {
                yield return c;
            }
        }
    }

    /// <summary>A value to put in place of a member, or the member's removal.</summary>
    private sealed record Value(string Class, Func<JsonNode?, JsonNode?> Make, bool Remove = false);

    /// <summary>What a member attacked again elsewhere still gets: the attacks that reach storage or break parsers.</summary>
    private static readonly string[] Core = ["null", "missing", "wrong type", "NUL", "lone surrogate", "beyond", "1e400", "null item", "enum: combined comma-space", "date-time: 0001", "date-time: 9999"];

    private static IEnumerable<SweepCase> ValueAttacks(ApiOperation op, Schema root, List<Step> steps, string path, Schema s, bool full)
    {
        foreach (var value in Values(s).Where(v => full || Core.Any(c => v.Class.StartsWith(c, StringComparison.Ordinal))))
        {
            yield return new SweepCase(op, $"{s.Kind}: {value.Class}", path)
            {
                Body = baseline => RawJson.Serialize(Apply(baseline, root, steps, value)),
                ContentType = "application/json",
            };
        }
    }

    private static IEnumerable<Value> Values(Schema s)
    {
        static Value Set(string name, JsonNode? node) => new(name, _ => node?.DeepClone());
        static Value Raw(string name, string raw) => new(name, _ => RawJson.Marker(raw));

        yield return Set("null", null);
        yield return new Value("missing", _ => null, Remove: true);
        switch (s.Kind)
        {
            case "string":
                yield return Set("wrong type: number", 12345);
                yield return Set("empty", "");
                yield return Set("whitespace", "   ");
                yield return Set($"beyond maxLength ({(s.MaxLength is { } max ? max + 1 : LongLength)})", s.MaxLength is { } m ? new string('x', m + 1) : Long);
                yield return Set("1 MiB", Huge);
                yield return new Value("NUL", b => Suffix(b, "\u0000"));
                yield return new Value("lone surrogate", b => RawJson.Marker("\"" + Escape(Text(b)) + "\\ud800\""));
                yield return new Value("control characters", b => Suffix(b, "\u0001\u001b\u007f\u0085"));
                yield return new Value("unicode specials (RTL override, emoji, zero-width)", b => Suffix(b, "\u202e\u2066😀👍🏽\u200b\ufeff"));
                break;
            case "integer" or "number":
                yield return Set("wrong type: string", "1");
                yield return Raw("fractional", "1.5");
                yield return Set("negative", -1);
                yield return Set("zero", 0);
                yield return Set("int max", int.MaxValue);
                yield return Raw("beyond int", "2147483648");
                yield return Raw("1e400", "1e400");
                yield return Raw("40 digits", "1234567890123456789012345678901234567890");
                break;
            case "boolean":
                yield return Set("wrong type: string", "true");
                yield return Set("wrong type: number", 1);
                break;
            case "object":
                yield return Set("wrong type: string", "text");
                yield return Set("wrong type: array", new JsonArray());
                yield return Set("empty object", new JsonObject());
                yield return new Value("unknown member", b => Merge(b, s));
                break;
            case "array":
                yield return Set("wrong type: object", new JsonObject());
                yield return Set("empty array", new JsonArray());
                yield return Set("null item", new JsonArray((JsonNode?)null));
                yield return new Value("valid item then null", b => new JsonArray(First(b, s), null));
                yield return new Value("duplicate items", b => new JsonArray(First(b, s), First(b, s)));
                yield return new Value("1001 items", b => new JsonArray([.. Enumerable.Range(0, 1001).Select(_ => First(b, s))]));
                if (s.Items?.Kind is not ("object" or "array"))
                {
                    yield return new Value("100000 items", b => new JsonArray([.. Enumerable.Range(0, 100_000).Select(_ => First(b, s))]));
                }
                break;
        }

        if (s.IsEnum)
        {
            yield return Set("enum: unknown", "NotAValue");
            yield return Set("enum: combined comma-space", $"{s.Enum[0]}, {s.Enum[^1]}");
            yield return Set("enum: combined comma", $"{s.Enum[0]},{s.Enum[^1]}");
            yield return Set("enum: integer", 1);
            yield return Set("enum: lower case", s.Enum[0].ToLowerInvariant());
        }

        if (s.Format == "date-time")
        {
            foreach (var v in new[] { "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "2026-11-26T10:00:00", "yesterday", "2026-02-30T10:00:00+08:00", "2026-12-31T23:59:60Z" })
            {
                yield return Set($"date-time: {v}", v);
            }
        }

        if (s.Format == "date")
        {
            foreach (var v in new[] { "0001-01-01", "9999-12-31", "2026-02-30", "garbage", "2026-11-26T10:00:00Z" })
            {
                yield return Set($"date: {v}", v);
            }
        }

        if (s.Format == "uuid")
        {
            yield return Set("uuid: garbage", "not-a-guid");
            yield return Set("uuid: empty guid", Guid.Empty.ToString());
            yield return Set("uuid: unknown", Guid.NewGuid().ToString());
        }

        if (s.Pattern?.Contains(@"\d{2}:\d{2}:\d{2}", StringComparison.Ordinal) == true)
        {
            foreach (var v in new[] { "10675199.02:48:05.4775807", "-10675199.02:48:05.4775808", "00:00:00", "-01:00:00", "99999999.00:00:00", "00:00:00.0000001" })
            {
                yield return Set($"duration: {v}", v);
            }
        }
    }

    private static string Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : "x";

    private static JsonNode Suffix(JsonNode? node, string suffix) => JsonValue.Create(Text(node) + suffix)!;

    private static string Escape(string text) => JsonValue.Create(text)!.ToJsonString()[1..^1];

    private static JsonNode? First(JsonNode? array, Schema s) =>
        array is JsonArray { Count: > 0 } a ? a[0]?.DeepClone() : s.Items is { } items ? Synthesize(items) : JsonValue.Create("x");

    private static JsonNode Merge(JsonNode? node, Schema s)
    {
        var o = node is JsonObject existing ? (JsonObject)existing.DeepClone() : (JsonObject)Synthesize(s)!;
        o["sweepUnknown"] = 1;
        return o;
    }

    /// <summary>The baseline with <paramref name="value"/> at <paramref name="steps"/>, creating the containers on the way.</summary>
    private static JsonNode? Apply(JsonNode? baseline, Schema root, List<Step> steps, Value value)
    {
        var result = baseline is JsonObject or JsonArray ? baseline.DeepClone() : Synthesize(root);
        var current = result!;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var last = i == steps.Count - 1;
            if (step.Name is { } name)
            {
                var o = current.AsObject();
                if (last)
                {
                    if (value.Remove)
                    {
                        o.Remove(name);
                    }
                    else
                    {
                        o[name] = value.Make(o[name]);
                    }

                    break;
                }

                if (o[name] is not (JsonObject or JsonArray))
                {
                    o[name] = Synthesize(step.Schema) ?? new JsonObject();
                }

                current = o[name]!;
            }
            else
            {
                var a = current.AsArray();
                if (a.Count == 0)
                {
                    a.Add(Synthesize(step.Schema));
                }

                if (last)
                {
                    if (value.Remove)
                    {
                        a.RemoveAt(0);
                    }
                    else
                    {
                        a[0] = value.Make(a[0]);
                    }

                    break;
                }

                if (a[0] is not (JsonObject or JsonArray))
                {
                    a[0] = Synthesize(step.Schema) ?? new JsonObject();
                }

                current = a[0]!;
            }
        }

        return result;
    }
}
