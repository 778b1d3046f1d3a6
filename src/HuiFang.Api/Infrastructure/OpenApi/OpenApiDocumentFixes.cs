using System.Text.Json.Nodes;
using System.Text.Json;
using HuiFang.Api.Common;
using Microsoft.OpenApi;

namespace HuiFang.Api.Infrastructure.OpenApi;

/// <summary>
/// Corrections applied to the finished document so that it says what the service does and third-party tools
/// (Spectral, Redocly, NSwag, Kiota, openapi-typescript) read it as meant. Each one names what the framework
/// writes and why that is wrong for this service.
/// </summary>
internal static class OpenApiDocumentFixes
{
    private const string ProblemSchema = "ProblemDetails";
    private const string ValidationProblemSchema = "HttpValidationProblemDetails";

    public static void Apply(OpenApiDocument document)
    {
        if (document.Components?.Schemas is not { } schemas)
        {
            return;
        }

        ReferenceEnums(document, schemas);

        foreach (var schema in schemas.Values.OfType<OpenApiSchema>())
        {
            MakeEnumAStringEnum(schema);
        }

        foreach (var name in new[] { ProblemSchema, ValidationProblemSchema })
        {
            if (schemas.TryGetValue(name, out var problem) && problem is OpenApiSchema schema)
            {
                DescribeProblem(schema, validation: name == ValidationProblemSchema);
            }
        }

        ReplaceJsonElement(schemas);
        ReferenceProblemSchema(document, schemas);
        DescribeTags(document);
    }

    private const string EnumMarker = "huifang-enum";

    /// <summary>An enum's values as the schema lists them: its members' names.</summary>
    public static List<JsonNode> EnumValues(Type enumType) => [.. EnumMembers.Of(enumType).Names.Select(name => (JsonNode)JsonValue.Create(name))];

    /// <summary>Notes on <paramref name="schema"/> the enum it describes (see <see cref="ReferenceEnums"/>).</summary>
    public static OpenApiSchema MarkEnum(OpenApiSchema schema, Type enumType)
    {
        schema.Metadata ??= new Dictionary<string, object>();
        schema.Metadata[EnumMarker] = enumType;
        return schema;
    }

    /// <summary>
    /// Enums are read and written by the service's own converter (one member's name, nothing else), which the
    /// schema exporter cannot see through: it writes each use of an enum inline instead of naming the enum's
    /// component. Each use (a property, an array's items, a parameter) names the component again, nullable ones
    /// as <c>oneOf: [null, $ref]</c>, as the framework does for its own enum converter, so that generators make
    /// one enum type (NSwag and Kiota made a type per property) and the component is described once.
    /// </summary>
    private static void ReferenceEnums(OpenApiDocument document, IDictionary<string, IOpenApiSchema> schemas)
    {
        foreach (var (name, schema) in schemas.ToList())
        {
            if (schema is OpenApiSchema own && EnumOf(own) is { } type && type.Name == name)
            {
                own.Metadata!.Remove(EnumMarker);
            }
        }

        foreach (var schema in schemas.Values.ToList())
        {
            Visit(schema);
        }

        foreach (var operation in document.Paths?.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []) ?? [])
        {
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                parameter.Schema = Replace(parameter.Schema);
            }

