using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using HuiFang.IntegrationTests.Infrastructure;

namespace HuiFang.IntegrationTests.Operations;

/// <summary>Responses worth compressing leave compressed when the caller accepts it, and read back the same.</summary>
public sealed class CompressionTests(SqliteApiFixture fixture) : ApiTestBase(fixture), IClassFixture<SqliteApiFixture>
{
    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task The_OpenAPI_document_leaves_compressed_and_decompresses_to_the_same_document(string encoding)
    {
        var plain = await (await Client.GetAsync("/openapi/v1.json")).Content.ReadAsByteArrayAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.AcceptEncoding.ParseAdd(encoding);
        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
        var compressed = await response.Content.ReadAsByteArrayAsync();
        Assert.True(compressed.Length * 6 < plain.Length, $"{compressed.Length} bytes compressed of {plain.Length}");
        Assert.Equal(plain, Decompress(compressed, encoding));
    }

    [Fact]
    public async Task A_CSV_report_and_a_problem_leave_compressed_and_an_uncompressing_caller_gets_plain_bodies()
    {
        foreach (var path in new[] { "/api/v1/reports/satisfaction?from=2026-11-01&to=2026-11-30&format=csv", "/api/v1/visit-tasks/not-a-guid" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.AcceptEncoding.ParseAdd("gzip");
            var response = await Client.SendAsync(request);
            Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
            var body = System.Text.Encoding.UTF8.GetString(Decompress(await response.Content.ReadAsByteArrayAsync(), "gzip"));
            Assert.False(string.IsNullOrWhiteSpace(body), path);

            var plain = await Client.GetAsync(path);
            Assert.Empty(plain.Content.Headers.ContentEncoding);
            var plainBody = System.Text.Encoding.UTF8.GetString(await plain.Content.ReadAsByteArrayAsync());
            Assert.Equal(plainBody, body.Replace(JsonTraceId(body), JsonTraceId(plainBody), StringComparison.Ordinal));
        }
    }

    private static string JsonTraceId(string body) =>
        body.StartsWith('{') ? (string?)JsonNode.Parse(body)!["traceId"] ?? "\u0001" : "\u0001";

    private static byte[] Decompress(byte[] body, string encoding)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
