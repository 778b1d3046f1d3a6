using System.Net;
using HuiFang.IntegrationTests.Escalations;
using HuiFang.IntegrationTests.Infrastructure;

namespace HuiFang.IntegrationTests.Reports;

public sealed class SqliteReportParametersTests(SqliteApiFixture fixture) : ReportParametersTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresReportParametersTests(PostgresApiFixture fixture) : ReportParametersTests(fixture), IClassFixture<PostgresApiFixture>;

/// <summary>Report parameters a report does not take are a 400 naming the parameter.</summary>
public abstract class ReportParametersTests(ApiFixture fixture) : LoopTestBase(fixture)
{
    [Theory]
    [InlineData("/api/v1/reports/satisfaction?from=2026-11-01&to=2026-11-30&groupBy=weekday", "groupBy")]
    [InlineData("/api/v1/reports/satisfaction?from=2026-01-01&to=2027-01-02", "to")]
    [InlineData("/api/v1/reports/satisfaction?from=2026-11-30&to=2026-11-01", "to")]
    [InlineData("/api/v1/reports/satisfaction?to=2026-11-30", "from")]
    [InlineData("/api/v1/reports/sla?from=2026-11-01&to=2026-11-30&groupBy=channel", "groupBy")]
    [InlineData("/api/v1/reports/unsatisfied?from=2026-11-01&to=2026-11-30&groupBy=week", "groupBy")]
    [InlineData("/api/v1/reports/visits?from=2026-11-01&to=2026-11-30&format=xml", "format")]
    public async Task Bad_report_parameters_are_400_naming_the_parameter(string path, string field)
    {
        var response = await Client.GetAsync(path);
        var body = await ReadObjectAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body["errors"]!.AsObject().ContainsKey(field), body.ToJsonString());
    }

    [Fact]
    public async Task A_grouping_the_report_does_not_offer_is_named_as_sent_with_the_ones_it_does()
    {
        var body = await ReadObjectAsync(await Client.GetAsync("/api/v1/reports/sla?from=2026-11-01&to=2026-11-30&groupBy=channel"));
        var message = (string)body["errors"]!["groupBy"]![0]!;
        Assert.Contains("channel", message);
        Assert.Contains("week, month, department, assignee, serviceType", message);
    }
}
