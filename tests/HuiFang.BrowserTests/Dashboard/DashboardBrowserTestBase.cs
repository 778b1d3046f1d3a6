using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using HuiFang.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace HuiFang.BrowserTests.Dashboard;

/// <summary>
/// What the dashboard tests share: the worked example (seeded once per site), signing in by pasting a key
/// into the page's form, the charts and their table twins read from the page (the ids and <c>data-*</c>
/// attributes are the page's contract), the JSON reports the same key reads for the same period, and a
/// screenshot and an axe-core audit of each state.
/// </summary>
public abstract class DashboardBrowserTestBase(SiteFixture site, Chromium chromium) : IAsyncLifetime
{
    /// <summary>The charts of the page, each a <c>figure</c> with an SVG and a table twin <c>#&lt;id&gt;-table</c>.</summary>
    public static readonly string[] Charts =
        ["csat-trend", "score-distribution", "nps", "response-rate", "sla-compliance", "breaching-soon"];

    /// <summary>The sections of the quality records (weekly reviews, spot-checks, corrective actions).</summary>
    public static readonly string[] QualitySections =
        ["review-status", "spot-check-pass-rate", "corrective-actions"];

    protected SiteFixture Site { get; } = site;

    protected Chromium Chromium { get; } = chromium;

    protected DashboardWorkedExample Example { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Site.PrepareAsync();
        Example = await DashboardWorkedExample.OfAsync(Site);
    }

