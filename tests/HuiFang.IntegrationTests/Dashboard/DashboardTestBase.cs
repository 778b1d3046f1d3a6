using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using HuiFang.IntegrationTests.Escalations;
using HuiFang.IntegrationTests.Infrastructure;
using HuiFang.IntegrationTests.VisitTasks;

namespace HuiFang.IntegrationTests.Dashboard;

/// <summary>Speaks to the dashboard as a browser does: HTML in, plain form posts out, its cookies kept (the session's and the antiforgery one).</summary>
public abstract class DashboardTestBase(ApiFixture fixture) : LoopTestBase(fixture)
{
    protected static readonly HtmlParser Parser = new();

    private int _n;

    /// <summary>A browser with a cookie jar of its own and no credentials.</summary>
    protected HttpClient Browser(string language = "en")
    {
        var client = Fixture.CreateClientWithKey(null, language);
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        return client;
    }

    protected static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        Parser.ParseDocument(await response.Content.ReadAsStringAsync());

    protected static string State(IHtmlDocument page) => page.QuerySelector("main#dashboard")!.GetAttribute("data-state")!;

    protected static string? Token(IHtmlDocument page, string form) => page.QuerySelector<IHtmlInputElement>($"form#{form} input[name=__af]")?.Value;

    /// <summary>Opens the sign-in form and sends <paramref name="credential"/> with its antiforgery token (unless told otherwise).</summary>
    protected static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string credential, string? antiforgery = "")
    {
        var form = await ParseAsync(await browser.GetAsync("/dashboard"));
        Assert.Equal("sign-in", State(form));
        var fields = new List<KeyValuePair<string, string>> { new("credential", credential) };
        if (antiforgery is not null)
        {
            fields.Add(new("__af", antiforgery.Length == 0 ? Token(form, "sign-in-form")! : antiforgery));
        }

        return await browser.PostAsync("/dashboard/sign-in", new FormUrlEncodedContent(fields));
    }

    /// <summary>A browser signed in with a new key of <paramref name="tenant"/> holding reports:read only.</summary>
    protected async Task<HttpClient> SignedInAsync(string tenant = ApiFixture.TenantA, string language = "en")
    {
        var browser = Browser(language);
        var response = await SignInAsync(browser, await Fixture.App.CreateApiKeyAsync(tenant, ["reports:read"], "supervisor"));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return browser;
    }

    protected static async Task<IHtmlDocument> PageAsync(HttpClient browser, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await browser.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"GET {path}: expected {expected}, got {(int)response.StatusCode}: {body[..Math.Min(body.Length, 2000)]}");
        return Parser.ParseDocument(body);
    }

    /// <summary>A task of <paramref name="department"/> and its first-visit feedback, recorded at <paramref name="at"/> on the test clock.</summary>
    protected async Task<Guid> FeedbackAsync(DateTimeOffset at, int score, string department = "AfterSales", int? nps = null, HttpClient? client = null)
    {
        client ??= Client;
        Fixture.Clock.Reset(at);
        var n = Interlocked.Increment(ref _n);
        var task = VisitTaskRequests.NewTask(customer: $"C-D-{n}", workOrder: $"WO-D-{n}", completedAt: at.AddHours(-2).ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture));
        task["serviceRecord"]!["department"] = department;
        var created = await client.PostAsync("/api/v1/visit-tasks", Json(task));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var taskId = (Guid)(await ReadObjectAsync(created))["id"]!;
        var feedback = Feedback(score, score <= 2 ? ["Complaint"] : ["Praise"], score <= 2 ? "General" : null);
        if (nps is not null)
        {
            feedback["nps"] = nps;
        }

        var recorded = await client.PostAsync($"/api/v1/visit-tasks/{taskId}/feedback", Json(feedback));
        Assert.True(recorded.StatusCode == HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync());
        return taskId;
    }

    /// <summary>The values of a section's table: row label → column → data-value, as the page wrote them.</summary>
    protected static Dictionary<string, Dictionary<string, string>> TableOf(IHtmlDocument page, string id)
    {
        var table = page.QuerySelector($"table#{id}-table");
        Assert.NotNull(table);
        return table!.QuerySelectorAll("tbody tr").ToDictionary(
            r => r.GetAttribute("data-label")!,
            r => r.QuerySelectorAll("td[data-series]").ToDictionary(c => c.GetAttribute("data-series")!, c => c.GetAttribute("data-value")!));
    }

    /// <summary>The chart's marks: (label, series) → data-value.</summary>
    protected static Dictionary<(string Label, string Series), string> MarksOf(IHtmlDocument page, string id)
    {
        var figure = page.QuerySelector($"figure#{id}");
        Assert.NotNull(figure);
        Assert.NotNull(figure!.QuerySelector("svg[role=img][aria-labelledby]"));
        // An image's children are presentational: a link inside it is unreachable (axe nested-interactive). The links are on the table.
        Assert.Empty(figure.QuerySelectorAll("svg a"));
        return figure.QuerySelectorAll("[data-label][data-value]").ToDictionary(m => (m.GetAttribute("data-label")!, m.GetAttribute("data-series")!), m => m.GetAttribute("data-value")!);
    }

    /// <summary>A JSON number as the page writes it (invariant, shortest round-trip); empty for null.</summary>
    protected static string Raw(JsonNode? node) => node is null ? "" : node.ToJsonString();
}
