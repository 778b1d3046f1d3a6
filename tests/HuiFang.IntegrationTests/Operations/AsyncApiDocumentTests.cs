using HuiFang.Contracts;
using HuiFang.IntegrationTests.Infrastructure;

namespace HuiFang.IntegrationTests.Operations;

/// <summary>
/// The committed AsyncAPI document is what subscribers read: it must be exactly what the service
/// generates from the contract types. After an intended contract change, refresh it with
/// <c>HUIFANG_UPDATE_OPENAPI=1 dotnet test --filter AsyncApiDocumentTests</c> and commit the result.
/// </summary>
public sealed class AsyncApiDocumentTests(SqliteApiFixture fixture) : ApiTestBase(fixture), IClassFixture<SqliteApiFixture>
{
    private static readonly string CommittedPath = Path.Combine(OpenApiDocumentTests.RepositoryRoot(), "openapi", "huifang.events.asyncapi.yaml");

    [Fact]
    public async Task The_committed_document_matches_the_served_one()
    {
        using var anonymous = Fixture.CreateClientWithKey(null);
        var served = await anonymous.GetStringAsync("/asyncapi/huifang.events.yaml");
        if (Environment.GetEnvironmentVariable("HUIFANG_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(CommittedPath, served);
        }

        Assert.True(File.Exists(CommittedPath), $"{CommittedPath} is missing; create it with HUIFANG_UPDATE_OPENAPI=1 dotnet test.");
        Assert.True(
            await File.ReadAllTextAsync(CommittedPath) == served,
            "openapi/huifang.events.asyncapi.yaml differs from the contracts. If the change is intended, run HUIFANG_UPDATE_OPENAPI=1 dotnet test --filter AsyncApiDocumentTests and commit the file.");
    }

    [Fact]
    public async Task Every_event_has_its_exchange_message_and_documented_fields()
    {
        using var anonymous = Fixture.CreateClientWithKey(null);
        var served = await anonymous.GetStringAsync("/asyncapi/huifang.events.yaml");

        foreach (var type in IntegrationEvents.All)
        {
            var contract = IntegrationEvents.Describe(type);
            Assert.Contains($"address: \"{contract.Exchange}\"", served, StringComparison.Ordinal);
            Assert.Contains($"\n    {type.Name}:\n      name: \"{type.Name}\"", served, StringComparison.Ordinal);
            foreach (var property in type.GetProperties())
            {
                var name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
                Assert.Contains($"\n        {name}:\n", served, StringComparison.Ordinal);
            }
        }

        Assert.DoesNotContain("description: \"\"", served, StringComparison.Ordinal);
    }
}
