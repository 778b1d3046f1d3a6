using HuiFang.IntegrationTests.Infrastructure;

namespace HuiFang.IntegrationTests.SurveyPage;

/// <summary>The page's own limits out of the way: a test opens one link a hundred times.</summary>
public sealed class SqliteSurveyPageFixture : SqliteApiFixture
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => SurveyPageSettings.Unlimited;
}

public sealed class PostgresSurveyPageFixture : PostgresApiFixture
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => SurveyPageSettings.Unlimited;
}

/// <summary>Three requests per link per minute, so that the fourth meets the limit.</summary>
public sealed class SqliteSurveyPageLimitFixture : SqliteApiFixture
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["HuiFang:Surveys:Page:RequestsPerTokenPerMinute"] = "3",
        ["HuiFang:Surveys:Page:RequestsPerAddressPerMinute"] = "1000",
    };
}

internal static class SurveyPageSettings
{
    public static readonly IReadOnlyDictionary<string, string?> Unlimited = new Dictionary<string, string?>
    {
        ["HuiFang:Surveys:Page:RequestsPerTokenPerMinute"] = "100000",
        ["HuiFang:Surveys:Page:RequestsPerAddressPerMinute"] = "1000000",
    };
}
