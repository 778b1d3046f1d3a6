using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using HuiFang.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.IntegrationTests.SurveyPage;

public sealed class SqliteSurveyPageTests(SqliteSurveyPageFixture fixture) : SurveyPageTests(fixture), IClassFixture<SqliteSurveyPageFixture>;

public sealed class PostgresSurveyPageTests(PostgresSurveyPageFixture fixture) : SurveyPageTests(fixture), IClassFixture<PostgresSurveyPageFixture>;

/// <summary>
/// The customer's page <c>/s/{token}</c> over HTTP, as a browser without JavaScript uses it: a GET never records
/// anything, the POST records the answer exactly as an agent's feedback would, and every wrong link or form gets
/// its own clear page (or problem, for a client that does not take HTML).
/// </summary>
public abstract class SurveyPageTests(ApiFixture fixture) : SurveyPageTestBase(fixture)
{
    [Theory]
    [InlineData("zh-CN", "zh-CN", "关于您 2026年11月20日 的维修服务", "您对本次服务整体感受如何？")]
    [InlineData("en", "zh-CN", "About your repair on 20 November 2026", "")]
    public async Task The_form_speaks_the_invitations_language_and_shows_the_organisation_and_the_visit_but_never_the_customer(
        string language, string browserLanguage, string about, string overallText)
    {
        var (_, token, _) = await InviteAsync(language);
        var response = await Browser(browserLanguage).GetAsync($"/s/{token}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var html = await response.Content.ReadAsStringAsync();
        var page = Parser.ParseDocument(html);
        Assert.Equal("form", State(page));
        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(ApiFixture.TenantA, page.QuerySelector("#organisation")!.TextContent);
        Assert.Equal(about, page.QuerySelector("#about")!.TextContent);
        Assert.DoesNotContain("13812345678", html, StringComparison.Ordinal);
        Assert.DoesNotContain("5678", html, StringComparison.Ordinal);
        Assert.DoesNotContain("王先生", html, StringComparison.Ordinal);

        // Native radios in a fieldset with a legend, each with its label; no script anywhere.
        var overall = page.QuerySelector("fieldset#q-overall")!;
        Assert.NotNull(overall.QuerySelector("legend"));
        if (overallText.Length > 0)
        {
            Assert.StartsWith(overallText, overall.QuerySelector("legend")!.TextContent, StringComparison.Ordinal);
        }

        var radios = overall.QuerySelectorAll("input[type=radio][name='q.overall']").Cast<IHtmlInputElement>().ToList();
        Assert.Equal(["1", "2", "3", "4", "5"], radios.Select(r => r.Value));
        Assert.All(radios, r => Assert.NotNull(page.QuerySelector($"label[for='{r.Id}']")));
        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.Empty(page.QuerySelectorAll("link, img, iframe"));
        Assert.NotNull(page.QuerySelector("input#do-not-contact[type=checkbox][name=doNotContact]"));
        Assert.Equal("post", page.QuerySelector<IHtmlFormElement>("form#survey-form")!.Method);
    }

    [Fact]
    public async Task A_hundred_gets_of_a_link_record_nothing_even_with_a_preselected_score()
    {
        var (_, token, _) = await InviteAsync();
        var before = await WrittenStateAsync();
        var browser = Browser();
        for (var i = 0; i < 100; i++)
        {
            var response = await browser.GetAsync($"/s/{token}?s={(i % 5) + 1}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(before, await WrittenStateAsync());
        var page = await ParseAsync(await browser.GetAsync($"/s/{token}?s=1"));
        Assert.True(page.QuerySelector<IHtmlInputElement>("#q-overall-1")!.IsChecked);
        Assert.False(page.QuerySelector<IHtmlInputElement>("#q-overall-5")!.IsChecked);
        Assert.Equal(before, await WrittenStateAsync());
    }

    [Fact]
    public async Task The_answer_is_recorded_as_feedback_by_the_survey_and_the_link_then_shows_it_and_takes_no_second_one()
    {
        var (taskId, token, invitationId) = await InviteAsync("en");
        var browser = Browser();
        var response = await AnswerAsync(browser, token, [.. Satisfied, Field("q.details", "Quick and friendly")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var thanks = await ParseAsync(response);
        Assert.Equal("thanks", State(thanks));
        Assert.Null(thanks.QuerySelector("#follow-up"));

        var task = await GetAsync($"/api/v1/visit-tasks/{taskId}");
        Assert.Equal("Completed", (string?)task["status"]);
        var feedback = Assert.Single((await GetAsync($"/api/v1/feedback?taskId={taskId}"))["items"]!.AsArray())!;
        Assert.Equal(5, (int)feedback["score"]!);
        Assert.Equal("Satisfied", (string?)feedback["verdict"]);
        Assert.Equal("Quick and friendly", (string?)feedback["comment"]);
        var invitation = await GetAsync($"/api/v1/survey-invitations/{invitationId}");
        Assert.Equal("Answered", (string?)invitation["status"]);
        Assert.Equal((string?)feedback["id"], (string?)invitation["feedbackId"]);
        Assert.Equal(1, await CountEventsAsync("FeedbackRecorded"));

        // The audit trail names the survey, not an agent.
        var actors = await Fixture.InScopeAsync(db => db.AuditEntries.Where(a => a.Action == "feedback-recorded").Select(a => new { a.ActorKind, a.ActorId, a.ActorName }).ToListAsync());
        var actor = Assert.Single(actors);
        Assert.Equal(("Survey", $"survey:{invitationId}", "Customer survey"), (actor.ActorKind, actor.ActorId, actor.ActorName));

        // The link now shows the answer (200), and a second answer (a resubmitted form, a replayed link) is refused.
        var shown = await browser.GetAsync($"/s/{token}");
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        var answered = await ParseAsync(shown);
        Assert.Equal("answered", State(answered));
        Assert.Contains("5 / 5", answered.QuerySelector("dl#answer")!.TextContent, StringComparison.Ordinal);
        var before = await WrittenStateAsync();
        var again = await browser.PostAsync($"/s/{token}", new FormUrlEncodedContent([Field("q.overall", "1"), Field("q.resolved", "no"), Field("__af", "whatever")]));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode); // a form without a fresh token is stale first
        Assert.Equal(before, await WrittenStateAsync());
    }

    [Fact]
    public async Task A_second_post_of_the_same_form_is_a_409_showing_the_first_answer()
    {
        var (_, token, _) = await InviteAsync("en");
        var browser = Browser();
        var form = await ParseAsync(await browser.GetAsync($"/s/{token}"));
        var antiforgery = form.QuerySelector<IHtmlInputElement>("input[name=__af]")!.Value;
        var fields = new List<KeyValuePair<string, string>>([.. Satisfied, Field("__af", antiforgery)]);
        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsync($"/s/{token}", new FormUrlEncodedContent(fields))).StatusCode);
        var before = await WrittenStateAsync();
        var second = await browser.PostAsync($"/s/{token}", new FormUrlEncodedContent([Field("q.overall", "1"), Field("q.resolved", "no"), Field("__af", antiforgery)]));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var page = await ParseAsync(second);
        Assert.Equal("answered", State(page));
        Assert.Contains("5 / 5", page.QuerySelector("dl#answer")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await WrittenStateAsync());
    }

    [Fact]
    public async Task A_score_of_1_opens_the_same_escalation_as_an_agents_score_of_1()
    {
        var (surveyTask, token, _) = await InviteAsync("zh-CN");
        var response = await AnswerAsync(Browser("zh-CN"), token, [Field("q.overall", "1"), Field("q.resolved", "yes")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var thanks = await ParseAsync(response);
        Assert.Equal("thanks", State(thanks));
        Assert.NotNull(thanks.QuerySelector("#follow-up"));

        var agentTask = await CreateTaskAsync();
        var agent = await RecordAsync(agentTask, new JsonObject
        {
            ["answers"] = new JsonArray(
                new JsonObject { ["question"] = "overall", ["score"] = 1 },
                new JsonObject { ["question"] = "resolved", ["yes"] = true }),
        });
        var agentEscalation = await GetAsync($"/api/v1/escalations/{IdOf(agent["escalation"]!["id"])}");
        var surveyFeedback = Assert.Single((await GetAsync($"/api/v1/feedback?taskId={surveyTask}"))["items"]!.AsArray())!;
        Assert.Equal("Unsatisfied", (string?)surveyFeedback["verdict"]);
        var escalations = (await GetAsync("/api/v1/escalations"))["items"]!.AsArray();
        var surveyEscalation = escalations.Single(e => IdOf(e!["taskId"]) == surveyTask)!;
        foreach (var member in new[] { "status", "level", "department", "reason", "priority", "trigger" })
        {
            Assert.Equal(agentEscalation[member]?.ToJsonString(), surveyEscalation[member]?.ToJsonString());
        }

        Assert.Equal(2, await CountEventsAsync("CustomerUnsatisfied"));
    }

    [Fact]
    public async Task A_missing_required_answer_shows_the_form_again_at_400_with_the_error_tied_to_the_question()
    {
        var (_, token, _) = await InviteAsync("en");
        var before = await WrittenStateAsync();
        var response = await AnswerAsync(Browser(), token, [Field("q.resolved", "yes"), Field("q.details", "kept")]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.Equal("form", State(page));
        var error = page.QuerySelector("#q-overall-error")!;
        Assert.Equal("Please answer this question.", error.TextContent);
        Assert.Equal("q-overall-error", page.QuerySelector("fieldset#q-overall")!.GetAttribute("aria-describedby"));
        Assert.Equal("#q-overall-1", page.QuerySelector("#error-summary a")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("#q-resolved-error"));
        Assert.True(page.QuerySelector<IHtmlInputElement>("#q-resolved-yes")!.IsChecked);
        Assert.Equal("kept", page.QuerySelector<IHtmlTextAreaElement>("#q-details-text")!.Value);
        Assert.Equal(before, await WrittenStateAsync());
    }

    [Fact]
    public async Task Every_wrong_question_shows_its_error_at_once()
    {
        var (_, token, _) = await InviteAsync("en");
        var before = await WrittenStateAsync();
        foreach (var fields in new[] { Array.Empty<KeyValuePair<string, string>>(), [Field("q.overall", "abc")], [Field("q.details", new string('x', 2001))] })
        {
            var response = await AnswerAsync(Browser(), token, fields);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var page = await ParseAsync(response);
            Assert.Equal("form", State(page));
            var summary = page.QuerySelector("#error-summary")?.TextContent;
            Assert.True(page.QuerySelector("#q-overall-error") is not null, summary);
            Assert.True(page.QuerySelector("#q-resolved-error") is not null, summary);
            Assert.Equal("Please answer this question.", page.QuerySelector("#q-resolved-error")!.TextContent);
            Assert.Equal(fields.Length == 1 && fields[0].Key == "q.details", page.QuerySelector("#q-details-error") is not null);
            Assert.True(page.QuerySelectorAll("#error-summary a").Length >= 2, summary);
        }

        Assert.Equal(before, await WrittenStateAsync());
    }

    [Fact]
    public async Task The_already_answered_page_shows_every_answer_with_its_question_in_the_pages_language()
    {
        var (_, token, _) = await InviteAsync("zh-CN");
        var browser = Browser("zh-CN");
        var answered = await AnswerAsync(browser, token, [Field("q.overall", "4"), Field("q.resolved", "no"), Field("q.topic", "nothing"), Field("q.details", "空调还在滴水")]);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);

        var page = await ParseAsync(await browser.GetAsync($"/s/{token}"));
        Assert.Equal("answered", State(page));
        var terms = page.QuerySelectorAll("dl#answer dt").Select(e => e.TextContent).ToList();
        var values = page.QuerySelectorAll("dl#answer dd").Select(e => e.TextContent).ToList();
        var shipped = HuiFang.Api.Domain.Questionnaires.ShippedQuestionnaires.Default;
        string TextOf(string key) => shipped.Find(key)!.Text.ZhCn;
        Assert.Equal([TextOf("overall"), TextOf("resolved"), TextOf("topic"), TextOf("details")], terms);
        Assert.Contains("4 / 5", values[0], StringComparison.Ordinal);
        Assert.Equal("否", values[1]);
        Assert.Equal(shipped.Find("topic")!.Option("nothing")!.Label.ZhCn, values[2]);
        Assert.Equal("空调还在滴水", values[3]);
    }

    [Fact]
    public async Task An_answer_the_command_refuses_is_shown_next_to_its_question_in_the_pages_language()
    {
        var (_, token, _) = await InviteAsync("zh-CN");
        var before = await WrittenStateAsync();
        var browser = Browser("en");
        var tooLong = await AnswerAsync(browser, token, [.. Satisfied, Field("q.details", new string('长', 2001))]);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var page = await ParseAsync(tooLong);
        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
        Assert.True(page.QuerySelector("#q-details-error") is not null, page.QuerySelector("#error-summary")?.TextContent);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", page.QuerySelector("#q-details-error")!.TextContent);
        Assert.Null(page.QuerySelector("#q-overall-error"));
        Assert.True(page.QuerySelector<IHtmlInputElement>("#q-overall-5")!.IsChecked);

        var unknown = await AnswerAsync(browser, token, [.. Satisfied, Field("q.topic", "no-such-option")]);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        page = await ParseAsync(unknown);
        Assert.True(page.QuerySelector("#q-topic-error") is not null, page.QuerySelector("#error-summary")?.TextContent);
        Assert.Null(page.QuerySelector("#q-overall-error"));
        Assert.Equal(before, await WrittenStateAsync());
    }

    [Fact]
    public async Task A_post_without_or_with_a_wrong_antiforgery_token_records_nothing()
    {
        var (_, token, _) = await InviteAsync("en");
        var before = await WrittenStateAsync();
        foreach (var antiforgery in new[] { null, "CfDJ8-not-a-token" })
        {
            var response = await AnswerAsync(Browser(), token, Satisfied, antiforgery);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var page = await ParseAsync(response);
            Assert.Equal("stale", State(page));
            Assert.Equal($"/s/{token}", page.QuerySelector("a#reopen")!.GetAttribute("href"));
        }

        // A token from another browser (another cookie) is as wrong as none.
        var other = await ParseAsync(await Browser().GetAsync($"/s/{token}"));
        var foreign = other.QuerySelector<IHtmlInputElement>("input[name=__af]")!.Value;
        var stolen = await Browser().PostAsync($"/s/{token}", new FormUrlEncodedContent([.. Satisfied, Field("__af", foreign)]));
        Assert.Equal(HttpStatusCode.BadRequest, stolen.StatusCode);
        Assert.Equal(before, await WrittenStateAsync());
    }

    [Fact]
    public async Task Tampered_unknown_expired_and_revoked_links_all_get_the_same_410_page()
    {
        var (_, token, _) = await InviteAsync("en");
        var tampered = (token[0] == 'A' ? "B" : "A") + token[1..];
        var (_, revokedToken, revokedId) = await InviteAsync("en");
        var revoke = await Client.PostAsync($"/api/v1/survey-invitations/{revokedId}/revoke", Json(new JsonObject()));
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        var (_, expiredToken, _) = await InviteAsync("en");
        var (_, openToken, _) = await InviteAsync("en");

        var bodies = new List<string>();
        var browser = Browser();
        foreach (var link in new[] { tampered, "unknown", "AAAAAAAAAAAAAAAAAAAAAA", revokedToken })
        {
            bodies.Add(await ExpiredBodyAsync(browser, link));
        }

        var form = await ParseAsync(await browser.GetAsync($"/s/{openToken}"));
        Fixture.Clock.Advance(TimeSpan.FromDays(15)); // past the default 14 days, before the monitor has expired it
        bodies.Add(await ExpiredBodyAsync(browser, expiredToken));
        Assert.Single(bodies.Distinct());
        var page = Parser.ParseDocument(bodies[0]);
        Assert.Equal("expired", State(page));
        Assert.Equal("This link is no longer valid", page.QuerySelector("h1")!.TextContent);

        // Posting to them records nothing either, even with a valid antiforgery token (from another link's form).
        var before = await WrittenStateAsync();
        var antiforgery = form.QuerySelector<IHtmlInputElement>("input[name=__af]")?.Value;
        var post = await browser.PostAsync($"/s/{expiredToken}", new FormUrlEncodedContent([.. Satisfied, Field("__af", antiforgery ?? "")]));
        Assert.Equal(HttpStatusCode.Gone, post.StatusCode);
        Assert.Equal(before, await WrittenStateAsync());
    }

    [Fact]
    public async Task An_oversized_post_is_a_413_page_and_a_413_problem_for_a_client_that_does_not_take_html()
    {
        var (_, token, _) = await InviteAsync("en");
        var before = await WrittenStateAsync();
        var big = new string('x', 40 * 1024);
        var response = await AnswerAsync(Browser(), token, [.. Satisfied, Field("q.details", big)]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("too-large", State(await ParseAsync(response)));

        // Chunked, without Content-Length: refused once the limit has passed.
        var chunked = new StreamContent(new MemoryStream(Encoding.ASCII.GetBytes("q.overall=5&q.details=" + big)));
        chunked.Headers.ContentType = new("application/x-www-form-urlencoded");
        var browser = Browser();
        var streamed = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/s/{token}") { Content = chunked, Headers = { TransferEncodingChunked = true } });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);

        var api = Browser();
        AcceptJson(api);
        var problem = await api.PostAsync($"/s/{token}", new FormUrlEncodedContent([Field("q.details", big)]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, problem.StatusCode);
        Assert.Equal("application/problem+json", problem.Content.Headers.ContentType!.MediaType);
        Assert.Equal("body-too-large", (string?)(await ReadObjectAsync(problem))["code"]);
        Assert.Equal(before, await WrittenStateAsync());
    }

    [Fact]
    public async Task A_nul_character_in_a_form_field_or_its_name_is_a_400_page_that_says_so_not_too_large()
    {
        var (_, token, _) = await InviteAsync("en");
        var before = await WrittenStateAsync();
        foreach (var fields in new[] { [.. Satisfied, Field("q.details", "a\0b")], new[] { Field("q.over\0all", "3"), Field("q.resolved", "yes") } })
        {
            var response = await AnswerAsync(Browser(), token, fields);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var page = await ParseAsync(response);
            Assert.Equal("invalid-characters", State(page));
            Assert.Equal("The answer contains a character that cannot be sent", page.QuerySelector("h1")!.TextContent);
            Assert.Equal($"/s/{token}", page.QuerySelector("a#reopen")!.GetAttribute("href"));
        }

        Assert.Equal(before, await WrittenStateAsync());

        // The form still works afterwards.
        Assert.Equal("thanks", State(await ParseAsync(await AnswerAsync(Browser(), token, Satisfied))));
    }

    [Fact]
    public async Task A_client_that_does_not_take_html_gets_problems_never_a_page()
    {
        var (_, token, _) = await InviteAsync("en");
        var api = Browser();
        AcceptJson(api);
        var gone = await api.GetAsync("/s/AAAAAAAAAAAAAAAAAAAAAA");
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Equal("survey-link-invalid", (string?)(await ReadObjectAsync(gone))["code"]);
        var form = await api.GetAsync($"/s/{token}");
        Assert.Equal(HttpStatusCode.NotAcceptable, form.StatusCode);
        Assert.Equal("not-acceptable", (string?)(await ReadObjectAsync(form))["code"]);
        var before = await WrittenStateAsync();
        var post = await api.PostAsync($"/s/{token}", new FormUrlEncodedContent(Satisfied));
        Assert.Equal(HttpStatusCode.NotAcceptable, post.StatusCode);
        var json = await Browser().PostAsync($"/s/{token}", Json("""{"q.overall":"5"}"""));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal("unsupported", State(await ParseAsync(json)));
        Assert.Equal(before, await WrittenStateAsync());
    }

    [Fact]
    public async Task Every_answer_carries_the_headers_of_a_public_page_and_the_policy_allows_exactly_its_own_style()
    {
        var (_, token, _) = await InviteAsync("en");
        foreach (var path in new[] { $"/s/{token}", "/s/unknown" })
        {
            var response = await Browser().GetAsync(path);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("form-action 'self'", csp, StringComparison.Ordinal);
            Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
            Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));

            var page = await ParseAsync(response);
            var style = Assert.Single(page.QuerySelectorAll("style")).TextContent;
            var hash = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style))) + "'";
            Assert.Contains("style-src " + hash, csp, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task The_form_weighs_at_most_20_KB_uncompressed_and_compressed(string language)
    {
        var (_, token, _) = await InviteAsync(language);
        var plain = await (await Browser().GetAsync($"/s/{token}")).Content.ReadAsByteArrayAsync();
        Assert.True(plain.Length <= 20 * 1024, $"{plain.Length} bytes uncompressed");
        TestContext.Current.TestOutputHelper?.WriteLine($"form ({language}): {plain.Length} bytes uncompressed");
        foreach (var encoding in new[] { "br", "gzip" })
        {
            var browser = Browser();
            browser.DefaultRequestHeaders.AcceptEncoding.ParseAdd(encoding);
            var response = await browser.GetAsync($"/s/{token}");
            Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
            var compressed = await response.Content.ReadAsByteArrayAsync();
            Assert.True(compressed.Length < plain.Length && compressed.Length <= 20 * 1024, $"{compressed.Length} bytes {encoding}");
            TestContext.Current.TestOutputHelper?.WriteLine($"form ({language}): {compressed.Length} bytes {encoding}");
            await using Stream decoder = encoding == "br"
                ? new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress)
                : new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var copy = new MemoryStream();
            await decoder.CopyToAsync(copy);
            Assert.Equal(plain.Length, copy.Length);
        }
    }

    [Fact]
    public async Task Dont_ask_me_again_works_on_its_own_and_with_an_answer()
    {
        var (_, alone, aloneId) = await InviteAsync("en");
        var response = await AnswerAsync(Browser(), alone, [Field("doNotContact", "true")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("opted-out", State(await ParseAsync(response)));
        Assert.Equal(0, await CountEventsAsync("FeedbackRecorded"));

        // Nothing more reaches the customer: the link is revoked and the task cancelled, with the flag; the link now looks expired.
        var withdrawn = await GetAsync($"/api/v1/survey-invitations/{aloneId}");
        Assert.Equal("Revoked", (string?)withdrawn["status"]);
        Assert.Equal("DoNotContact", (string?)withdrawn["revocationReason"]);
        var task = await GetAsync($"/api/v1/visit-tasks/{withdrawn["taskId"]}");
        Assert.Equal("Cancelled", (string?)task["status"]);
        Assert.Equal("do-not-contact", (string?)task["cancellationReason"]);
        var again = await Browser().GetAsync($"/s/{alone}");
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Equal("expired", State(await ParseAsync(again)));

        var (_, answered, answeredId) = await InviteAsync("en");
        var both = await AnswerAsync(Browser(), answered, [.. Satisfied, Field("doNotContact", "true")]);
        Assert.Equal(HttpStatusCode.OK, both.StatusCode);
        var page = await ParseAsync(both);
        Assert.Equal("thanks", State(page));
        Assert.NotNull(page.QuerySelector("#opted-out"));
        Assert.Equal("Answered", (string?)(await GetAsync($"/api/v1/survey-invitations/{answeredId}"))["status"]);

        var optedOut = await Fixture.InScopeAsync(db => db.CustomerContactPreferences.Where(p => p.DoNotContact).Select(p => new { p.CustomerExternalId, Source = p.Source.ToString() }).ToListAsync());
        Assert.Equal(2, optedOut.Count);
        Assert.All(optedOut, p => Assert.Equal("Survey", p.Source));
    }

    [Fact]
    public async Task What_the_tenant_names_itself_is_text_on_the_page_never_markup()
    {
        var renamed = await Client.PutAsync("/api/v1/admin/tenant", Json("""{"name":"<script>alert(1)</script> 华东物业 \"&'","calendar":null}"""));
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var (_, token, _) = await InviteAsync("zh-CN");
        var page = await ParseAsync(await Browser().GetAsync($"/s/{token}"));
        Assert.Equal("<script>alert(1)</script> 华东物业 \"&'", page.QuerySelector("#organisation")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("script"));
    }

    [Fact]
    public async Task A_page_that_knows_no_invitation_speaks_the_browsers_language()
    {
        var zh = await ParseAsync(await Browser("zh-CN,zh;q=0.9").GetAsync("/s/AAAAAAAAAAAAAAAAAAAAAA"));
        Assert.Equal("zh-CN", zh.DocumentElement.GetAttribute("lang"));
        Assert.Equal("此链接已失效", zh.QuerySelector("h1")!.TextContent);
        var en = await ParseAsync(await Browser("de-DE").GetAsync("/s/AAAAAAAAAAAAAAAAAAAAAA"));
        Assert.Equal("en", en.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Two_answers_sent_at_once_record_one_and_the_other_sees_it()
    {
        var (taskId, token, _) = await InviteAsync("en");
        var browser = Browser();
        var form = await ParseAsync(await browser.GetAsync($"/s/{token}"));
        var antiforgery = form.QuerySelector<IHtmlInputElement>("input[name=__af]")!.Value;
        var posts = await Task.WhenAll(Enumerable.Range(1, 2).Select(score => browser.PostAsync(
            $"/s/{token}", new FormUrlEncodedContent([Field("q.overall", score == 1 ? "1" : "5"), Field("q.resolved", "yes"), Field("__af", antiforgery)]))));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], posts.Select(p => p.StatusCode).Order());
        Assert.Single((await GetAsync($"/api/v1/feedback?taskId={taskId}"))["items"]!.AsArray());
        Assert.Equal(1, await CountEventsAsync("FeedbackRecorded"));
    }

    private static async Task<string> ExpiredBodyAsync(HttpClient browser, string token)
    {
        var response = await browser.GetAsync($"/s/{token}");
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
