using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace HuiFang.ClientTests;

/// <summary>The committed openapi/huifang.v1.json, and JSON values checked against its schemas.</summary>
internal static class CommittedDocument
{
    public static readonly JsonObject Json = JsonNode.Parse(File.ReadAllText(DocumentPath()))!.AsObject();

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, JsonSchema> Built = new(StringComparer.Ordinal);

    private static readonly Lock BuildLock = new();

    private static int _built;

    /// <summary>The errors of <paramref name="instance"/> against <paramref name="schema"/>, references resolved in the document's components.</summary>
    public static List<string> Validate(JsonNode schema, JsonNode? instance)
    {
        // Many examples share a schema (the problem schemas above all): each distinct one is built once.
        // Built one at a time, each in its own registry: JsonSchema.Net's global registry is not safe for
        // builds running side by side (a parallel class once failed to resolve its own #/$defs reference).
        var built = Built.GetOrAdd(schema.ToJsonString(), _ =>
        {
            lock (BuildLock)
            {
                var root = new JsonObject
                {
                    ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
                    ["$defs"] = Json["components"]!["schemas"]!.DeepClone(),
                    ["allOf"] = new JsonArray(schema.DeepClone()),
                };
                var text = root.ToJsonString().Replace("\"#/components/schemas/", "\"#/$defs/", StringComparison.Ordinal);
                return JsonSchema.FromText(
                    text,
                    new BuildOptions { SchemaRegistry = new SchemaRegistry() },
                    new Uri($"https://huifang.example/openapi/{Interlocked.Increment(ref _built)}"));
            }
        });

        using var json = JsonDocument.Parse(instance?.ToJsonString() ?? "null");
        var result = built.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Distinct()];
    }

    private static string DocumentPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "openapi", "huifang.v1.json");
            if (File.Exists(Path.Combine(dir.FullName, "HuiFang.sln")) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("openapi/huifang.v1.json not found above the test output folder.");
    }
}
