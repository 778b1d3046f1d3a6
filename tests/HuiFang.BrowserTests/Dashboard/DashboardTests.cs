using System.Net;
using HuiFang.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace HuiFang.BrowserTests.Dashboard;

public sealed class SqliteDashboardTests(SqliteSite site, Chromium chromium) : DashboardTests(site, chromium), IClassFixture<SqliteSite>;

public sealed class PostgresDashboardTests(PostgresSite site, Chromium chromium) : DashboardTests(site, chromium), IClassFixture<PostgresSite>;

/// <summary>
/// The supervisors' dashboard <c>/dashboard</c> in Chromium over the worked example: signed in by pasting a
/// key, every chart equal to its table and to the JSON report the same key reads for the same period, with
/// JavaScript on and off, in zh-CN and en, on a desktop and on a phone; sign-out, a revoked key and a
/// foreign tenant's session; the filters and a drill-down. Each state is audited by axe-core and kept as a
/// screenshot.
/// </summary>
public abstract class DashboardTests(SiteFixture site, Chromium chromium) : DashboardBrowserTestBase(site, chromium)
{
    [Theory]
    [InlineData("zh-CN", true)]
    [InlineData("en", false)]
    public async Task A_pasted_key_signs_in_and_every_chart_equals_its_table_and_the_JSON_report(string language, bool javaScript)
    {
        var test = $"sign-in-{language}-{(javaScript ? "js" : "no-js")}";
        await using var context = await DesktopAsync(language, javaScript);
        var form = await context.NewPageAsync();
        Assert.Equal(200, (await form.GotoAsync("/dashboard"))!.Status);
        Assert.Equal(language, await form.Locator("html").GetAttributeAsync("lang"));
        Assert.True(await ShowsSignInAsync(form));
        await CheckStateAsync(form, test, "sign-in-form");
        await form.CloseAsync();

        var page = await SignedInAsync(context, Example.ReaderKey);
        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
        Assert.EndsWith("/dashboard", new Uri(page.Url).AbsolutePath);
        foreach (var section in Charts)
        {
            Assert.True(await page.Locator($"figure#{section}").CountAsync() == 1, $"the dashboard has the chart #{section}");
            Assert.True(await page.Locator($"table#{section}-table").CountAsync() == 1, $"#{section} has its table #{section}-table");
        }

        // The quality records' sections: each there, with its table, or saying that its figures are not available
        // (while the service runs without that report).
        foreach (var section in QualitySections)
        {
            Assert.True(await page.Locator($"section#{section}-section").CountAsync() == 1, $"the dashboard has the section #{section}-section");
            Assert.True(await page.Locator($"table#{section}-table").CountAsync() + await page.Locator($"#{section}-unavailable").CountAsync() == 1,
                $"#{section}-section shows its table or says it is not available");
        }

        foreach (var chart in Charts)
        {
            await AssertChartEqualsTableAsync(page, chart);
        }

        await AssertTablesEqualReportsAsync(page, Example.ReaderKey);
        // The worked example is what the page shows: its departments, and none of the foreign tenant's.
        var slaRows = (await RowsAsync(page, "sla-compliance-table")).Select(r => r.Label).ToList();
        Assert.Equal(DashboardWorkedExample.Departments.Order(), slaRows.Order());
        Assert.DoesNotContain(DashboardWorkedExample.ForeignDepartment, await page.Locator("body").InnerTextAsync());
        // Urgent complaints of today are due within hours: the breaching-soon list has them.
        Assert.True(await page.Locator("#breaching-soon-table tr[data-label]").CountAsync() >= 2, "today's two unacknowledged complaints are breaching soon");
        await CheckStateAsync(page, test, "dashboard");

        // The session cookie: HttpOnly, SameSite=Strict, only for /dashboard, expiring.
        var cookie = await SessionCookieAsync(context);
        Assert.True(cookie.HttpOnly);
        Assert.Equal("/dashboard", cookie.Path);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.True(cookie.Expires > DateTimeOffset.UtcNow.ToUnixTimeSeconds(), "the session cookie expires (not a session-only cookie without a limit on the server)");
        Assert.True(cookie.Expires <= DateTimeOffset.UtcNow.AddHours(8).AddMinutes(5).ToUnixTimeSeconds(), $"the cookie lives at most 8 h: {DateTimeOffset.FromUnixTimeSeconds((long)cookie.Expires)}");
        Assert.DoesNotContain(Example.ReaderKey, cookie.Value);
    }

