using HuiFang.Api.Infrastructure.Logging;

namespace HuiFang.UnitTests.Infrastructure;

/// <summary>The segment after every <c>/s/</c> is the token and is written as a placeholder; nothing else changes.</summary>
public sealed class SurveyLinkRedactionTests
{
    [Theory]
    [InlineData("/s/NrCLvZz67bHtGrQEYmUnBQ", "/s/{token}")]
    [InlineData("RequestPath:/s/NrCLvZz67bHtGrQEYmUnBQ RequestId:0HN:1", "RequestPath:/s/{token} RequestId:0HN:1")]
    [InlineData("GET http://localhost/s/NrCLvZz67bHtGrQEYmUnBQ?s=4 - 200", "GET http://localhost/s/{token}?s=4 - 200")]
    [InlineData("/s/a%2Fb.c~d/extra#x", "/s/{token}/extra#x")]
    [InlineData("\"/s/one\" and '/s/two'", "\"/s/{token}\" and '/s/{token}'")]
    [InlineData("/s/", "/s/")]
    public void A_token_is_replaced(string text, string expected) => Assert.Equal(expected, SurveyLinkRedaction.Redact(text));

    [Theory]
    [InlineData("/api/v1/visit-tasks/4f1c")]
    [InlineData("/swagger/index.html")]
    [InlineData("/s")]
    [InlineData("")]
    public void Other_text_is_left_alone(string text) => Assert.Null(SurveyLinkRedaction.Redact(text));
}