    public async ValueTask DisposeAsync()
    {
        if (_auditorContext is not null)
        {
            await _auditorContext.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected Task<IBrowserContext> DesktopAsync(string language, bool javaScript = true) =>
        Chromium.NewDesktopContextAsync(language, javaScript, Site.Base.ToString());

    protected Task<IBrowserContext> PhoneAsync(string language, bool javaScript = true) =>
        Chromium.NewPhoneContextAsync(language, javaScript, Site.Base.ToString());

    /// <summary>The page's state: <c>main#dashboard[data-state]</c> (sign-in, dashboard, items, bad-request, …).</summary>
    protected static Task<string?> StateAsync(IPage page) => page.Locator("main#dashboard").GetAttributeAsync("data-state");

    /// <summary>Whether the page shows the sign-in form (and no figure).</summary>
    protected static async Task<bool> ShowsSignInAsync(IPage page) =>
        await StateAsync(page) == "sign-in" && await page.Locator("input[name=credential]").CountAsync() == 1 && await page.Locator("figure").CountAsync() == 0;

    /// <summary>Opens <c>/dashboard</c>, pastes <paramref name="key"/> and sends the form; returns the page and the answer to the POST.</summary>
    protected static async Task<(IPage Page, IResponse Answer)> SignInAsync(IBrowserContext context, string key, string path = "/dashboard")
    {
        var page = await context.NewPageAsync();
        var opened = await page.GotoAsync(path);
        Assert.Equal(200, opened!.Status);
        Assert.True(await ShowsSignInAsync(page), "Without a session /dashboard shows the sign-in form.");
        await page.Locator("input[name=credential]").FillAsync(key);
        var answer = await SubmitAsync(page, () => page.Locator("form:has(input[name=credential]) [type=submit]").ClickAsync());
        return (page, answer);
    }

    /// <summary>Signs in and checks that the dashboard is shown.</summary>
    protected static async Task<IPage> SignedInAsync(IBrowserContext context, string key, string path = "/dashboard")
    {
        var (page, answer) = await SignInAsync(context, key, path);
        Assert.True(answer.Ok, $"sign-in answered {answer.Status}");
        Assert.False(await ShowsSignInAsync(page), "After signing in the dashboard is shown: " + await page.Locator("body").InnerTextAsync());
        Assert.Equal("dashboard", await StateAsync(page));
        Assert.Equal(1, await page.Locator("figure#csat-trend").CountAsync());
        return page;
    }

    /// <summary>Runs <paramref name="action"/> and returns the answer of the navigation it causes (a form's POST or GET).</summary>
    /// <remarks>As in the survey page tests: the form may post to the URL it is on, so only the navigation itself tells the pages apart.</remarks>
#pragma warning disable CS0612
    protected static async Task<IResponse> SubmitAsync(IPage page, Func<Task> action) =>
        (await page.RunAndWaitForNavigationAsync(action))!;
#pragma warning restore CS0612

    /// <summary>
    /// The session cookie's names: <c>__Secure-huifang-dashboard</c> over HTTPS, <c>huifang-dashboard</c> on plain HTTP
    /// (the antiforgery cookie beside it, <c>hf-dashboard-af</c>, is not a session).
    /// </summary>
    protected static bool IsSessionCookie(BrowserContextCookiesResult cookie) => cookie.Name is "huifang-dashboard" or "__Secure-huifang-dashboard";

    /// <summary>The session cookie the sign-in set, the only one.</summary>
    protected static async Task<BrowserContextCookiesResult> SessionCookieAsync(IBrowserContext context) =>
        Assert.Single(await context.CookiesAsync(), IsSessionCookie);

    protected static Task<IReadOnlyList<(string Label, IReadOnlyDictionary<string, string> Values)>> RowsAsync(IPage page, string table) => DashboardPage.RowsAsync(page, table);

    protected static Task AssertChartEqualsTableAsync(IPage page, string chart) => DashboardPage.AssertChartEqualsTableAsync(page, chart);

    protected static bool SameNumber(string a, string b) => DashboardPage.SameNumber(a, b);

    /// <summary>A number of a JSON report as a <c>data-value</c> holds it (invariant culture; null → empty).</summary>
    protected static string Number(JsonNode? node) => node is null ? "" : ((double)node).ToString(CultureInfo.InvariantCulture);

    /// <summary>The period the page shows, read from its filter form (from, to and department as the page holds them).</summary>
    protected static async Task<(string From, string To, string? Department)> FiltersAsync(IPage page)
    {
        var from = await page.Locator("form input[name=from]").InputValueAsync();
        var to = await page.Locator("form input[name=to]").InputValueAsync();
        var department = await page.Locator("form [name=department]").CountAsync() == 1
            ? await page.Locator("form [name=department]").InputValueAsync()
            : null;
        return (from, to, string.IsNullOrEmpty(department) ? null : department);
    }

    /// <summary>A JSON report read through the API with <paramref name="key"/>.</summary>
    protected async Task<JsonObject> ReportAsync(string key, string report, string from, string to, string? groupBy, string? department = null)
    {
        using var api = Site.CreateApiClient(key);
        var query = $"api/v1/reports/{report}?from={from}&to={to}"
            + (groupBy is null ? "" : $"&groupBy={groupBy}")
            + (department is null ? "" : $"&department={Uri.EscapeDataString(department)}");
        using var response = await api.GetAsync(query);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {query}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>
    /// Each chart's rows as the JSON report the key reads for the same period and department gives them:
    /// label → the report row (its fields are the table's series).
    /// </summary>
    protected async Task<IReadOnlyDictionary<string, IReadOnlyList<(string Label, JsonObject Row)>>> ExpectedAsync(string key, string from, string to, string? department)
    {
        var byWeek = await ReportAsync(key, "satisfaction", from, to, "week", department);
        var channels = await ReportAsync(key, "survey-invitations", from, to, "channel", department);
        var sla = await ReportAsync(key, "sla", from, to, "department", department);
        var total = byWeek["total"]!.AsObject();
        var reviews = await ReportAsync(key, "reviews", from, to, "department", department);
        var spotChecks = await ReportAsync(key, "spot-checks", from, to, "assignee", department);
        var actions = (await ReportAsync(key, "corrective-actions", from, to, "month", department))["total"]!.AsObject();

        static IReadOnlyList<(string, JsonObject)> Rows(JsonObject report) =>
            [.. report["rows"]!.AsArray().Select(r => ((string)r!["group"]!, r.AsObject()))];

        return new Dictionary<string, IReadOnlyList<(string, JsonObject)>>
        {
            ["csat-trend"] = Rows(byWeek),
            ["nps"] = Rows(byWeek),
            // The distribution: one row per score, its count the total's score1…score5.
            ["score-distribution"] = [.. Enumerable.Range(1, 5).Select(s => ("score" + s, new JsonObject { ["count"] = total["score" + s]!.DeepClone() }))],
            ["response-rate"] = Rows(channels),
            ["sla-compliance"] = Rows(sla),
            ["review-status"] = Rows(reviews),
            ["spot-check-pass-rate"] = Rows(spotChecks),
            // Open and overdue now, closed: each a row whose count is the report total's field of that name.
            ["corrective-actions"] = [.. new[] { "open", "overdue", "closed" }.Select(s => (s, new JsonObject { ["count"] = actions[s]!.DeepClone() }))],
        };
    }

    /// <summary>Each chart's table equals the JSON report: the same rows in the same order, and every cell the report's field of that name.</summary>
    protected async Task AssertTablesEqualReportsAsync(IPage page, string key)
    {
        var (from, to, department) = await FiltersAsync(page);
        var expected = await ExpectedAsync(key, from, to, department);
        foreach (var (chart, rows) in expected)
        {
            var shown = await RowsAsync(page, chart + "-table");
            var where = $"{chart} ({from}..{to}{(department is null ? "" : ", " + department)})";
            Assert.True(rows.Select(r => r.Label).SequenceEqual(shown.Select(s => s.Label)),
                $"{where}: the table's rows [{string.Join(", ", shown.Select(s => s.Label))}], the JSON report's [{string.Join(", ", rows.Select(r => r.Label))}]");
            foreach (var ((label, row), (_, cells)) in rows.Zip(shown))
            {
                Assert.NotEmpty(cells);
                foreach (var (series, value) in cells)
                {
                    Assert.True(row.ContainsKey(series), $"{where} {label}: the table's column {series} is not a field of the JSON report");
                    Assert.True(SameNumber(Number(row[series]), value), $"{where} {label}/{series}: the JSON report says {Number(row[series])}, the table '{value}'");
                }
            }
        }
    }

    private IBrowserContext? _auditorContext;
    private IPage? _auditor;

    /// <summary>Where pages seen with JavaScript off are audited (axe needs JavaScript); made on first use.</summary>
    private async Task<IPage> AuditorAsync(string language)
    {
        _auditorContext ??= await Chromium.NewDesktopContextAsync(language, javaScript: true);
        return _auditor ??= await _auditorContext.NewPageAsync();
    }

    /// <summary>Screenshot and accessibility audit of the page as it is now.</summary>
    protected async Task CheckStateAsync(IPage page, string test, string state)
    {
        await Screenshots.TakeAsync(page, Site.ProviderName, "dashboard-" + test, state);
        var javaScript = page.Context is { } context && Chromium.HasJavaScript(context);
        await Accessibility.AssertNoSeriousViolationsAsync(page, state, javaScript ? null : await AuditorAsync(await page.Locator("html").GetAttributeAsync("lang") ?? "en"));
    }

    /// <summary>Presses Tab until <paramref name="selector"/> has the focus, as a keyboard user moves through the page.</summary>
    protected static async Task TabToAsync(IPage page, string selector, int atMost = 120)
    {
        for (var i = 0; i < atMost; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.Locator(selector + ":focus").CountAsync() == 1)
            {
                return;
            }
        }

        Assert.Fail($"{selector} never got the focus in {atMost} presses of Tab.");
    }
}
