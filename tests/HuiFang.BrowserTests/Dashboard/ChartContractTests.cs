using HuiFang.BrowserTests.Infrastructure;
using Xunit.Sdk;

namespace HuiFang.BrowserTests.Dashboard;

/// <summary>
/// The comparison the dashboard tests rely on finds what it should: a chart whose mark says another number
/// than its table, a row that is not drawn, a mark without a row, or an SVG named by a missing element fails
/// it; the same chart drawn right passes. Without this, a comparison that read nothing would pass every page.
/// </summary>
public sealed class ChartContractTests(Chromium chromium)
{
    private const string Table = """
        <table id="t-table"><thead><tr><th>Week</th><th>Rate</th><th>Feedback</th></tr></thead><tbody>
        <tr data-label="2026-W47"><th scope="row">2026-W47</th><td data-series="rate" data-value="0.75">75%</td><td data-series="n" data-value="8">8</td></tr>
        <tr data-label="2026-W48"><th scope="row">2026-W48</th><td data-series="rate" data-value="" >—</td><td data-series="n" data-value="0">0</td></tr>
        </tbody></table>
        """;

    private static string Page(string marks, string labelledBy = "t-title") => $"""
        <!doctype html><html lang="en"><head><title>Chart</title></head><body><main>
        <h2 id="t-title">Satisfaction</h2>
        <figure id="t"><svg role="img" aria-labelledby="{labelledBy}" viewBox="0 0 100 100">{marks}</svg></figure>
        {Table}</main></body></html>
        """;

    private const string Right = """<rect data-label="2026-W47" data-series="rate" data-value="0.75"/><rect data-label="2026-W48" data-series="rate" data-value=""/>""";

    [Theory]
    [InlineData("""<rect data-label="2026-W47" data-series="rate" data-value="0.7"/><rect data-label="2026-W48" data-series="rate" data-value=""/>""", "t-title")]
    [InlineData("""<rect data-label="2026-W47" data-series="rate" data-value="0.75"/>""", "t-title")]
    [InlineData(Right + """<rect data-label="2026-W49" data-series="rate" data-value="1"/>""", "t-title")]
    [InlineData("""<rect data-label="2026-W47" data-series="rate" data-value="0.75"/><rect data-label="2026-W48" data-series="rate" data-value="0"/>""", "t-title")]
    [InlineData(Right, "missing-title")]
    public async Task A_chart_that_differs_from_its_table_fails_the_comparison(string marks, string labelledBy)
    {
        await using var context = await chromium.NewDesktopContextAsync("en");
        var page = await context.NewPageAsync();
        await page.SetContentAsync(Page(marks, labelledBy));
        await Assert.ThrowsAnyAsync<XunitException>(() => DashboardPage.AssertChartEqualsTableAsync(page, "t"));
    }

    [Fact]
    public async Task The_same_chart_drawn_right_passes()
    {
        await using var context = await chromium.NewDesktopContextAsync("en");
        var page = await context.NewPageAsync();
        await page.SetContentAsync(Page(Right));
        await DashboardPage.AssertChartEqualsTableAsync(page, "t");
        var rows = await DashboardPage.RowsAsync(page, "t-table");
        Assert.Equal(["2026-W47", "2026-W48"], rows.Select(r => r.Label));
        Assert.Equal("8", rows[0].Values["n"]);
    }
}
