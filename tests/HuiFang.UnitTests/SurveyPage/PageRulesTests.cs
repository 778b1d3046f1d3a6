using HuiFang.Api.Features.SurveyPage;
using Microsoft.AspNetCore.Http;

namespace HuiFang.UnitTests.SurveyPage;

/// <summary>The survey page's small rules: who gets HTML, which language a stored value means, and encoded output.</summary>
public sealed class PageRulesTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", true)]
    [InlineData("*/*", true)]
    [InlineData("text/*", true)]
    [InlineData("application/xhtml+xml", true)]
    [InlineData("application/json", false)]
    [InlineData("application/problem+json, application/json;q=0.9", false)]
    [InlineData("text/html;q=0", false)]
    [InlineData("application/json, */*;q=0", false)]
    public void Html_goes_to_whoever_accepts_it(string? accept, bool html)
    {
        var context = new DefaultHttpContext();
        if (accept is not null)
        {
            context.Request.Headers.Accept = accept;
        }

        Assert.Equal(html, PageResponses.AcceptsHtml(context.Request));
    }

    [Theory]
    [InlineData("zh-CN", "zh-CN")]
    [InlineData("zh", "zh-CN")]
    [InlineData("zh-Hans-CN", "zh-CN")]
    [InlineData("en", "en")]
    [InlineData("en-GB", "en")]
    [InlineData("de", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void A_stored_language_means_one_of_the_two_or_none(string? stored, string? page) =>
        Assert.Equal(page, PageTexts.Normalize(stored));

    [Fact]
    public void Every_value_is_encoded_and_chinese_stays_as_characters()
    {
        var survey = new PageSurvey("zh-CN", "<b>物业</b>", "标题\"", null, "关于", [new PageQuestion("overall", PageQuestionKind.Score, true, "评分 <i>", [], IsOverall: true)]);
        var html = PageRenderer.Form(survey, PageForm.Empty, "/s/abc\"><x", "tok\"en");
        Assert.Contains("&lt;b&gt;物业&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("评分 &lt;i&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>物业", html, StringComparison.Ordinal);
        Assert.DoesNotContain("abc\"><x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("tok\"en", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
    }
}
