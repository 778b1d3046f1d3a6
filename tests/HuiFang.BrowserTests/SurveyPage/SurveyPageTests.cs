using System.Net;
using System.Text.Json.Nodes;
using HuiFang.BrowserTests.Infrastructure;

namespace HuiFang.BrowserTests.SurveyPage;

public sealed class SqliteSurveyPageTests(SqliteSite site, Chromium chromium) : SurveyPageTests(site, chromium), IClassFixture<SqliteSite>;

public sealed class PostgresSurveyPageTests(PostgresSite site, Chromium chromium) : SurveyPageTests(site, chromium), IClassFixture<PostgresSite>;

/// <summary>
/// The customer's survey page <c>/s/{token}</c> in Chromium on a phone, with JavaScript on and off, in both
/// languages: answered with the keyboard alone, each state (form, form with errors, thank-you, already
/// answered, expired) audited by axe-core and kept as a screenshot, and what the answer did read back
/// through the API.
/// </summary>
public abstract class SurveyPageTests(SiteFixture site, Chromium chromium) : SurveyPageBrowserTestBase(site, chromium)
{
    [Theory]
    [InlineData("zh-CN", true)]
    [InlineData("zh-CN", false)]
    [InlineData("en", true)]
    [InlineData("en", false)]
    public async Task A_keyboard_answer_with_a_score_of_1_opens_the_same_escalation_as_an_agents_score(string language, bool javaScript)
    {
        var test = $"keyboard-answer-{language}-{(javaScript ? "js" : "no-js")}";
        var taskId = await CreateTaskAsync();
        var (invitationId, path) = await InviteAsync(taskId, language);

        await using var context = await PhoneAsync(language, javaScript);
        var page = await context.NewPageAsync();
        var opened = await page.GotoAsync(path);
        Assert.Equal(200, opened!.Status);
        Assert.Equal("form", await StateAsync(page));
        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal(SiteFixture.OrganisationName, await page.Locator("#organisation").InnerTextAsync());
        await CheckStateAsync(page, test, "form");
        await AssertNothingRecordedAsync(taskId, invitationId);

        // Sent with nothing answered: the form comes back with its errors, the focus order still starting at the top.
        await TabToAsync(page, "#submit");
        var refused = await SubmitWithAsync(page);
        Assert.Equal(400, refused.Status);
        Assert.Equal("form", await StateAsync(page));
        Assert.True(await page.Locator("#error-summary").IsVisibleAsync());
        Assert.True(await page.Locator("#q-overall-error").IsVisibleAsync());
        await CheckStateAsync(page, test, "form-with-errors");
        await AssertNothingRecordedAsync(taskId, invitationId);

        // Tab into each required group (the first radio takes the focus), Space checks it; Enter sends the form.
        await TabToAsync(page, "#q-overall-1");
        await page.Keyboard.PressAsync("Space");
        Assert.True(await page.Locator("#q-overall-1").IsCheckedAsync());
        await TabToAsync(page, "#q-resolved-yes");
        await page.Keyboard.PressAsync("Space");
        Assert.True(await page.Locator("#q-resolved-yes").IsCheckedAsync());
        await TabToAsync(page, "#submit");
        var answered = await SubmitWithAsync(page);
        Assert.Equal(200, answered.Status);
        Assert.Equal("thanks", await StateAsync(page));
        Assert.True(await page.Locator("#follow-up").IsVisibleAsync(), "A score of 1 opens an escalation; the thank-you page says someone will follow up.");
        await CheckStateAsync(page, test, "thanks");

        // What the answer did, read through the API, beside the same answer recorded by an agent after a call.
        var feedback = Assert.Single(await FeedbackOfAsync(taskId));
        Assert.Equal(1, (int)feedback!["score"]!);
        var fromSurvey = await EscalationOfAsync(taskId);
        var agentTask = await CreateTaskAsync();
        await SendAsync(HttpMethod.Post, $"api/v1/visit-tasks/{agentTask}/feedback", new JsonObject
        {
            ["answers"] = new JsonArray(
                new JsonObject { ["question"] = "overall", ["score"] = 1 },
                new JsonObject { ["question"] = "resolved", ["yes"] = true }),
        }, HttpStatusCode.Created);
        var fromAgent = await EscalationOfAsync(agentTask);
        Assert.Equal(Comparable(fromAgent).ToJsonString(), Comparable(fromSurvey).ToJsonString());
        foreach (var target in new[] { "response", "resolutionTarget" })
        {
            var apart = DueBy(fromSurvey, target) - DueBy(fromAgent, target);
            Assert.True(apart.Duration() <= TimeSpan.FromMinutes(1), $"{target} is due {apart} apart from the agent's");
        }

        var invitation = await GetAsync($"api/v1/survey-invitations/{invitationId}");
        Assert.Equal("Answered", (string?)invitation["status"]);
        Assert.Equal((string?)feedback["id"], (string?)invitation["feedbackId"]);

        // The link again: the answer, not a second form.
        var again = await page.GotoAsync(path);
        Assert.Equal(200, again!.Status);
        Assert.Equal("answered", await StateAsync(page));
        Assert.True(await page.Locator("dl#answer").IsVisibleAsync());
        await CheckStateAsync(page, test, "already-answered");
        Assert.Single(await FeedbackOfAsync(taskId));
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task Opening_the_link_records_nothing_until_the_form_is_sent(string language)
    {
        var taskId = await CreateTaskAsync();
        var (invitationId, path) = await InviteAsync(taskId, language);

        // A scanner, a preview and the customer opening it several times, one with the score preselected from the SMS.
        foreach (var javaScript in new[] { true, false })
        {
            await using var context = await PhoneAsync(language, javaScript);
            var page = await context.NewPageAsync();
            foreach (var link in new[] { path, path + "?s=1", path + "?s=5", path })
            {
                var opened = await page.GotoAsync(link);
                Assert.Equal(200, opened!.Status);
                Assert.Equal("form", await StateAsync(page));
            }

            Assert.True(await page.Locator("#q-overall-5").IsCheckedAsync() is false);
            await page.GotoAsync(path + "?s=4");
            Assert.True(await page.Locator("#q-overall-4").IsCheckedAsync(), "?s=4 preselects the score");
            await page.ReloadAsync();
        }

        await AssertNothingRecordedAsync(taskId, invitationId);

        // Sending the preselected score is what records it.
        await using var phone = await PhoneAsync(language);
        var form = await phone.NewPageAsync();
        await form.GotoAsync(path + "?s=4");
        await TabToAsync(form, "#q-resolved-yes");
        await form.Keyboard.PressAsync("Space");
        await TabToAsync(form, "#submit");
        Assert.Equal(200, (await SubmitWithAsync(form)).Status);
        Assert.Equal("thanks", await StateAsync(form));
        Assert.Equal(4, (int)Assert.Single(await FeedbackOfAsync(taskId))!["score"]!);
    }

    [Theory]
    [InlineData("zh-CN", true)]
    [InlineData("en", false)]
    public async Task An_expired_link_and_an_unknown_one_show_the_same_expired_page(string language, bool javaScript)
    {
        var test = $"expired-{language}-{(javaScript ? "js" : "no-js")}";
        var taskId = await CreateTaskAsync();
        var (_, path) = await InviteAsync(taskId, language);

        await using var context = await PhoneAsync(language, javaScript);
        var page = await context.NewPageAsync();
        Site.Clock.Offset = TimeSpan.FromDays(29); // past the longest expiry a tenant can set (28 days)
        var expired = await page.GotoAsync(path);
        Assert.Equal(410, expired!.Status);
        Assert.Equal("expired", await StateAsync(page));
        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
        await CheckStateAsync(page, test, "expired");
        var expiredText = await page.Locator("main").InnerTextAsync();

        var unknown = await page.GotoAsync("/s/" + new string('A', 22));
        Assert.Equal(410, unknown!.Status);
        Assert.Equal("expired", await StateAsync(page));
        Assert.Equal(expiredText, await page.Locator("main").InnerTextAsync());
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task The_form_fits_the_width_of_a_phone_and_every_target_is_at_least_44_pixels_high(string language)
    {
        var taskId = await CreateTaskAsync();
        var (_, path) = await InviteAsync(taskId, language);
        await using var context = await PhoneAsync(language);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path + "?s=4");
        Assert.Equal("form", await StateAsync(page));

        Assert.Equal(Chromium.Phone.Width, await page.EvaluateAsync<int>("document.documentElement.scrollWidth"));
        foreach (var target in await page.Locator("label.opt, button#submit, textarea").AllAsync())
        {
            var box = (await target.BoundingBoxAsync())!;
            Assert.True(box.Height >= 44 && box.Width >= 44, $"{await target.InnerTextAsync()}: {box.Width}×{box.Height}");
        }

        // The first screen a customer sees, score preselected from the SMS: the README's picture (docs/images/).
        await Screenshots.TakeAsync(page, Site.ProviderName, $"phone-{language}", "first-screen", fullPage: false);
    }

    /// <summary>The escalation the task's feedback opened (the feedback names it; the queue has exactly that one for the task).</summary>
    private async Task<JsonObject> EscalationOfAsync(Guid taskId)
    {
        var feedback = Assert.Single(await FeedbackOfAsync(taskId))!;
        Assert.NotNull(feedback["escalationId"]);
        var queued = Assert.Single((await GetAsync($"api/v1/escalations?taskId={taskId}"))["items"]!.AsArray())!;
        Assert.Equal((string?)feedback["escalationId"], (string?)queued["id"]);
        return await GetAsync($"api/v1/escalations/{(string)feedback["escalationId"]!}");
    }

    /// <summary>An escalation without what belongs to its own task and moment: ids, customer, work order, timestamps, SLA clocks.</summary>
    private static JsonObject Comparable(JsonObject escalation)
    {
        var copy = escalation.DeepClone().AsObject();
        foreach (var member in new[] { "id", "taskId", "feedbackId", "revisitTaskId", "customerExternalId", "workOrderNo", "response", "resolutionTarget",
                     "nextDueBy", "openedAt", "cycleStartedAt", "acknowledgedAt", "resolvedAt", "closedAt", "updatedAt", "createdAt", "version", "lastReminderAt" })
        {
            copy.Remove(member);
        }

        // The SLA targets themselves (how long, on which clock), without their due dates.
        copy["responseTarget"] = escalation["response"]!["target"]!.DeepClone();
        copy["responseClock"] = escalation["response"]!["clock"]!.DeepClone();
        copy["resolutionTargetTarget"] = escalation["resolutionTarget"]!["target"]!.DeepClone();
        copy["resolutionTargetClock"] = escalation["resolutionTarget"]!["clock"]!.DeepClone();

        return copy;
    }

    private static DateTimeOffset DueBy(JsonObject escalation, string target) => DateTimeOffset.Parse((string)escalation[target]!["dueBy"]!);
}
