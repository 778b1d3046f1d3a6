using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using HuiFang.IntegrationTests.Infrastructure;

namespace HuiFang.IntegrationTests.Dashboard;

public sealed class SqliteDashboardSectionTests(SqliteApiFixture fixture) : DashboardSectionTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresDashboardSectionTests(PostgresApiFixture fixture) : DashboardSectionTests(fixture), IClassFixture<PostgresApiFixture>;

/// <summary>
/// Each section's table and chart against the JSON report for the same period and department: the page must show
/// the report's numbers, mark for mark and cell for cell. The data spans three weeks and two departments.
/// </summary>
public abstract class DashboardSectionTests(ApiFixture fixture) : DashboardTestBase(fixture)
{
    private const string Period = "from=2026-11-09&to=2026-11-29";

    // Tuesdays 10:00 in Beijing of weeks 46, 47 and 48.
    private static readonly DateTimeOffset W46 = new(2026, 11, 10, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset W47 = W46.AddDays(7);
    private static readonly DateTimeOffset W48 = W46.AddDays(14);

    private async Task SeedAsync()
    {
        await FeedbackAsync(W46, 5, nps: 10);
        await FeedbackAsync(W46.AddHours(1), 4, nps: 9);
        await FeedbackAsync(W46.AddHours(2), 2, nps: 3);
        await FeedbackAsync(W47, 1, nps: 0);
        await FeedbackAsync(W47.AddHours(1), 3);
        await FeedbackAsync(W47.AddHours(2), 5, department: "Installation", nps: 10);
        await FeedbackAsync(W48, 4, department: "Installation", nps: 8);
        await FeedbackAsync(W48.AddHours(1), 2, department: "Installation");
        Fixture.Clock.Reset(W48.AddHours(3));
    }

    private async Task<JsonObject> ReportAsync(string path) => await GetAsync($"/api/v1/reports/{path}");

    [Theory]
    [InlineData(null)]
    [InlineData("Installation")]
    [InlineData("AfterSales")]
    public async Task Csat_trend_score_distribution_and_nps_equal_the_satisfaction_report_for_the_same_period_and_department(string? department)
    {
        await SeedAsync();
        var filter = Period + (department is null ? "" : "&department=" + department);
        var browser = await SignedInAsync();
        var page = await PageAsync(browser, "/dashboard?" + filter);

        var weekly = await ReportAsync("satisfaction?groupBy=week&" + filter);
        var rows = weekly["rows"]!.AsArray();
        Assert.NotEmpty(rows);
        var trend = TableOf(page, "csat-trend");
        var trendMarks = MarksOf(page, "csat-trend");
        var nps = TableOf(page, "nps");
        var npsMarks = MarksOf(page, "nps");
        Assert.Equal(rows.Select(r => (string)r!["group"]!), trend.Keys);
        Assert.Equal(rows.Select(r => (string)r!["group"]!), nps.Keys);
        foreach (var row in rows)
        {
            var week = (string)row!["group"]!;
            Assert.Equal(Raw(row["satisfactionRate"]), trend[week]["satisfactionRate"]);
            Assert.Equal(Raw(row["feedback"]), trend[week]["feedback"]);
            Assert.Equal(Raw(row["satisfactionRate"]), trendMarks[(week, "satisfactionRate")]);
            Assert.Equal(Raw(row["nps"]), nps[week]["nps"]);
            Assert.Equal(Raw(row["npsResponses"]), nps[week]["npsResponses"]);
            Assert.Equal(Raw(row["nps"]), npsMarks[(week, "nps")]);
        }

        var total = (await ReportAsync("satisfaction?" + filter))["total"]!;
        var scores = TableOf(page, "score-distribution");
        var scoreMarks = MarksOf(page, "score-distribution");
        for (var s = 1; s <= 5; s++)
        {
            Assert.Equal(Raw(total["score" + s]), scores["score" + s]["count"]);
            Assert.Equal(Raw(total["score" + s]), scoreMarks[("score" + s, "count")]);
        }

        // The data really differs by department: the filter is not a no-op.
        if (department == "Installation")
        {
            Assert.Equal("3", Raw(total["feedback"]));
        }
    }

    [Fact]
    public async Task The_figures_are_the_known_ones_of_the_data()
    {
        await SeedAsync();
        var page = await PageAsync(await SignedInAsync(), "/dashboard?" + Period);

        var trend = TableOf(page, "csat-trend");
        Assert.Equal(["2026-W46", "2026-W47", "2026-W48"], trend.Keys);
        Assert.Equal("0.6667", trend["2026-W46"]["satisfactionRate"]);
        Assert.Equal("0.3333", trend["2026-W47"]["satisfactionRate"]);
        Assert.Equal("0.5", trend["2026-W48"]["satisfactionRate"]);
        var scores = TableOf(page, "score-distribution");
        Assert.Equal(["1", "2", "1", "2", "2"], Enumerable.Range(1, 5).Select(s => scores["score" + s]["count"]));

        // W46: promoters 2 of 3, detractors 1 → 33.3; W47: 1 promoter, 1 detractor of 2 → 0.
        var nps = TableOf(page, "nps");
        Assert.Equal("33.3", nps["2026-W46"]["nps"]);
        Assert.Equal("0", nps["2026-W47"]["nps"]);
    }

    [Fact]
    public async Task Response_rate_and_sla_compliance_equal_their_reports()
    {
        await SeedAsync();
        var browser = await SignedInAsync();
        foreach (var department in new string?[] { null, "AfterSales" })
        {
            var filter = Period + (department is null ? "" : "&department=" + department);
            var page = await PageAsync(browser, "/dashboard?" + filter);

            var channels = (await ReportAsync("survey-invitations?groupBy=channel&" + filter))["rows"]!.AsArray();
            var rate = TableOf(page, "response-rate");
            Assert.Equal(channels.Select(r => (string)r!["group"]!), rate.Keys);
            foreach (var row in channels)
            {
                Assert.Equal(Raw(row!["responseRate"]), rate[(string)row["group"]!]["responseRate"]);
                Assert.Equal(Raw(row["sent"]), rate[(string)row["group"]!]["sent"]);
            }

            var sla = (await ReportAsync("sla?groupBy=department&" + filter))["rows"]!.AsArray();
            var compliance = TableOf(page, "sla-compliance");
            var marks = MarksOf(page, "sla-compliance");
            Assert.NotEmpty(sla);
            Assert.Equal(sla.Select(r => (string)r!["group"]!), compliance.Keys);
            foreach (var row in sla)
            {
                var group = (string)row!["group"]!;
                Assert.Equal(Raw(row["responseCompliance"]), compliance[group]["responseCompliance"]);
                Assert.Equal(Raw(row["resolutionCompliance"]), compliance[group]["resolutionCompliance"]);
                Assert.Equal(Raw(row["escalations"]), compliance[group]["escalations"]);
                Assert.Equal(Raw(row["responseCompliance"]), marks[(group, "responseCompliance")]);
            }
        }
    }

    [Fact]
    public async Task Every_section_of_the_design_is_on_the_page_with_its_id()
    {
        var page = await PageAsync(await SignedInAsync(), "/dashboard");
        foreach (var id in new[] { "csat-trend", "score-distribution", "nps", "response-rate", "sla-compliance", "breaching-soon" })
        {
            Assert.NotNull(page.QuerySelector($"figure#{id} svg[role=img]"));
            Assert.NotNull(page.QuerySelector($"table#{id}-table"));
        }

        foreach (var id in new[] { "review-status", "spot-check-pass-rate", "corrective-actions" })
        {
            Assert.NotNull(page.QuerySelector($"#{id}-section"));
        }

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(page.QuerySelector("meta[name=viewport]"));
        Assert.NotNull(page.QuerySelector("form#filters[method=get] input#from[type=date]"));
        Assert.NotNull(page.QuerySelector("form#filters label[for=department]"));
    }

    [Fact]
    public async Task The_page_speaks_Chinese_by_Accept_Language_and_by_lang()
    {
        var browser = await SignedInAsync(language: "zh-CN");
        var page = await PageAsync(browser, "/dashboard");
        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("回访质量看板", page.QuerySelector("h1#title")!.TextContent);

        var english = await PageAsync(browser, "/dashboard?lang=en");
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("en", english.QuerySelector("form#filters input[name=lang]")!.GetAttribute("value"));
    }
}
