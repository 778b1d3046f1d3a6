using HuiFang.BrowserTests.Infrastructure;

namespace HuiFang.BrowserTests.Harness;

/// <summary>
/// The audit the page tests rely on finds what it should: a page with a serious violation fails it, the
/// same page fixed passes. Without this, an audit that never ran (or never reported) would pass every page.
/// </summary>
public sealed class AccessibilityAuditTests(Chromium chromium)
{
    [Fact]
    public async Task The_audit_reports_serious_violations_and_passes_the_page_once_they_are_fixed()
    {
        await using var context = await chromium.NewPhoneContextAsync("en");
        var page = await context.NewPageAsync();

        // A form field without a label (critical) and grey on white at 2.3:1 (serious).
        await page.SetContentAsync("""
            <!doctype html><html lang="en"><head><title>Audit</title></head>
            <body><main><h1>Audit</h1><p style="color:#aaa">Low contrast</p><input type="text" name="q"></main></body></html>
            """);
        var found = await Accessibility.SeriousViolationsAsync(page);
        Assert.Contains(found, v => v.Id == "label");
        Assert.Contains(found, v => v.Id == "color-contrast");

        await page.SetContentAsync("""
            <!doctype html><html lang="en"><head><title>Audit</title></head>
            <body><main><h1>Audit</h1><p style="color:#333">Enough contrast</p><label for="q">Query</label><input type="text" id="q" name="q"></main></body></html>
            """);
        await Accessibility.AssertNoSeriousViolationsAsync(page, "fixed");
    }
}
