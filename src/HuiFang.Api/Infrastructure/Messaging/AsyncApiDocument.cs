using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Xml.Linq;
using HuiFang.Api.Infrastructure.Outbox;
using HuiFang.Contracts;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HuiFang.Api.Infrastructure.Messaging;

/// <summary>
/// The AsyncAPI 3.0 document of HuiFang's events, generated from the contract types and their XML
/// documentation, so that it cannot drift from what the dispatcher publishes. Served at
/// <see cref="Path"/> and committed as <c>openapi/huifang.events.asyncapi.yaml</c> (a test compares them).
/// </summary>
public static class AsyncApiDocument
{
    public const string Path = "/asyncapi/huifang.events.yaml";

    private static readonly Lazy<string> Yaml = new(() => ToYaml(Build()));

    public static string Render() => Yaml.Value;

    public static IEndpointRouteBuilder MapAsyncApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, () => Results.Text(Render(), "application/yaml; charset=utf-8")).ExcludeFromDescription().AllowAnonymous();
        return app;
    }

    private static JsonObject Build()
    {
        var docs = XmlDocs.For(typeof(IIntegrationEvent).Assembly);
        var channels = new JsonObject();
        var operations = new JsonObject();
        var messages = new JsonObject();
        var schemas = new JsonObject { ["Headers"] = HeadersSchema() };

        foreach (var type in IntegrationEvents.All)
        {
            var contract = IntegrationEvents.Describe(type);
            var channel = char.ToLowerInvariant(type.Name[0]) + type.Name[1..];
            var summary = docs.Summary(type);
            channels[channel] = new JsonObject
            {
                ["address"] = contract.Exchange,
                ["description"] = $"Fanout exchange `{contract.Exchange}`: bind a queue to it to receive every {type.Name}.",
                ["messages"] = new JsonObject { [type.Name] = Ref($"#/components/messages/{type.Name}") },
                ["bindings"] = new JsonObject
                {
                    ["amqp"] = new JsonObject
                    {
                        ["is"] = "routingKey",
                        ["exchange"] = new JsonObject { ["name"] = contract.Exchange, ["type"] = "fanout", ["durable"] = true, ["autoDelete"] = false, ["vhost"] = "/" },
                        ["bindingVersion"] = "0.3.0",
                    },
                },
            };
            operations["publish" + type.Name] = new JsonObject
            {
                ["action"] = "send",
                ["channel"] = Ref($"#/channels/{channel}"),
                ["summary"] = summary,
                ["messages"] = new JsonArray(Ref($"#/channels/{channel}/messages/{type.Name}")),
            };
            messages[type.Name] = new JsonObject
            {
                ["name"] = type.Name,
                ["title"] = $"{type.Name} v{contract.Version}",
                ["summary"] = summary,
                ["contentType"] = "application/vnd.masstransit+json",
                ["headers"] = Ref("#/components/schemas/Headers"),
                ["payload"] = new JsonObject
                {
                    ["type"] = "object",
                    ["description"] = $"MassTransit's JSON envelope; the event is `message`. `messageId` is the event id; `messageType` includes `urn:message:HuiFang.Contracts:{type.Name}`.",
                    ["required"] = new JsonArray("messageId", "messageType", "message"),
                    ["properties"] = new JsonObject
                    {
                        ["messageId"] = new JsonObject { ["type"] = "string", ["format"] = "uuid", ["description"] = "Equals message.eventId and the AMQP message_id property; the same on every redelivery." },
                        ["messageType"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
                        ["sentTime"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
                        ["headers"] = new JsonObject { ["type"] = "object" },
                        ["message"] = Ref($"#/components/schemas/{type.Name}"),
                    },
                },
            };
            schemas[type.Name] = EventSchema(type, docs);
        }

        // The one message HuiFang consumes: completed jobs reported by other systems (plain JSON or MassTransit's envelope).
        var intake = typeof(ServiceRecordCompleted);
        var intakeContract = IntegrationEvents.Describe(intake);
        channels["serviceRecordCompleted"] = new JsonObject
        {
            ["address"] = intakeContract.Exchange,
            ["description"] = $"Fanout exchange `{intakeContract.Exchange}`, bound to HuiFang's queue `huifang.intake`. Publish a ServiceRecordCompleted here; a message HuiFang cannot take goes to `huifang.intake_error`.",
            ["messages"] = new JsonObject { [intake.Name] = Ref($"#/components/messages/{intake.Name}") },
            ["bindings"] = new JsonObject
            {
                ["amqp"] = new JsonObject
                {
                    ["is"] = "routingKey",
                    ["exchange"] = new JsonObject { ["name"] = intakeContract.Exchange, ["type"] = "fanout", ["durable"] = true, ["autoDelete"] = false, ["vhost"] = "/" },
                    ["bindingVersion"] = "0.3.0",
                },
            },
        };
        operations["receive" + intake.Name] = new JsonObject
        {
            ["action"] = "receive",
            ["channel"] = Ref("#/channels/serviceRecordCompleted"),
            ["summary"] = docs.Summary(intake),
            ["messages"] = new JsonArray(Ref($"#/channels/serviceRecordCompleted/messages/{intake.Name}")),
        };
        messages[intake.Name] = new JsonObject
        {
            ["name"] = intake.Name,
            ["title"] = $"{intake.Name} v{intakeContract.Version}",
            ["summary"] = docs.Summary(intake),
            ["contentType"] = "application/json",
            ["payload"] = Ref($"#/components/schemas/{intake.Name}"),
        };
        schemas[intake.Name] = EventSchema(intake, docs);

        return new JsonObject
        {
            ["asyncapi"] = "3.0.0",
            ["info"] = new JsonObject
            {
                ["title"] = "HuiFang integration events",
                ["version"] = typeof(IIntegrationEvent).Assembly.GetName().Version!.ToString(3),
                ["description"] = """
                    Events HuiFang publishes to RabbitMQ after the change that caused them has been committed
                    (transactional outbox). Delivery is at least once: de-duplicate by `eventId` (also the AMQP
                    `message_id`). Events about one task or escalation are published in the order they happened.
                    Each event type has its own durable fanout exchange; bind your own durable queue to the ones
                    you need. The same events, with the same ids, are readable over HTTP: `GET /api/v1/events`.
                    The .NET contract types are in the HuiFang.Contracts package.
                    """,
            },
            ["defaultContentType"] = "application/vnd.masstransit+json",
            ["servers"] = new JsonObject
            {
                ["rabbitmq"] = new JsonObject
                {
                    ["host"] = "localhost:5672",
                    ["protocol"] = "amqp",
                    ["protocolVersion"] = "0.9.1",
                    ["description"] = "The broker HuiFang is configured with (HuiFang:Messaging:RabbitMq); docker compose exposes it on localhost:5672.",
                },
            },
            ["channels"] = channels,
            ["operations"] = operations,
            ["components"] = new JsonObject { ["messages"] = messages, ["schemas"] = schemas },
        };
    }

    private static JsonObject HeadersSchema() => new()
    {
        ["type"] = "object",
        ["description"] = "AMQP headers set on every event, for routing and filtering without parsing the body.",
        ["properties"] = new JsonObject
        {
            [OutboxDispatcher.EventTypeHeader] = new JsonObject { ["type"] = "string", ["description"] = "Contract type name, e.g. VisitTaskCreated." },
            [OutboxDispatcher.EventVersionHeader] = new JsonObject { ["type"] = "integer", ["description"] = "Contract version." },
            [OutboxDispatcher.TenantHeader] = new JsonObject { ["type"] = "string", ["description"] = "The tenant the event belongs to." },
        },
    };

    /// <summary>How MassTransit writes the contracts: camelCase, numbers as numbers, nullability as the contract types annotate it.</summary>
    private static readonly JsonSerializerOptions ContractJson = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.Strict,
        RespectNullableAnnotations = true,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    /// <summary>
    /// The JSON schema of a contract type, exported by System.Text.Json, with the descriptions of its XML
    /// documentation, <c>x-personal-data</c> on fields erased with the customer's data, <c>int32</c> on integers,
    /// and the non-nullable fields required.
    /// </summary>
    private static JsonNode EventSchema(Type type, XmlDocs docs) =>
        ContractJson.GetJsonSchemaAsNode(type, new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, schema) => Describe(context, (JsonObject)schema, docs),
        });

    private static JsonObject Describe(JsonSchemaExporterContext context, JsonObject schema, XmlDocs docs)
    {
        var member = context.PropertyInfo?.AttributeProvider as PropertyInfo;
        var description = member is null ? docs.Summary(context.TypeInfo.Type) : docs.Property(member.DeclaringType!, member.Name);
        if (context.TypeInfo.Kind == JsonTypeInfoKind.Object)
        {
            var properties = schema["properties"]!.AsObject();
            return new JsonObject
            {
                ["type"] = "object",
                ["description"] = description,
                ["required"] = new JsonArray([.. properties.Where(p => !Nullable(p.Value!)).Select(p => JsonValue.Create(p.Key))]),
                ["properties"] = properties.DeepClone(),
            };
        }

        // What describes the values, not the default of an optional constructor parameter.
        schema.Remove("default");
        if ((System.Nullable.GetUnderlyingType(context.TypeInfo.Type) ?? context.TypeInfo.Type) == typeof(int))
        {
            schema["format"] = "int32";
        }

        if (member is not null)
        {
            schema["description"] = description;
            if (member.GetCustomAttribute<PersonalDataAttribute>() is not null)
            {
                schema["x-personal-data"] = true;
            }
        }

        return schema;

        static bool Nullable(JsonNode property) => property["type"] is JsonArray types && types.Any(t => (string?)t == "null");
    }

    private static JsonObject Ref(string target) => new() { ["$ref"] = target };

    /// <summary>
    /// The document as YAML, written by YamlDotNet's emitter: block mappings and sequences, every string
    /// double-quoted, keys plain where they are plain words.
    /// </summary>
    private static string ToYaml(JsonNode root)
    {
        var yaml = new StringWriter { NewLine = "\n" };
        yaml.Write("# Generated from HuiFang.Contracts; do not edit. Served at " + Path + ".\n");
        var emitter = new Emitter(yaml, EmitterSettings.Default.WithBestWidth(int.MaxValue).WithIndentedSequences().WithNewLine("\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Write(root);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return yaml.ToString();

        void Write(JsonNode node)
        {
            switch (node)
            {
                case JsonObject map:
                    emitter.Emit(new MappingStart(null, null, isImplicit: true, map.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                    foreach (var (key, value) in map)
                    {
                        var plain = key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
                        emitter.Emit(new Scalar(null, null, key, plain ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted, isPlainImplicit: plain, isQuotedImplicit: !plain));
                        Write(value!);
                    }

                    emitter.Emit(new MappingEnd());
                    break;
                case JsonArray list:
                    emitter.Emit(new SequenceStart(null, null, isImplicit: true, list.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                    foreach (var item in list)
                    {
                        Write(item!);
                    }

                    emitter.Emit(new SequenceEnd());
                    break;
                case JsonValue value when value.GetValueKind() is JsonValueKind.String:
                    emitter.Emit(new Scalar(null, null, value.GetValue<string>(), ScalarStyle.DoubleQuoted, isPlainImplicit: false, isQuotedImplicit: true));
                    break;
                default:
                    emitter.Emit(new Scalar(null, null, node.ToJsonString(), ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                    break;
            }
        }
    }

    /// <summary>The contract assembly's XML documentation (shipped next to it), whitespace-normalised.</summary>
    private sealed class XmlDocs(Dictionary<string, XElement> members)
    {
        public static XmlDocs For(Assembly assembly)
        {
            var path = System.IO.Path.ChangeExtension(assembly.Location, ".xml");
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"The XML documentation of {assembly.GetName().Name} is missing; it is generated at build (GenerateDocumentationFile) and must ship next to the assembly.", path);
            }

            return new XmlDocs(XDocument.Load(path).Descendants("member").ToDictionary(m => (string)m.Attribute("name")!));
        }

        public string Summary(Type type) => Text(members.GetValueOrDefault($"T:{type.FullName}")?.Element("summary"));

        public string Property(Type type, string property) =>
            Text(members.GetValueOrDefault($"P:{type.FullName}.{property}")?.Element("summary")) is { Length: > 0 } text
                ? text
                : Text(members.GetValueOrDefault($"T:{type.FullName}")?.Elements("param").FirstOrDefault(p => (string?)p.Attribute("name") == property));

        private static string Text(XElement? element)
        {
            if (element is null)
            {
                return "";
            }

            var text = string.Concat(element.Nodes().Select(n => n switch
            {
                XText t => t.Value,
                XElement { Name.LocalName: "c" } c => $"`{c.Value}`",
                XElement { Name.LocalName: "see" } see => ((string?)see.Attribute("cref"))?.Split('.').Last() ?? see.Value,
                XElement e => e.Value,
                _ => "",
            }));
            return string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        }
    }
}
