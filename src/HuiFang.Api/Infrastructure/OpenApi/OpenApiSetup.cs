using System.Text.Json;
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
            o.AddDocumentTransformer((document, _, _) =>
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
                        """,
                };

                // The served document must not depend on the host that asked for it (it is committed).
                document.Servers = [];
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

                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                OpenApiExamples.Apply(operation, context.Description.ActionDescriptor.EndpointMetadata);
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

    /// <summary>
    /// Query and route parameters documented once, in the XML docs of the request records (the
    /// framework does not carry them over for [AsParameters] records).
    /// </summary>
    private static readonly Lazy<Dictionary<string, string>> ParameterDocs = new(() =>
    {
        var docs = new Dictionary<string, string>(StringComparer.Ordinal) { ["id"] = "The visit task's id." };
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

    internal static JsonNode? ToNode(object value)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        HttpSetup.ConfigureJson(options);
        return JsonSerializer.SerializeToNode(value, options);
    }
}
