using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace HuiFang.BrowserTests.Infrastructure;

/// <summary>
/// The accessibility audit: axe-core (the copy Deque.AxeCore.Playwright bundles) run inside the page with
/// the rules for WCAG 2.0–2.2 A and AA and axe's best practices. Any violation axe rates serious or
/// critical fails the test, listed with its rule, help text and the elements it found.
/// </summary>
public static class Accessibility
{
    private static readonly AxeRunOptions Options = new()
    {
        RunOnly = new RunOnlyOptions
        {
            Type = "tag",
            Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
        },
    };

    /// <summary>The serious and critical violations on the page as it is now.</summary>
    public static async Task<IReadOnlyList<AxeResultItem>> SeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(Options);
        return [.. result.Violations.Where(v => v.Impact is "serious" or "critical")];
    }

    /// <summary>
    /// Fails when axe finds a serious or critical violation; <paramref name="state"/> names the page state in the message.
    /// axe is a script: in a context with JavaScript off it cannot run in the page itself, so the document that page
    /// shows is audited in <paramref name="auditor"/>, a page of a context with JavaScript on and the same viewport.
    /// </summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string state, IPage? auditor = null)
    {
        if (auditor is not null)
        {
            await auditor.SetContentAsync(await page.ContentAsync());
            page = auditor;
        }

        var violations = await SeriousViolationsAsync(page);
        if (violations.Count > 0)
        {
            Assert.Fail($"axe-core found {violations.Count} serious or critical violation(s) on the {state} page:\n" + Describe(violations));
        }
    }

    public static string Describe(IEnumerable<AxeResultItem> violations) => string.Join("\n", violations.Select(v =>
        $"- {v.Id} ({v.Impact}): {v.Help} [{v.HelpUrl}]\n" + string.Join("\n", v.Nodes.Take(5).Select(n => $"    {n.Target}: {n.Html}"))));
}
