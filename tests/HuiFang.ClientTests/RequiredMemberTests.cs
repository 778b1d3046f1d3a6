using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace HuiFang.ClientTests;

/// <summary>
/// A member the committed document lists as required in a request body is one the service refuses to do
/// without: the documented example minus that member is a 400 problem naming it. (The other direction, that
/// an optional member may be left out, is what the examples and the client tests send.)
/// </summary>
public sealed class RequiredMemberTests(ServiceHost host) : IClassFixture<ServiceHost>
{
    private readonly HttpClient _http = host.CreateHttpClient();

    [Fact]
    public async Task Every_required_request_member_is_required_by_the_service()
    {
        var checkedMembers = new List<string>();
        var failures = new List<string>();
        foreach (var (method, template, schema, example) in RequestExamples())
        {
            var required = Resolve(schema)["required"]?.AsArray().Select(r => (string)r!).ToList() ?? [];
            foreach (var member in required.Where(example.ContainsKey))
            {
                var body = example.DeepClone().AsObject();
                body.Remove(member);
                // Every path parameter gets a value ({id}, and {itemId}/{pickId} of the nested resources): a
                // template left in the path matches no route and answers 404 before any validation.
                var path = System.Text.RegularExpressions.Regex.Replace(
                    template.Replace("{externalId}", "C-required-members", StringComparison.Ordinal),
                    @"\{[A-Za-z]+\}", _ => Guid.NewGuid().ToString());
                using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), path)
                {
                    Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
                };
                using var response = await _http.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                var where = $"{method.ToUpperInvariant()} {template} without {member}";
                checkedMembers.Add(where);
                if (response.StatusCode != HttpStatusCode.BadRequest)
                {
                    failures.Add($"{where}: {(int)response.StatusCode} {text}");
                }
                else if (JsonNode.Parse(text)?["errors"] is JsonObject errors && !errors.Any(e => e.Key == member || e.Key.StartsWith(member + ".", StringComparison.Ordinal) || e.Key.StartsWith(member + "[", StringComparison.Ordinal)))
                {
                    failures.Add($"{where}: 400 names {string.Join(", ", errors.Select(e => e.Key))}, not {member}");
                }
            }
        }

        Assert.True(checkedMembers.Count > 20, $"only {checkedMembers.Count} required members found");
        Assert.True(failures.Count == 0, $"{failures.Count} of {checkedMembers.Count} members the document requires are not required by the service:\n{string.Join("\n", failures)}");
    }

    private static IEnumerable<(string Method, string Template, JsonNode Schema, JsonObject Example)> RequestExamples()
    {
        foreach (var (path, item) in CommittedDocument.Json["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (operation!["requestBody"]?["content"]?["application/json"] is { } media
                    && media["schema"] is { } schema
                    && media["example"] is JsonObject example)
                {
                    yield return (method, path, schema, example);
                }
            }
        }
    }

    private static JsonNode Resolve(JsonNode schema) =>
        schema["$ref"] is { } reference
            ? CommittedDocument.Json["components"]!["schemas"]![((string)reference!).Split('/')[^1]]!
            : schema;
}
