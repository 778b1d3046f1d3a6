using System.Text.Json;
using HuiFang.Api.Common;
using System.Text.Json.Nodes;
using HuiFang.Api.Infrastructure.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace HuiFang.Api.Infrastructure.OpenApi;

public static class OpenApiSetup
{
    public const string DocumentPath = "/openapi/v1.json";

    public static IServiceCollection AddHuiFangOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi("v1", o =>
        {
            o.AddDocumentTransformer((document, context, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "HuiFang API",
                    Version = "v1",
                    Description = """
                        HuiFang (回访) runs customer follow-up work: it plans visit tasks for completed jobs,
                        records contact attempts, and keeps the loop open until the customer is satisfied.
                        Timestamps are ISO-8601 with an offset; enums are strings; every error is an RFC 9457
                        problem (application/problem+json) with a traceId. Send Accept-Language: zh-CN for
                        Chinese messages.

                        Every call needs a caller: an API key in `X-Api-Key` (click Authorize) or, when the
                        organisation's identity provider is configured, a bearer token. Each operation names the
                        scope it needs. Data belongs to the caller's tenant only: another tenant's resource is
                        answered with 404. Phone numbers are masked unless the caller has `pii:read`. POST operations accept
                        `Idempotency-Key` for safe retries; state changes accept `If-Match` with the ETag of a
                        previous read (412 when the resource changed since).
                        """,
                };

                SecurityDocs.AddSchemes(document, context.ApplicationServices);

                // The served document must not depend on the host that asked for it (it is committed): one
                // relative server, the host the document was read from. Generators need one to name a base
                // URL; a client of another deployment passes its own.
                document.Servers = [new OpenApiServer { Url = "/", Description = "The HuiFang deployment that serves this document." }];
                OpenApiDocumentFixes.Apply(document);
                return Task.CompletedTask;
            });
            o.AddSchemaTransformer((schema, context, _) =>
            {
                // Timestamps go through a custom converter, which the schema exporter cannot see through.
                var type = context.JsonTypeInfo.Type;
                if (type == typeof(DateTimeOffset) || type == typeof(DateTimeOffset?))
                {
                    schema.Type = type == typeof(DateTimeOffset) ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
                    schema.Format = "date-time";
                    schema.Pattern = null;
                }

                // Enums travel as one member's name (StrictEnumConverter), which the schema exporter cannot
                // see through: list the names as it would for the framework's converter (null included for a
                // nullable enum).
                var enumType = Nullable.GetUnderlyingType(type) ?? type;
                if (enumType.IsEnum && schema.Enum is not { Count: > 0 })
                {
                    OpenApiDocumentFixes.MarkEnum(schema, enumType);
                    schema.Enum = OpenApiDocumentFixes.EnumValues(enumType);
                    if (enumType != type)
                    {
                        schema.Enum.Add(null!);
                    }
                }

                // A list of enums: the exporter drops its items along with the enum's schema.
                if (schema.Items is null && type != typeof(string) && ElementType(type) is { IsEnum: true } element)
                {
                    schema.Items = OpenApiDocumentFixes.MarkEnum(
                        new OpenApiSchema
                        {
                            Type = JsonSchemaType.String,
                            Enum = OpenApiDocumentFixes.EnumValues(element),
                        },
                        element);
                }

                // Enums travel as their names; say so, or UIs show "any".
                if (type.IsEnum && schema.Enum is { Count: > 0 })
                {
                    schema.Type = JsonSchemaType.String;
                }

                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                SecurityDocs.Apply(operation, context.Description.ActionDescriptor.EndpointMetadata, context.Document!, context.ApplicationServices);
                OpenApiExamples.Apply(operation, context.Description.ActionDescriptor.EndpointMetadata);
                DocumentedAsRequiredAttribute.Apply(operation, context.Description);
                foreach (var parameter in operation.Parameters ?? [])
                {
                    if (parameter is OpenApiParameter p && string.IsNullOrEmpty(p.Description) && ParameterDocs.Value.TryGetValue(p.Name ?? "", out var text))
                    {
                        p.Description = text;
                    }
                }

                return Task.CompletedTask;
            });
        });
        return services;
    }

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    /// <summary>
    /// Query and route parameters documented once, in the XML docs of the request records (the
    /// framework does not carry them over for [AsParameters] records).
    /// </summary>
    private static readonly Lazy<Dictionary<string, string>> ParameterDocs = new(() =>
    {
        var docs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["id"] = "The resource's id.",
            ["externalId"] = "The customer's id in the calling system.",
            ["If-Match"] = "Entity tag(s) from a previous read (ETag), e.g. \"3\", or *: the change is made only if the resource still has that version (412 otherwise).",
            ["If-None-Match"] = "The ETag of a previous read: 304 Not Modified when the resource still has that version.",
        };
        var path = Path.ChangeExtension(typeof(OpenApiSetup).Assembly.Location, ".xml");
        if (!File.Exists(path))
        {
            return docs;
        }

        var queryRecords = new[] { typeof(Features.VisitTasks.ListVisitTasks.ListVisitTasks) };
        var xml = System.Xml.Linq.XDocument.Load(path);
        foreach (var type in queryRecords)
        {
            var member = xml.Descendants("member").FirstOrDefault(m => (string?)m.Attribute("name") == $"T:{type.FullName}");
            foreach (var param in member?.Elements("param") ?? [])
            {
                docs[JsonNamingPolicy.CamelCase.ConvertName((string)param.Attribute("name")!)] = param.Value.Trim();
            }
        }

        return docs;
    });

    private static readonly Lazy<System.Xml.Linq.XDocument?> XmlDocs = new(() =>
    {
        var path = Path.ChangeExtension(typeof(OpenApiSetup).Assembly.Location, ".xml");
        return File.Exists(path) ? System.Xml.Linq.XDocument.Load(path) : null;
    });

    /// <summary>The XML summary of <paramref name="type"/>, for schemas the framework does not describe itself.</summary>
    internal static string? SummaryOf(Type type) =>
        XmlDocs.Value?.Descendants("member").FirstOrDefault(m => (string?)m.Attribute("name") == $"T:{type.FullName}")?.Element("summary")?.Value.Trim() is { Length: > 0 } text
            ? System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ")
            : null;

    private static readonly JsonSerializerOptions ResponseJson = CreateJson(request: false);
    private static readonly JsonSerializerOptions RequestJson = CreateJson(request: true);

    /// <summary>
    /// An example as the wire carries it. Requests are shown as a caller would write them: without
    /// nulls and with the caller's own offsets (the service answers in UTC).
    /// </summary>
    internal static JsonNode? ToNode(object value, bool request = false) =>
        JsonSerializer.SerializeToNode(value, value.GetType(), request ? RequestJson : ResponseJson);

    private static JsonSerializerOptions CreateJson(bool request)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        if (request)
        {
            options.Converters.Add(new OffsetKeepingConverter());
            options.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
        }

        HttpSetup.ConfigureJson(options);
        return options;
    }

    private sealed class OffsetKeepingConverter : System.Text.Json.Serialization.JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString(Common.StrictDateTimeOffsetConverter.Format, System.Globalization.CultureInfo.InvariantCulture));
    }
}