    [Theory]
    [InlineData("zh-CN", true)]
    [InlineData("en", false)]
    public async Task A_wrong_key_and_a_key_without_reports_read_are_refused_on_the_form(string language, bool javaScript)
    {
        var test = $"refused-{language}-{(javaScript ? "js" : "no-js")}";
        await using var context = await DesktopAsync(language, javaScript);
        var (page, answer) = await SignInAsync(context, "hfk_" + new string('x', 40));
        Assert.InRange(answer.Status, 400, 499);
        Assert.True(await ShowsSignInAsync(page), "a wrong key gets the form again, with its error");
        Assert.True(await page.Locator("[role=alert], .error, #error-summary").CountAsync() >= 1, "the refusal is said on the page");
        await CheckStateAsync(page, test, "wrong-key");
        Assert.DoesNotContain(await context.CookiesAsync(), IsSessionCookie);

        var agentKey = await Site.CreateKeyAsync(SiteFixture.Tenant, [HuiFang.Api.Infrastructure.Security.Scopes.TasksRead, HuiFang.Api.Infrastructure.Security.Scopes.FeedbackWrite], "agent");
        var (again, refused) = await SignInAsync(context, agentKey);
        Assert.InRange(refused.Status, 400, 499);
        Assert.True(await ShowsSignInAsync(again));
        await CheckStateAsync(again, test, "key-without-reports-read");
        Assert.DoesNotContain(await context.CookiesAsync(), IsSessionCookie);
    }

    [Theory]
    [InlineData("zh-CN", true)]
    [InlineData("en", false)]
    public async Task Signing_out_ends_the_session_and_the_old_cookie_is_refused(string language, bool javaScript)
    {
        var test = $"sign-out-{language}-{(javaScript ? "js" : "no-js")}";
        await using var context = await DesktopAsync(language, javaScript);
        var page = await SignedInAsync(context, Example.ReaderKey);
        var cookie = await SessionCookieAsync(context);

        // The old cookie works before sign-out (so the replay below can fail for the right reason), and never on the API.
        Assert.True(await CookieShowsDashboardAsync(cookie), "the session cookie shows the dashboard before sign-out");
        using (var api = new HttpClient { BaseAddress = Site.Base })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/reports/satisfaction?from=2026-01-01&to=2026-01-31");
            request.Headers.Add("Cookie", $"{cookie.Name}={cookie.Value}");
            using var refused = await api.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        // A sign-out posted from elsewhere (the session cookie, no antiforgery token, as a cross-site form would send
        // it if the browser sent the cookie at all) is refused and ends nothing.
        using (var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
        using (var forger = new HttpClient(handler) { BaseAddress = Site.Base })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "dashboard/sign-out") { Content = new FormUrlEncodedContent([]) };
            request.Headers.Add("Cookie", $"{cookie.Name}={cookie.Value}");
            request.Headers.Accept.ParseAdd("text/html");
            using var forged = await forger.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        Assert.True(await CookieShowsDashboardAsync(cookie), "a sign-out without the antiforgery token ends nothing");

        var signOut = page.Locator("form[action*='sign-out'] [type=submit]");
        Assert.Equal(1, await signOut.CountAsync());
        var answer = await SubmitAsync(page, () => signOut.ClickAsync());
        Assert.True(answer.Ok, $"sign-out answered {answer.Status}");
        Assert.True(await ShowsSignInAsync(page), "after sign-out the sign-in form is shown");
        await CheckStateAsync(page, test, "signed-out");
        Assert.DoesNotContain(await context.CookiesAsync(), IsSessionCookie);

        // Back and refresh: the sign-in form, not the dashboard from before.
        await page.GoBackAsync();
        await page.ReloadAsync();
        Assert.True(await ShowsSignInAsync(page), "back and refresh after sign-out show the sign-in form");
        await page.GotoAsync("/dashboard");
        Assert.True(await ShowsSignInAsync(page));

        // The old cookie replayed by hand: the session row is gone, so the cookie is refused.
        Assert.False(await CookieShowsDashboardAsync(cookie), "the cookie of a signed-out session is refused");
    }

