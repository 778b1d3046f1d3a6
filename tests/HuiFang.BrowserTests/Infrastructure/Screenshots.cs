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

    public static async Task<string> TakeAsync(IPage page, string provider, string test, string state)
    {
        var path = Path.Combine(Root, provider, test, state + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var png = await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        TestContext.Current.AddAttachment($"{provider}/{test}/{state}.png", png, "image/png");
        return path;
    }
}
