using Microsoft.Playwright;

namespace HuiFang.BrowserTests.Infrastructure;

/// <summary>
/// Screenshots of each page state, kept as test output: <c>screenshots/&lt;provider&gt;/&lt;test&gt;/&lt;state&gt;.png</c>
/// under the test project's output directory (<c>tests/HuiFang.BrowserTests/bin/&lt;configuration&gt;/net10.0/</c>),
/// each also attached to the test's result.
/// </summary>
public static class Screenshots
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <param name="fullPage">The whole page (default) or only what the viewport shows.</param>
    public static async Task<string> TakeAsync(IPage page, string provider, string test, string state, bool fullPage = true)
    {
        var path = Path.Combine(Root, provider, test, state + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var png = await page.ScreenshotAsync(new() { Path = path, FullPage = fullPage });
        TestContext.Current.AddAttachment($"{provider}/{test}/{state}.png", png, "image/png");
        return path;
    }
}
