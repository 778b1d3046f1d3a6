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

    private async Task<JsonObject> SendJsonAsync(HttpMethod method, string path, JsonObject body, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = System.Net.Http.Json.JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return (JsonObject)JsonNode.Parse(text)!;
    }

    /// <summary>A review of week 47 (AfterSales) with one item decided, a spot-check of November with one pick judged, two actions.</summary>
    private async Task SeedQualityAsync()
    {
        await SeedAsync();
        var review = await SendJsonAsync(HttpMethod.Post, "/api/v1/reviews", new JsonObject { ["department"] = "AfterSales", ["week"] = "2026-W47" });
        var item = review["items"]!.AsArray()[0]!;
        await SendJsonAsync(HttpMethod.Post, $"/api/v1/reviews/{(Guid)review["id"]!}/items/{(Guid)item["id"]!}/decision",
            new JsonObject { ["decision"] = "NoAction", ["note"] = "已电话致歉" }, ifMatch: "\"" + (int)review["version"]! + "\"");
        var check = await SendJsonAsync(HttpMethod.Post, "/api/v1/spot-checks", new JsonObject { ["month"] = "2026-11", ["level"] = "Supervisor", ["countPerAgent"] = 2 });
        var pick = check["picks"]!.AsArray()[0]!;
        await SendJsonAsync(HttpMethod.Post, $"/api/v1/spot-checks/{(Guid)check["id"]!}/picks/{(Guid)pick["id"]!}/judgment", new JsonObject
        {
            ["real"] = true, ["complete"] = true, ["objective"] = false, ["onTime"] = true, ["reasons"] = new JsonArray("主观描述"), ["note"] = "抽查",
        }, ifMatch: "\"1\"");
        await SendJsonAsync(HttpMethod.Post, "/api/v1/corrective-actions", new JsonObject { ["nonConformity"] = "维修上门超时", ["department"] = "AfterSales", ["owner"] = "王主管" });
        await SendJsonAsync(HttpMethod.Post, "/api/v1/corrective-actions", new JsonObject { ["nonConformity"] = "安装后未清理现场", ["department"] = "Installation", ["dueDate"] = "2026-11-26" });

        // Two days on: the Installation action is past its due date, the AfterSales one (due in 30 days) is not.
        Fixture.Clock.Reset(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("AfterSales")]
    [InlineData("Installation")]
    public async Task The_quality_sections_equal_the_review_spot_check_and_corrective_action_reports_for_the_same_period_and_department(string? department)
    {
        await SeedQualityAsync();
        var filter = Period + (department is null ? "" : "&department=" + department);
        var browser = await SignedInAsync();
        var page = await PageAsync(browser, "/dashboard?" + filter);

        var reviews = (await ReportAsync("reviews?groupBy=department&" + filter))["rows"]!.AsArray();
        var reviewTable = TableOf(page, "review-status");
        var reviewMarks = MarksOf(page, "review-status");
        Assert.Equal(reviews.Select(r => (string)r!["group"]!), reviewTable.Keys);
        Assert.Equal(department is "Installation" ? 0 : 1, reviews.Count);
        foreach (var row in reviews)
        {
            var group = (string)row!["group"]!;
            foreach (var series in new[] { "itemsReviewed", "items", "completed", "overdue", "open" })
            {
                Assert.Equal(Raw(row[series]), reviewTable[group][series]);
            }

            Assert.Equal(Raw(row["itemsReviewed"]), reviewMarks[(group, "itemsReviewed")]);
            Assert.Equal(Raw(row["items"]), reviewMarks[(group, "items")]);
            var href = page.QuerySelector($"table#review-status-table tr[data-label='{group}'] a")!.GetAttribute("href")!;
            var items = await PageAsync(browser, href);
            Assert.Equal((int)row["items"]!, items.QuerySelectorAll("table#items tbody tr").Length);
            Assert.Contains("已电话致歉", items.QuerySelector("table#items")!.TextContent);
        }

        var spot = await ReportAsync("spot-checks?groupBy=assignee&" + filter);
        var spotTable = TableOf(page, "spot-check-pass-rate");
        var spotMarks = MarksOf(page, "spot-check-pass-rate");
        Assert.Equal(spot["rows"]!.AsArray().Select(r => (string)r!["group"]!), spotTable.Keys);
        if (department is null)
        {
            Assert.Equal(1, (int)spot["total"]!["checked"]!);
        }
        foreach (var row in spot["rows"]!.AsArray())
        {
            var group = (string)row!["group"]!;
            Assert.Equal(Raw(row["passRate"]), spotTable[group]["passRate"]);
            Assert.Equal(Raw(row["checked"]), spotTable[group]["checked"]);
            Assert.Equal(Raw(row["passed"]), spotTable[group]["passed"]);
            Assert.Equal(Raw(row["passRate"]), spotMarks[(group, "passRate")]);
            var href = page.QuerySelector($"table#spot-check-pass-rate-table tr[data-label='{group}'] a")!.GetAttribute("href")!;
            var picks = await PageAsync(browser, href);
            Assert.Equal((int)row["checked"]!, picks.QuerySelectorAll("table#items tbody tr").Length);
        }

        var actions = (await ReportAsync("corrective-actions?" + filter))["total"]!;
        var actionTable = TableOf(page, "corrective-actions");
        Assert.Equal(department is null ? 2 : 1, (int)actions["open"]!);
        Assert.Equal(department is "AfterSales" ? 0 : 1, (int)actions["overdue"]!);
        foreach (var series in new[] { "open", "overdue", "closed" })
        {
            Assert.Equal(Raw(actions[series]), actionTable[series]["count"]);
            Assert.Equal(Raw(actions[series]), MarksOf(page, "corrective-actions")[(series, "count")]);
        }

        Assert.Equal((int)actions["open"]!, page.QuerySelectorAll("table#corrective-actions-list tbody tr").Length);
        var open = await PageAsync(browser, page.QuerySelector("table#corrective-actions-table tr[data-label=open] a")!.GetAttribute("href")!);
        Assert.Equal((int)actions["open"]!, open.QuerySelectorAll("table#items tbody tr").Length);
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
