using System.Net;
using HuiFang.IntegrationTests.Infrastructure;

namespace HuiFang.IntegrationTests.SurveyPage;

/// <summary>The page's own rate limit per link (three a minute here): the fourth request gets the 429 page, another link is not affected.</summary>
public sealed class SurveyPageLimitTests(SqliteSurveyPageLimitFixture fixture) : SurveyPageTestBase(fixture), IClassFixture<SqliteSurveyPageLimitFixture>
{
    [Fact]
    public async Task A_link_opened_too_often_gets_the_429_page_with_retry_after_and_other_links_still_work()
    {
        var (_, token, _) = await InviteAsync("en");
        var browser = Browser();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/s/{token}")).StatusCode);
        }

        var limited = await browser.GetAsync($"/s/{token}");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(int.Parse(Assert.Single(limited.Headers.GetValues("Retry-After"))) >= 1);
        Assert.Equal("rate-limited", State(await ParseAsync(limited)));

        var api = Browser();
        AcceptJson(api);
        var problem = await api.GetAsync($"/s/{token}");
        Assert.Equal(HttpStatusCode.TooManyRequests, problem.StatusCode);
        Assert.Equal("rate-limited", (string?)(await ReadObjectAsync(problem))["code"]);

        var (_, other, _) = await InviteAsync("en");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/s/{other}")).StatusCode);
    }
}
