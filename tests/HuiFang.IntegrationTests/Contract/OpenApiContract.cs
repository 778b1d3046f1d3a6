using System.Text.Json.Nodes;

namespace HuiFang.IntegrationTests.Contract;

/// <summary>One operation of the served OpenAPI document, as much of it as the sweep needs.</summary>
public sealed record ApiOperation(
    string Method,
    string PathTemplate,
    string OperationId,
    IReadOnlyList<ApiParameter> Parameters,
    Schema? Body,
    JsonNode? BodyExample,
    IReadOnlySet<int> Documented,
    string? Scope)
{
    public string Name => $"{Method} {PathTemplate}";

    public IEnumerable<ApiParameter> In(string location) => Parameters.Where(p => p.In == location);
}

public sealed record ApiParameter(string Name, string In, bool Required, Schema Schema, string? Example = null);

/// <summary>
/// A JSON schema of the document with references followed and the "or null" of nullable members
/// (<c>type: [null, string]</c>, <c>oneOf: [null, $ref]</c>) folded into <see cref="Nullable"/>.
/// </summary>
public sealed class Schema
{
    public string Kind { get; init; } = "any"; // object, array, string, integer, number, boolean, any

    public bool Nullable { get; init; }

    public string? Format { get; init; }

    public string? Pattern { get; init; }

    public int? MaxLength { get; init; }

    public IReadOnlyList<string> Enum { get; init; } = [];

    public IReadOnlyList<(string Name, Schema Schema)> Properties { get; init; } = [];

    public IReadOnlySet<string> Required { get; init; } = new HashSet<string>();

    public Schema? Items { get; init; }

    public bool IsEnum => Enum.Count > 0;
}

/// <summary>Reads the served document into <see cref="ApiOperation"/>s, nothing hand-listed.</summary>
public static class OpenApiContract
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    public static IReadOnlyList<ApiOperation> Read(JsonObject document)
    {
        var schemas = document["components"]?["schemas"]?.AsObject() ?? [];
        var reader = new SchemaReader(schemas);
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            var shared = item!["parameters"]?.AsArray() ?? [];
            foreach (var (method, node) in item.AsObject().Where(m => Methods.Contains(m.Key)))
            {
                var operation = node!.AsObject();
                var parameters = shared.Concat(operation["parameters"]?.AsArray() ?? [])
                    .Select(p => Deref(p!, document))
                    .Select(p => new ApiParameter((string)p["name"]!, (string)p["in"]!, (bool?)p["required"] ?? false, reader.Read(p["schema"]), (p["example"] ?? p["schema"]?["example"])?.ToString()))
                    .ToList();
                var json = operation["requestBody"]?["content"]?["application/json"];
                var scope = operation["security"]?.AsArray().SelectMany(s => s!.AsObject().SelectMany(r => r.Value!.AsArray())).Select(s => (string?)s).FirstOrDefault();
                operations.Add(new ApiOperation(
                    method.ToUpperInvariant(),
                    path,
                    (string?)operation["operationId"] ?? $"{method} {path}",
                    parameters,
                    json is null ? null : reader.Read(json["schema"]),
                    json?["example"]?.DeepClone(),
                    operation["responses"]!.AsObject().Select(r => int.TryParse(r.Key, out var status) ? status : 0).Where(s => s > 0).ToHashSet(),
                    scope));
            }
        }

        return operations;
    }

    private static JsonObject Deref(JsonNode node, JsonObject document)
    {
        while (node["$ref"] is { } reference)
        {
            node = ((string)reference!).TrimStart('#', '/').Split('/').Aggregate((JsonNode)document, (n, part) => n[part]!);
        }

        return node.AsObject();
    }

    private sealed class SchemaReader(JsonObject schemas)
    {
        private readonly Dictionary<string, Schema> _named = [];

        public Schema Read(JsonNode? node, int depth = 0)
        {
            if (node is not JsonObject schema || depth > 12)
            {
                return new Schema();
            }

            if ((string?)schema["$ref"] is { } reference)
            {
                var name = reference[(reference.LastIndexOf('/') + 1)..];
                if (!_named.TryGetValue(name, out var named))
                {
                    named = Read(schemas[name], depth + 1);
                    _named[name] = named;
                }

                return named;
            }

            if ((schema["oneOf"] ?? schema["anyOf"]) is { } alternatives)
            {
                var options = alternatives.AsArray().Where(a => (string?)a!["type"] != "null").ToList();
                var nullable = options.Count < alternatives.AsArray().Count;
                var inner = options.Count > 0 ? Read(options[0], depth + 1) : new Schema();
                return With(inner, nullable);
            }

            var types = schema["type"] switch
            {
                JsonArray array => array.Select(t => (string)t!).ToList(),
                JsonValue value => [(string)value!],
                _ => [],
            };
            var kind = types.FirstOrDefault(t => t != "null")
                ?? (schema["properties"] is not null ? "object" : schema["enum"] is not null ? "string" : schema["items"] is not null ? "array" : "any");
            var properties = schema["properties"]?.AsObject().Select(p => (p.Key, Read(p.Value, depth + 1))).ToList() ?? [];
            return new Schema
            {
                Kind = kind,
                Nullable = types.Contains("null") || schema["enum"]?.AsArray().Any(e => e is null) == true,
                Format = (string?)schema["format"],
                Pattern = (string?)schema["pattern"],
                MaxLength = (int?)schema["maxLength"],
                Enum = schema["enum"]?.AsArray().OfType<JsonNode>().Select(e => e.ToString()).ToList() ?? [],
                Properties = properties,
                Required = schema["required"]?.AsArray().Select(r => (string)r!).ToHashSet() ?? [],
                Items = schema["items"] is { } items ? Read(items, depth + 1) : null,
            };
        }

        private static Schema With(Schema s, bool nullable) => new()
        {
            Kind = s.Kind,
            Nullable = s.Nullable || nullable,
            Format = s.Format,
            Pattern = s.Pattern,
            MaxLength = s.MaxLength,
            Enum = s.Enum,
            Properties = s.Properties,
            Required = s.Required,
            Items = s.Items,
        };
    }
}
