using System.Text.Json.Nodes;

namespace HuiFang.ClientTests;

/// <summary>
/// Every example in the committed document is valid against the schema beside it (JSON Schema 2020-12, the
/// dialect of OpenAPI 3.1): an example that contradicts its schema tells a reader one thing and a generated
/// client another.
/// </summary>
public sealed class DocumentExampleTests
{
    [Fact]
    public void Every_example_is_valid_against_its_schema()
    {
        var examples = Examples().ToList();
        Assert.True(examples.Count > 100, $"only {examples.Count} examples found: is the document's shape what this test expects?");

        var failures = examples
            .Select(e => (e.Location, Errors: CommittedDocument.Validate(e.Schema, e.Example)))
            .Where(r => r.Errors.Count > 0)
            .Select(r => $"{r.Location}: {string.Join("; ", r.Errors)}")
            .ToList();

        Assert.True(failures.Count == 0, $"{failures.Count} of {examples.Count} examples contradict their schema:\n{string.Join("\n", failures)}");
    }

    [Fact]
    public void An_example_that_contradicts_its_schema_is_found()
    {
        var (_, schema, example) = Examples().First(e => e.Location == "POST /api/v1/visit-tasks request application/json");
        Assert.Empty(CommittedDocument.Validate(schema, example));

        var wrongEnum = example.DeepClone().AsObject();
        wrongEnum["channel"] = "Pigeon";
        Assert.NotEmpty(CommittedDocument.Validate(schema, wrongEnum));

        var missingRequired = example.DeepClone().AsObject();
        missingRequired.Remove("purpose");
        Assert.NotEmpty(CommittedDocument.Validate(schema, missingRequired));

        var noChannel = example.DeepClone().AsObject();
        noChannel["channel"] = null;
        Assert.Empty(CommittedDocument.Validate(schema, noChannel));
    }

    [Fact]
    public void A_problem_with_members_of_its_own_is_valid_and_one_without_a_status_is_not()
    {
        var schema = JsonNode.Parse("""{"$ref": "#/components/schemas/ProblemDetails"}""")!;
        var problem = JsonNode.Parse("""
            {"type": "urn:huifang:problem:precondition-failed", "title": "Precondition failed", "status": 412,
             "detail": "…", "code": "precondition-failed", "currentETag": "\"4\"", "traceId": "00-1-2-00"}
            """)!;
        Assert.Empty(CommittedDocument.Validate(schema, problem));

        problem.AsObject().Remove("status");
        Assert.NotEmpty(CommittedDocument.Validate(schema, problem));
    }

    /// <summary>Each example of a request or response body with the schema of its media type.</summary>
    private static IEnumerable<(string Location, JsonNode Schema, JsonNode Example)> Examples()
    {
        foreach (var (path, item) in CommittedDocument.Json["paths"]!.AsObject())
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
}