            foreach (var media in (operation.RequestBody?.Content?.Values ?? []).Concat(operation.Responses?.Values.SelectMany(r => r.Content?.Values.AsEnumerable() ?? []) ?? []))
            {
                if (media is OpenApiMediaType m)
                {
                    m.Schema = Replace(m.Schema);
                }
            }
        }

        void Visit(IOpenApiSchema? node)
        {
            if (node is not OpenApiSchema schema)
            {
                return;
            }

            foreach (var (key, property) in schema.Properties?.ToList() ?? [])
            {
                schema.Properties![key] = Replace(property)!;
            }

            schema.Items = Replace(schema.Items);
            if (schema.AdditionalProperties is not null)
            {
                schema.AdditionalProperties = Replace(schema.AdditionalProperties);
            }

            foreach (var list in new[] { schema.OneOf, schema.AnyOf, schema.AllOf })
            {
                for (var i = 0; i < (list?.Count ?? 0); i++)
                {
                    list![i] = Replace(list[i])!;
                }
            }
        }

        IOpenApiSchema? Replace(IOpenApiSchema? node)
        {
            if (node is not OpenApiSchema schema || EnumOf(schema) is not { } type)
            {
                Visit(node);
                return node;
            }

            if (!schemas.TryGetValue(type.Name, out var component))
            {
                schemas[type.Name] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Enum = EnumValues(type),
                    Description = OpenApiSetup.SummaryOf(type),
                };
            }
            else if (component is not OpenApiSchema { Enum.Count: > 0 })
            {
                return node; // another schema holds the name: keep the inline enum
            }

            var reference = new OpenApiSchemaReference(type.Name, document) { Description = schema.Description };
            var nullable = schema.Enum?.Any(v => v is null || v.GetValueKind() == JsonValueKind.Null) == true || schema.Type?.HasFlag(JsonSchemaType.Null) == true;
            return nullable ? new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, reference] } : reference;
        }
    }

    private static Type? EnumOf(OpenApiSchema schema) =>
        schema.Metadata?.TryGetValue(EnumMarker, out var type) == true ? type as Type : null;

    /// <summary>
    /// The answers every protected operation can give (401, 403, 409 in flight, 422, 429, 503) are added with a
    /// bare object schema; they are the same problems as the others, so they name the problem schema (their
    /// examples are checked against it, and generated clients get a typed error instead of a class per status).
    /// </summary>
    private static void ReferenceProblemSchema(OpenApiDocument document, IDictionary<string, IOpenApiSchema> schemas)
    {
        if (!schemas.ContainsKey(ProblemSchema))
        {
            return;
        }

        var operations = document.Paths?.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []) ?? [];
        foreach (var response in operations.SelectMany(o => o.Responses?.Values.AsEnumerable() ?? []))
        {
            if (response.Content?.TryGetValue("application/problem+json", out var media) == true
                && media is OpenApiMediaType { Schema: OpenApiSchema { Type: JsonSchemaType.Object, Properties: null or { Count: 0 } } } open)
            {
                open.Schema = new OpenApiSchemaReference(ProblemSchema, document);
            }
        }
    }

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Visit tasks"] = "Follow-up visits: plan them, assign, reschedule, cancel, record failed contact attempts, read the audit trail.",
        ["Feedback"] = "What the customer said: record it (completing the task), correct it, answer open inquiries.",
        ["Questionnaires"] = "The tenant's questionnaires (问卷) and call scripts (话术): versioned, chosen per task by purpose, service type and channel, pinned on the task; the agent's script for a task.",
        ["Service records"] = "Completed jobs reported by other systems; the follow-up policy decides which ones are visited.",
        ["Escalations"] = "Complaints and unsatisfied customers handed to a department under an SLA, until the loop is closed.",
        ["Policies"] = "Per-tenant follow-up (selection, timing), escalation (SLA, routing) and survey-invitation policies.",
        ["Customers"] = "Erasure of a customer's personal data.",
        ["Survey invitations"] = "Links a customer answers a survey from by themselves: create (the link shown once), list, read, revoke.",
        ["Corrective actions"] = "Corrective and preventive actions (纠正预防措施): opened by hand, from a weekly review, or proposed when a problem recurs; implemented, verified against the recurrence rule, closed.",
        ["Spot-checks"] = "The monthly check of the follow-up records (月度抽查): a reproducible sample per agent, each pick explained and judged real, complete, objective and on time.",
        ["Weekly reviews"] = "The supervisor's weekly review of each department's unsatisfied items: open, list, read, decide each item, complete, history.",
        ["Administration"] = "The tenant's API keys and settings (business calendar).",
        ["Events"] = "The feed of integration events, for consumers that cannot reach the message broker.",
        ["Reports"] = "Satisfaction, categories, visits, coverage, SLA and the unsatisfied list, as JSON or CSV.",
    };

    /// <summary>Tags are listed with what they hold (UIs show it as the group's heading).</summary>
    private static void DescribeTags(OpenApiDocument document)
    {
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (string.IsNullOrEmpty(tag.Description) && tag.Name is { } name && TagDescriptions.TryGetValue(name, out var description))
            {
                tag.Description = description;
            }
        }
    }

    /// <summary>
    /// An enum first met as a nullable property becomes a component without a type and with null among its
    /// values. Inside the <c>oneOf: [null, $ref]</c> the framework writes for nullable properties, null then
    /// matches both branches (so no null value is valid), and generators make an object instead of a string
    /// enum (NSwag's client could neither read nor set such a member). The component is a plain string enum;
    /// nullability stays with the property that is nullable.
    /// </summary>
    private static void MakeEnumAStringEnum(OpenApiSchema schema)
    {
        if (schema.Enum is not { Count: > 0 } values || schema.Properties is { Count: > 0 })
        {
            return;
        }

        for (var i = values.Count - 1; i >= 0; i--)
        {
            if (values[i] is null || values[i]!.GetValueKind() == JsonValueKind.Null)
            {
                values.RemoveAt(i);
            }
        }

        schema.Type = JsonSchemaType.String;
    }

    /// <summary>
    /// The framework describes <see cref="Microsoft.AspNetCore.Mvc.ProblemDetails"/> as a closed object of five
    /// nullable members. Every HuiFang problem has a type, title and status, carries its stable code and the
    /// traceId, and adds members of its own (existingTaskId, currentETag, …): the object is open.
    /// </summary>
    private static void DescribeProblem(OpenApiSchema schema, bool validation)
    {
        // Written out (additionalProperties: {}) rather than left implicit: some validators of examples
        // (Redocly's) treat an object without it as closed.
        schema.AdditionalPropertiesAllowed = true;
        schema.AdditionalProperties = new OpenApiSchema();
        schema.Description = validation
            ? "An RFC 9457 problem whose `errors` names each invalid field (JSON path, query parameter name, or `$` for the body)."
            : "An RFC 9457 problem. Members beyond the standard ones depend on the type (e.g. existingTaskId, currentETag, requiredScope).";
        var properties = schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        properties["type"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "What went wrong, as a URI: urn:huifang:problem:<code> for HuiFang's own problems.",
        };
        properties["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A short summary in the language of Accept-Language." };
        properties["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status code." };
        properties["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "What happened in this case." };
        properties["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "The request this problem is about, when set." };
        properties["code"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "The stable code of a HuiFang problem: the last segment of type (validation, do-not-disturb, …).",
        };
        properties["traceId"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "The W3C trace id of the failed request; quote it when reporting an error.",
        };
        schema.Required = new HashSet<string>(StringComparer.Ordinal) { "type", "title", "status" };
    }

    /// <summary>
    /// A <see cref="JsonElement"/> member is any JSON value, null included. The framework makes it an empty
    /// component and wraps nullable uses in <c>oneOf: [null, {}]</c>, where null matches both branches (so
    /// null is invalid) and generators look for a class. Such a member is written as an unconstrained schema.
    /// </summary>
    private static void ReplaceJsonElement(IDictionary<string, IOpenApiSchema> schemas)
    {
        const string name = nameof(JsonElement);
        if (!schemas.TryGetValue(name, out var element) || element is not OpenApiSchema { Properties: null or { Count: 0 } })
        {
            return;
        }

        foreach (var schema in schemas.Values.OfType<OpenApiSchema>())
        {
            foreach (var (key, property) in schema.Properties?.ToList() ?? [])
            {
                if (IsJsonElement(property, name) is { } description)
                {
                    schema.Properties![key] = new OpenApiSchema { Description = description };
                }
            }
        }

        schemas.Remove(name);
    }

    private static string? IsJsonElement(IOpenApiSchema property, string name)
    {
        if (property is OpenApiSchemaReference direct && direct.Reference.Id == name)
        {
            return direct.Description ?? "";
        }

        if (property is OpenApiSchema { OneOf: { Count: 2 } oneOf }
            && oneOf.OfType<OpenApiSchemaReference>().FirstOrDefault(r => r.Reference.Id == name) is { } reference
            && oneOf.OfType<OpenApiSchema>().Any(s => s.Type == JsonSchemaType.Null))
        {
            return reference.Description ?? property.Description ?? "";
        }

        return null;
    }
}