    [Fact]
    public async Task Revoking_the_key_ends_its_session_at_the_next_request()
    {
        using var admin = Site.CreateApiClient();
        using var created = await admin.PostAsync("api/v1/admin/api-keys", new StringContent("""{"name":"night supervisor","scopes":["reports:read"]}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = System.Text.Json.Nodes.JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        await using var context = await DesktopAsync("en");
        var page = await SignedInAsync(context, (string)key["key"]!);

        using var revoked = await admin.DeleteAsync($"api/v1/admin/api-keys/{(string)key["apiKey"]!["id"]!}");
        Assert.True(revoked.IsSuccessStatusCode, $"revoking answered {(int)revoked.StatusCode}");
        await page.ReloadAsync();
        Assert.True(await ShowsSignInAsync(page), "a revoked key's session shows the sign-in form at the next request");
    }

    [Theory]
    [InlineData("zh-CN")]
    public async Task A_foreign_tenants_session_sees_none_of_the_other_tenants_data(string language)
    {
        var test = $"foreign-tenant-{language}";
        // The own tenant's page first: its drill-down links, which the foreign session then opens.
        await using var own = await DesktopAsync(language);
        var ownPage = await SignedInAsync(own, Example.ReaderKey);
        var links = new List<string>();
        foreach (var link in await ownPage.Locator("main a[href^='/dashboard/']").AllAsync())
        {
            links.Add((await link.GetAttributeAsync("href"))!);
        }

        Assert.NotEmpty(links);

        await using var foreign = await DesktopAsync(language);
        var page = await SignedInAsync(foreign, Example.ForeignReaderKey);
        await CheckStateAsync(page, test, "foreign-dashboard");
        var text = await page.Locator("body").InnerTextAsync();
        foreach (var department in DashboardWorkedExample.Departments)
        {
            Assert.DoesNotContain(department, text);
        }

        Assert.Contains(DashboardWorkedExample.ForeignDepartment, (await RowsAsync(page, "sla-compliance-table")).Select(r => r.Label));
        foreach (var chart in Charts)
        {
            await AssertChartEqualsTableAsync(page, chart);
        }

        await AssertTablesEqualReportsAsync(page, Example.ForeignReaderKey);

        // The other tenant's drill-down pages, opened in the foreign session: none shows any of its items.
        foreach (var link in links.Distinct().Take(12))
        {
            var opened = await page.GotoAsync(link);
            Assert.True(opened!.Status is 200 or 404, $"{link}: {opened.Status}");
            var shown = await page.Locator("body").InnerTextAsync();
            Assert.DoesNotContain(DashboardWorkedExample.OwnComment, shown);
            foreach (var department in DashboardWorkedExample.Departments)
            {
                Assert.DoesNotContain(department, shown);
            }
        }

        await CheckStateAsync(page, test, "foreign-drill-down");
    }

    [Theory]
    [InlineData("zh-CN", true)]
    [InlineData("en", false)]
    public async Task The_period_and_department_filters_give_the_JSON_reports_of_that_period_and_department(string language, bool javaScript)
    {
        var test = $"filters-{language}-{(javaScript ? "js" : "no-js")}";
        await using var context = await DesktopAsync(language, javaScript);
        var page = await SignedInAsync(context, Example.ReaderKey);
        var (from, to, _) = await FiltersAsync(page);

        // The last three weeks only, in one department, sent with the filter form (a GET: the address holds it).
        var start = DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture).AddDays(-20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.Locator("form input[name=from]").FillAsync(start);
        var department = page.Locator("form [name=department]");
        if (await department.EvaluateAsync<string>("e => e.tagName") == "SELECT")
        {
            await department.SelectOptionAsync("Engineering");
        }
        else
        {
            await department.FillAsync("Engineering");
        }

        var answer = await SubmitAsync(page, () => page.Locator("form:has(input[name=from]) [type=submit]").ClickAsync());
        Assert.Equal(200, answer.Status);
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Query);
        Assert.Equal(start, query["from"]);
        Assert.Equal("Engineering", query["department"]);
        Assert.Equal((start, to, "Engineering"), await FiltersAsync(page));
        foreach (var chart in Charts)
        {
            await AssertChartEqualsTableAsync(page, chart);
        }

        await AssertTablesEqualReportsAsync(page, Example.ReaderKey);
        var slaRows = (await RowsAsync(page, "sla-compliance-table")).Select(r => r.Label).ToList();
        Assert.Equal(["Engineering"], slaRows);
        Assert.True((await RowsAsync(page, "csat-trend-table")).Count <= 4, "three weeks reach into at most four ISO weeks");
        await CheckStateAsync(page, test, "filtered");
        Assert.NotEqual(from, start);

        // A bad filter is a clear 400 on the page (never a 500): a date that does not exist.
        var bad = await page.GotoAsync($"/dashboard?from=2026-02-30&to={to}");
        Assert.Equal(400, bad!.Status);
        await CheckStateAsync(page, test, "bad-filter");
    }

    [Theory]
    [InlineData("en", false)]
    public async Task A_drill_down_link_lists_the_items_behind_a_row(string language, bool javaScript)
    {
        var test = $"drill-down-{language}-{(javaScript ? "js" : "no-js")}";
        await using var context = await DesktopAsync(language, javaScript);
        var page = await SignedInAsync(context, Example.ReaderKey);

        // The week of the dip: its unsatisfied feedback, as many as the JSON report counts.
        var (from, to, _) = await FiltersAsync(page);
        var byWeek = await ReportAsync(Example.ReaderKey, "satisfaction", from, to, "week");
        var dip = byWeek["rows"]!.AsArray().Select(r => r!.AsObject()).Where(r => (int)r["unsatisfied"]! > 0).MaxBy(r => (int)r["unsatisfied"]!)!;
        var week = (string)dip["group"]!;
        var link = page.Locator($"#csat-trend-table tr[data-label='{week}'] a[href]");
        Assert.True(await link.CountAsync() >= 1, $"the row {week} links to its items");
        var answer = await SubmitAsync(page, () => link.First.ClickAsync());
        Assert.Equal(200, answer.Status);
        Assert.StartsWith("/dashboard/", new Uri(page.Url).AbsolutePath);
        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
        var text = await page.Locator("main").InnerTextAsync();
        Assert.Contains(DashboardWorkedExample.OwnComment, text);
        var items = await page.Locator("main table tbody tr").CountAsync();
        Assert.Equal((int)dip["unsatisfied"]!, items);
        await CheckStateAsync(page, test, "unsatisfied-of-a-week");

        // A breaching escalation's row leads to that escalation's department list or the escalation itself.
        await page.GotoAsync("/dashboard");
        var breaching = page.Locator("#breaching-soon-table tr[data-label] a[href]");
        Assert.True(await breaching.CountAsync() >= 1, "each escalation breaching soon links to it");
        Assert.Equal(200, (await SubmitAsync(page, () => breaching.First.ClickAsync())).Status);
        await CheckStateAsync(page, test, "escalation");
    }

    [Theory]
    [InlineData("zh-CN", true)]
    [InlineData("en", false)]
    public async Task On_a_phone_the_keyboard_alone_signs_in_and_out_and_the_page_never_scrolls_sideways(string language, bool javaScript)
    {
        var test = $"phone-{language}-{(javaScript ? "js" : "no-js")}";
        await using var context = await PhoneAsync(language, javaScript);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/dashboard");
        Assert.True(await ShowsSignInAsync(page));
        Assert.Equal(Chromium.Phone.Width, await page.EvaluateAsync<int>("document.documentElement.scrollWidth"));
        await TabToAsync(page, "input[name=credential]");
        await page.Keyboard.TypeAsync(Example.ReaderKey);
        await TabToAsync(page, "form:has(input[name=credential]) [type=submit]");
        var answer = await SubmitAsync(page, () => page.Keyboard.PressAsync("Enter"));
        Assert.True(answer.Ok, $"sign-in answered {answer.Status}");
        Assert.Equal("dashboard", await StateAsync(page));

        Assert.Equal(Chromium.Phone.Width, await page.EvaluateAsync<int>("document.documentElement.scrollWidth"));
        foreach (var chart in Charts)
        {
            var box = (await page.Locator($"figure#{chart}").BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.X + box.Width <= Chromium.Phone.Width, $"{chart}: {box.X}+{box.Width} within {Chromium.Phone.Width}");
        }

        await CheckStateAsync(page, test, "dashboard");
        await Screenshots.TakeAsync(page, Site.ProviderName, "dashboard-" + test, "first-screen", fullPage: false);

        await TabToAsync(page, "form[action*='sign-out'] [type=submit]", atMost: 400);
        Assert.True((await SubmitAsync(page, () => page.Keyboard.PressAsync("Enter"))).Ok);
        Assert.True(await ShowsSignInAsync(page));
    }

    /// <summary>
    /// The README's picture: the dashboard on a laptop after the worked example (six weeks of visits in three
    /// departments), in English, kept as <c>screenshots/&lt;provider&gt;/dashboard-readme/dashboard.png</c>. The
    /// state is the one the sign-in test audits; this one only keeps the picture.
    /// </summary>
    [Fact]
    public async Task The_worked_example_on_a_laptop_is_the_READMEs_picture()
    {
        await using var context = await DesktopAsync("en");
        var page = await SignedInAsync(context, Example.ReaderKey);
        await Screenshots.TakeAsync(page, Site.ProviderName, "dashboard-readme", "dashboard");
    }

    /// <summary>Whether a GET of /dashboard sending only <paramref name="cookie"/> shows the dashboard.</summary>
    private async Task<bool> CookieShowsDashboardAsync(BrowserContextCookiesResult cookie)
    {
        using var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = Site.Base };
        using var request = new HttpRequestMessage(HttpMethod.Get, "dashboard");
        request.Headers.Add("Cookie", $"{cookie.Name}={cookie.Value}");
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.OK && html.Contains("id=\"csat-trend\"", StringComparison.Ordinal);
    }
}
