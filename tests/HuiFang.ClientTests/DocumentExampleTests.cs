using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace HuiFang.ClientTests;

/// <summary>
/// Every example in the committed document is valid against the schema beside it (JSON Schema 2020-12, the
/// dialect of OpenAPI 3.1): an example that contradicts its schema tells a reader one thing and a generated
/// client another.
/// </summary>
public sealed class DocumentExampleTests
{
    private static readonly JsonObject Document = JsonNode.Parse(File.ReadAllText(DocumentPath()))!.AsObject();

    [Fact]
    public void Every_example_is_valid_against_its_schema()
    {
        var examples = Examples().ToList();
        Assert.True(examples.Count > 100, $"only {examples.Count} examples found: is the document's shape what this test expects?");

        var failures = examples
            .Select(e => (e.Location, Errors: Validate(e.Schema, e.Example)))
            .Where(r => r.Errors.Count > 0)
            .Select(r => $"{r.Location}: {string.Join("; ", r.Errors)}")
            .ToList();

        Assert.True(failures.Count == 0, $"{failures.Count} of {examples.Count} examples contradict their schema:\n{string.Join("\n", failures)}");
    }

    [Fact]
    public void An_example_that_contradicts_its_schema_is_found()
    {
        var (_, schema, example) = Examples().First(e => e.Location == "POST /api/v1/visit-tasks request application/json");
        Assert.Empty(Validate(schema, example));

        var wrongEnum = example.DeepClone().AsObject();
        wrongEnum["channel"] = "Pigeon";
        Assert.NotEmpty(Validate(schema, wrongEnum));

        var missingRequired = example.DeepClone().AsObject();
        missingRequired.Remove("purpose");
        Assert.NotEmpty(Validate(schema, missingRequired));

        var noChannel = example.DeepClone().AsObject();
        noChannel["channel"] = null;
        Assert.Empty(Validate(schema, noChannel));
    }

    [Fact]
    public void A_problem_with_members_of_its_own_is_valid_and_one_without_a_status_is_not()
    {
        var schema = JsonNode.Parse("""{"$ref": "#/components/schemas/ProblemDetails"}""")!;
        var problem = JsonNode.Parse("""
            {"type": "urn:huifang:problem:precondition-failed", "title": "Precondition failed", "status": 412,
             "detail": "…", "code": "precondition-failed", "currentETag": "\"4\"", "traceId": "00-1-2-00"}
            """)!;
        Assert.Empty(Validate(schema, problem));

        problem.AsObject().Remove("status");
        Assert.NotEmpty(Validate(schema, problem));
    }

    /// <summary>Each example of a request or response body with the schema of its media type.</summary>
    private static IEnumerable<(string Location, JsonNode Schema, JsonNode Example)> Examples()
    {
        foreach (var (path, item) in Document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var name = $"{method.ToUpperInvariant()} {path}";
                if (operation!["requestBody"]?["content"] is JsonObject request)
                {
                    foreach (var found in MediaExamples($"{name} request", request))
                    {
                        yield return found;
                    }
                }

                foreach (var (status, response) in operation["responses"]?.AsObject() ?? [])
                {
                    if (response!["content"] is JsonObject content)
                    {
                        foreach (var found in MediaExamples($"{name} {status}", content))
                        {
                            yield return found;
                        }
                    }
                }
            }
        }
    }

    private static IEnumerable<(string, JsonNode, JsonNode)> MediaExamples(string location, JsonObject content)
    {
        foreach (var (mediaType, media) in content)
        {
            if (media!["schema"] is not { } schema)
            {
                continue;
            }

            if (media["example"] is { } example)
            {
                yield return ($"{location} {mediaType}", schema, example);
            }

            foreach (var (key, named) in media["examples"]?.AsObject() ?? [])
            {
                if (named!["value"] is { } value)
                {
                    yield return ($"{location} {mediaType} ({key})", schema, value);
                }
            }
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, JsonSchema> Built = new(StringComparer.Ordinal);

    private static int _built;

    /// <summary>The errors of <paramref name="instance"/> against <paramref name="schema"/>, references resolved in the document's components.</summary>
    private static List<string> Validate(JsonNode schema, JsonNode? instance)
    {
        // Many examples share a schema (the problem schemas above all): each distinct one is built once.
        var built = Built.GetOrAdd(schema.ToJsonString(), _ =>
        {
            var root = new JsonObject
            {
                ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
                ["$defs"] = Document["components"]!["schemas"]!.DeepClone(),
                ["allOf"] = new JsonArray(schema.DeepClone()),
            };
            var text = root.ToJsonString().Replace("\"#/components/schemas/", "\"#/$defs/", StringComparison.Ordinal);
            return JsonSchema.FromText(text, baseUri: new Uri($"https://huifang.example/openapi/{Interlocked.Increment(ref _built)}"));
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
