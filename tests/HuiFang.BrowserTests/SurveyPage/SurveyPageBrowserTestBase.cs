using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using HuiFang.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace HuiFang.BrowserTests.SurveyPage;

/// <summary>
/// What the survey page tests share: tasks and invitations made through the API (the way a CRM makes them),
/// a phone in Chromium that opens the link, keyboard-only navigation, and the page state read from
/// <c>main#survey[data-state]</c>.
/// </summary>
public abstract class SurveyPageBrowserTestBase(SiteFixture site, Chromium chromium) : IAsyncLifetime
{
    /// <summary>The customer's phone number on every task: the page must never show any of it.</summary>
    protected const string Phone = "13812345678";

    protected SiteFixture Site { get; } = site;

    protected Chromium Chromium { get; } = chromium;

    protected HttpClient Api { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Site.PrepareAsync();
        Api = Site.CreateApiClient();
    }

    public async ValueTask DisposeAsync()
    {
        Api?.Dispose();
        if (_auditorContext is not null)
        {
            await _auditorContext.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>A visit task of a customer of its own (the channel a survey link is sent by), as a CRM creates it.</summary>
    protected async Task<Guid> CreateTaskAsync(string channel = "Sms")
    {
        var customer = $"C-{Guid.NewGuid():N}"[..14];
        var body = new JsonObject
        {
            ["customer"] = new JsonObject { ["externalId"] = customer, ["name"] = "王先生", ["phone"] = Phone, ["preferredChannel"] = channel },
            ["serviceRecord"] = new JsonObject
            {
                ["workOrderNo"] = "WO-" + customer,
                ["serviceType"] = "Repair",
                ["description"] = "空调故障维修",
                ["completedAt"] = Site.Clock.GetUtcNow().AddHours(-2).ToString("O"),
                ["staff"] = "李师傅",
                ["department"] = "AfterSales",
            },
            ["purpose"] = "AfterSales",
            ["channel"] = channel,
            ["assignee"] = "agent-07",
        };
        var created = await SendAsync(HttpMethod.Post, "api/v1/visit-tasks", body, HttpStatusCode.Created);
        return Guid.Parse((string)created["id"]!);
    }

    /// <summary>An invitation for <paramref name="taskId"/>: its id and the link's path (<c>/s/{token}</c>), as the create answer shows them once.</summary>
    protected async Task<(Guid Invitation, string Path)> InviteAsync(Guid taskId, string language)
    {
        var created = await SendAsync(HttpMethod.Post, $"api/v1/visit-tasks/{taskId}/survey-invitations", new JsonObject { ["language"] = language }, HttpStatusCode.Created);
        var link = new Uri((string)created["link"]!);
        Assert.StartsWith("/s/", link.AbsolutePath);
        return (Guid.Parse((string)created["invitation"]!["id"]!), link.AbsolutePath);
    }

    protected async Task<JsonObject> GetAsync(string path) => await SendAsync(HttpMethod.Get, path, null, HttpStatusCode.OK);

    protected async Task<JsonObject> SendAsync(HttpMethod method, string path, JsonNode? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await Api.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>The feedback recorded for a task (the current records).</summary>
    protected async Task<JsonArray> FeedbackOfAsync(Guid taskId) => (await GetAsync($"api/v1/feedback?taskId={taskId}"))["items"]!.AsArray();

    /// <summary>Nothing was recorded for the task: no feedback, no escalation, the task still open, the invitation still open and unanswered.</summary>
    protected async Task AssertNothingRecordedAsync(Guid taskId, Guid invitationId)
    {
        Assert.Empty(await FeedbackOfAsync(taskId));
        var task = await GetAsync($"api/v1/visit-tasks/{taskId}");
        Assert.Null(task["closedAt"]);
        Assert.Empty((await GetAsync($"api/v1/escalations?taskId={taskId}"))["items"]!.AsArray());
        var invitation = await GetAsync($"api/v1/survey-invitations/{invitationId}");
        Assert.Equal("Open", (string?)invitation["status"]);
        Assert.Null(invitation["answeredAt"]);
    }

    protected Task<IBrowserContext> PhoneAsync(string language, bool javaScript = true) =>
        Chromium.NewPhoneContextAsync(language, javaScript, Site.Base.ToString());

    private IBrowserContext? _auditorContext;
    private IPage? _auditor;

    /// <summary>Where the pages of a phone with JavaScript off are audited (axe needs JavaScript); made on first use.</summary>
    private async Task<IPage> AuditorAsync(string language)
    {
        _auditorContext ??= await Chromium.NewPhoneContextAsync(language, javaScript: true);
        return _auditor ??= await _auditorContext.NewPageAsync();
    }

    protected static Task<string?> StateAsync(IPage page) => page.Locator("main#survey").GetAttributeAsync("data-state");

    /// <summary>Presses Tab until <paramref name="selector"/> has the focus, as a keyboard user moves through the page.</summary>
    protected static async Task TabToAsync(IPage page, string selector, int atMost = 80)
    {
        for (var i = 0; i < atMost; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            // :focus is matched by Playwright's own selector engine, which works with the page's JavaScript off.
            if (await page.Locator(selector + ":focus").CountAsync() == 1)
            {
                return;
            }
        }

        Assert.Fail($"{selector} never got the focus in {atMost} presses of Tab.");
    }

    /// <summary>Presses <paramref name="key"/> and returns the answer of the navigation it causes (the form's POST).</summary>
    /// <remarks>
    /// Playwright marks this wait obsolete in favour of waiting for a URL, but the form posts to the URL it is on:
    /// only the navigation itself tells the old page from the answer.
    /// </remarks>
#pragma warning disable CS0612
    protected static async Task<IResponse> SubmitWithAsync(IPage page, string key = "Enter") =>
        (await page.RunAndWaitForNavigationAsync(() => page.Keyboard.PressAsync(key)))!;
#pragma warning restore CS0612

    /// <summary>Screenshot and accessibility audit of the page as it is now.</summary>
    protected async Task CheckStateAsync(IPage page, string test, string state)
    {
        await Screenshots.TakeAsync(page, Site.ProviderName, test, state);
        var javaScript = page.Context is { } context && Chromium.HasJavaScript(context);
        await Accessibility.AssertNoSeriousViolationsAsync(page, state, javaScript ? null : await AuditorAsync(await page.Locator("html").GetAttributeAsync("lang") ?? "en"));
        var text = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain(Phone[^4..], text);
    }
}
