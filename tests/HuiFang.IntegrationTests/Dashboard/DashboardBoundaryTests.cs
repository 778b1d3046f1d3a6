using System.Net;
using HuiFang.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HuiFang.IntegrationTests.Dashboard;

public sealed class SqliteDashboardBoundaryTests(SqliteApiFixture fixture) : DashboardBoundaryTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresDashboardBoundaryTests(PostgresApiFixture fixture) : DashboardBoundaryTests(fixture), IClassFixture<PostgresApiFixture>;

/// <summary>
/// What a session may not do and what the page refuses: another tenant's data, the JSON API with the cookie, bad
/// filters (400 pages, never a 500); and the department filter of the JSON reports.
/// </summary>
public abstract class DashboardBoundaryTests(ApiFixture fixture) : DashboardTestBase(fixture)
{
    private static readonly DateTimeOffset W47 = new(2026, 11, 17, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_session_of_another_tenant_sees_nothing_of_tenant_A()
    {
        await FeedbackAsync(W47, 1, department: "Secret-Dept");
        await FeedbackAsync(W47.AddHours(1), 5, department: "Secret-Dept");
        Fixture.Clock.Reset(W47.AddDays(1));

        var a = await PageAsync(await SignedInAsync(ApiFixture.TenantA), "/dashboard?from=2026-11-01&to=2026-11-30");
        Assert.Equal("1", TableOf(a, "score-distribution")["score1"]["count"]);

        var browser = await SignedInAsync(ApiFixture.TenantB);
        foreach (var path in new[]
        {
            "/dashboard?from=2026-11-01&to=2026-11-30",
            "/dashboard?from=2026-11-01&to=2026-11-30&department=Secret-Dept",
            "/dashboard/feedback?from=2026-11-01&to=2026-11-30&score=1",
            "/dashboard/unsatisfied?from=2026-11-01&to=2026-11-30&week=2026-W47",
            "/dashboard/escalations?from=2026-11-01&to=2026-11-30&department=Secret-Dept",
        })
        {
            var response = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("WO-D-", html);
            Assert.DoesNotContain(ApiFixture.TenantA, html);
            var page = Parser.ParseDocument(html);
            Assert.Equal(ApiFixture.TenantB, page.QuerySelector("#tenant")!.GetAttribute("data-tenant"));
            if (page.QuerySelector("table#score-distribution-table") is not null)
            {
                Assert.All(TableOf(page, "score-distribution").Values, v => Assert.Equal("0", v["count"]));
                Assert.All(TableOf(page, "csat-trend").Values, v => Assert.Equal("0", v["feedback"]));
                Assert.Empty(TableOf(page, "sla-compliance"));
            }
            else
            {
                Assert.Empty(page.QuerySelectorAll("table#items tbody tr"));
            }
        }
    }

    [Fact]
    public async Task The_drill_down_pages_list_the_items_their_figure_counts()
    {
        await FeedbackAsync(W47, 1, department: "Repairs");
        await FeedbackAsync(W47.AddHours(1), 1, department: "Other");
        await FeedbackAsync(W47.AddHours(2), 4, department: "Repairs");
        Fixture.Clock.Reset(W47.AddDays(1));
        var browser = await SignedInAsync();
        var page = await PageAsync(browser, "/dashboard?from=2026-11-01&to=2026-11-30&department=Repairs");

        // Follow the score-1 row's link: one record of Repairs (the other department's is filtered out).
        var href = page.QuerySelector("table#score-distribution-table tr[data-label=score1] a")!.GetAttribute("href")!;
        var items = await PageAsync(browser, href);
        Assert.Equal("items", State(items));
        Assert.Single(items.QuerySelectorAll("table#items tbody tr"));

        var week = page.QuerySelector("table#csat-trend-table tr[data-label='2026-W47'] a")!.GetAttribute("href")!;
        var unsatisfied = await PageAsync(browser, week);
        Assert.Single(unsatisfied.QuerySelectorAll("table#items tbody tr"));

        var sla = page.QuerySelector("table#sla-compliance-table tbody tr a")!.GetAttribute("href")!;
        var escalations = await PageAsync(browser, sla);
        var report = await GetAsync("/api/v1/reports/sla?from=2026-11-01&to=2026-11-30&department=Repairs");
        Assert.Equal((int)report["total"]!["escalations"]!, escalations.QuerySelectorAll("table#items tbody tr").Length);
    }

    [Theory]
    [InlineData("/dashboard?from=2026-13-01")]
    [InlineData("/dashboard?from=yesterday")]
    [InlineData("/dashboard?from=2026-11-30&to=2026-11-01")]
    [InlineData("/dashboard?from=2025-01-01&to=2026-11-30")]
    [InlineData("/dashboard?from=2026-11-01&from=2026-11-02")]
    [InlineData("/dashboard?department=%00")]
    [InlineData("/dashboard?from=2026-11-01%00")]
    [InlineData("/dashboard?department=%20%20")]
    [InlineData("/dashboard/feedback?score=9")]
    [InlineData("/dashboard/feedback?score=one")]
    [InlineData("/dashboard/unsatisfied?week=2026-W54")]
    [InlineData("/dashboard/unsatisfied?week=2020-W53&from=2026-11-01&to=2026-11-30")]
    [InlineData("/dashboard/invitations?channel=Pigeon")]
    [InlineData("/dashboard/invitations?channel=1")]
    [InlineData("/dashboard/escalations?due=tomorrow")]
    public async Task A_bad_filter_is_a_400_page_that_says_what_is_wrong(string path)
    {
        var browser = await SignedInAsync();
        var response = await browser.GetAsync(path + (path.Contains("department=%") ? "" : "&department=" + new string('x', 2)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var page = await ParseAsync(response);
        Assert.Equal("bad-request", State(page));
        Assert.NotEmpty(page.QuerySelectorAll("#errors li"));
        // The alert wraps the list; on the list itself it would replace the list role (axe listitem).
        Assert.Null(page.QuerySelector("ul[role]"));
        Assert.NotNull(page.QuerySelector("[role=alert] > ul#errors"));
    }

    [Fact]
    public async Task A_department_longer_than_the_column_is_a_400_page()
    {
        var response = await (await SignedInAsync()).GetAsync("/dashboard?department=" + new string('d', 65));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("bad-request", State(await ParseAsync(response)));
    }

    [Fact]
    public async Task Without_a_session_the_drill_down_pages_send_the_browser_to_the_sign_in()
    {
        var response = await Browser().GetAsync("/dashboard/feedback?score=1");
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/dashboard", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Every_api_v1_endpoint_refuses_the_dashboard_cookie()
    {
        var browser = Browser();
        var signIn = await SignInAsync(browser, await Fixture.App.CreateApiKeyAsync(ApiFixture.TenantA, ["tasks:read", "reports:read", "admin", "events:read", "escalations:read"]));
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("huifang-dashboard=", StringComparison.Ordinal)).Split(';')[0];

        var endpoints = Fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/v1", StringComparison.Ordinal) && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Path: Concrete(e.RoutePattern.RawText!))))
            .Distinct()
            .ToList();
        Assert.True(endpoints.Count > 30, $"only {endpoints.Count} endpoints found");
        foreach (var (method, path) in endpoints)
        {
            // The cookie as a browser would send it to any path (its Path attribute aside), and nothing else.
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            request.Headers.Add("Cookie", cookie);
            if (method is "POST" or "PUT" or "PATCH")
            {
                request.Content = Json("{}");
            }

            var client = Fixture.CreateClientWithKey(null);
            var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path}: {(int)response.StatusCode}");
        }

        // The same cookie still opens the dashboard: it was valid all along.
        var replay = Browser();
        replay.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal("dashboard", State(await PageAsync(replay, "/dashboard")));
    }

    private static string Concrete(string pattern) => System.Text.RegularExpressions.Regex.Replace(pattern, "\\{([^}:]+)(:[^}]*)?\\}", m =>
        m.Groups[2].Value.Contains("guid", StringComparison.Ordinal) ? Guid.Empty.ToString() : "x");

    [Fact]
    public async Task The_JSON_reports_take_a_department_filter()
    {
        await FeedbackAsync(W47, 1, department: "Repairs");
        await FeedbackAsync(W47.AddHours(1), 5, department: "Repairs");
        await FeedbackAsync(W47.AddHours(2), 4, department: "Other");
        Fixture.Clock.Reset(W47.AddDays(1));
        const string period = "from=2026-11-01&to=2026-11-30";

        Assert.Equal(3, (int)(await GetAsync($"/api/v1/reports/satisfaction?{period}"))["total"]!["feedback"]!);
        Assert.Equal(2, (int)(await GetAsync($"/api/v1/reports/satisfaction?{period}&department=Repairs"))["total"]!["feedback"]!);
        Assert.Equal(1, (int)(await GetAsync($"/api/v1/reports/categories?{period}&department=Other"))["total"]!["feedback"]!);
        Assert.Equal(2, (int)(await GetAsync($"/api/v1/reports/visits?{period}&department=Repairs"))["total"]!["planned"]!);
        Assert.Single((await GetAsync($"/api/v1/reports/unsatisfied?{period}&department=Repairs"))["rows"]!.AsArray());
        Assert.Empty((await GetAsync($"/api/v1/reports/unsatisfied?{period}&department=Other"))["rows"]!.AsArray());
        Assert.Equal(3, (int)(await GetAsync($"/api/v1/reports/satisfaction?{period}&department="))["total"]!["feedback"]!);
        var sla = await GetAsync($"/api/v1/reports/sla?{period}&department=Other");
        Assert.Equal(0, (int)sla["total"]!["escalations"]!);
        Assert.Equal((int)(await GetAsync($"/api/v1/reports/sla?{period}"))["total"]!["escalations"]!, (int)(await GetAsync($"/api/v1/reports/sla?{period}&department=Repairs"))["total"]!["escalations"]!);
        var byDepartment = (await GetAsync($"/api/v1/reports/satisfaction?{period}&groupBy=department&department=Repairs"))["rows"]!.AsArray();
        Assert.Equal(["Repairs"], byDepartment.Select(r => (string)r!["group"]!));
        Assert.Equal(0, (int)(await GetAsync($"/api/v1/reports/survey-invitations?{period}&department=Repairs"))["total"]!["sent"]!);
        Assert.Equal(0, (int)(await GetAsync($"/api/v1/reports/coverage?{period}&department=Repairs"))["total"]!["eligible"]!);

        var csv = await Client.GetAsync($"/api/v1/reports/satisfaction?{period}&department=Repairs&format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
    }

    [Theory]
    [InlineData("department=%00")]
    [InlineData("department=%20")]
    [InlineData("department=dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd")]
    public async Task A_bad_department_on_a_JSON_report_is_a_400_problem(string department)
    {
        foreach (var report in new[] { "satisfaction", "categories", "visits", "coverage", "sla", "unsatisfied", "survey-invitations" })
        {
            var response = await Client.GetAsync($"/api/v1/reports/{report}?from=2026-11-01&to=2026-11-30&{department}");
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{report}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            var problem = await ReadObjectAsync(response);
            Assert.NotNull(problem["errors"]!["department"] ?? problem["errors"]!["Department"]);
        }
    }

    [Fact]
    public async Task Sessions_are_one_row_each_and_tenant_owned()
    {
        await SignedInAsync(ApiFixture.TenantA);
        await SignedInAsync(ApiFixture.TenantB);
        Assert.Equal(1, await Fixture.InScopeAsync(db => db.DashboardSessions.CountAsync(), ApiFixture.TenantA));
        Assert.Equal(2, await Fixture.InScopeAsync(db => db.DashboardSessions.IgnoreQueryFilters().CountAsync()));
    }
}
