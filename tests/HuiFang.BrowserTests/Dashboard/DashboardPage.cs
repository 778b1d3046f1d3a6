using System.Globalization;
using Microsoft.Playwright;

namespace HuiFang.BrowserTests.Dashboard;

/// <summary>
/// The dashboard's HTML contract as the tests read it: each chart a <c>figure#&lt;id&gt;</c> with an
/// <c>svg[role=img]</c> whose marks carry <c>data-label</c>, <c>data-series</c> and <c>data-value</c>, and its
/// twin <c>table#&lt;id&gt;-table</c> of <c>tr[data-label]</c> rows with <c>td[data-series][data-value]</c> cells.
/// </summary>
public static class DashboardPage
{
    /// <summary>A chart's marks (<c>data-label</c>, <c>data-series</c>, <c>data-value</c>) in document order.</summary>
    public static async Task<IReadOnlyList<(string Label, string Series, string Value)>> MarksAsync(IPage page, string chart)
    {
        var marks = new List<(string, string, string)>();
        foreach (var mark in await page.Locator($"figure#{chart} svg [data-label][data-value]").AllAsync())
        {
            marks.Add((await mark.GetAttributeAsync("data-label") ?? "", await mark.GetAttributeAsync("data-series") ?? "", await mark.GetAttributeAsync("data-value") ?? ""));
        }

        return marks;
    }

    /// <summary>A table twin's rows in order: each <c>tr[data-label]</c> with its cells' <c>data-series</c> → <c>data-value</c>.</summary>
    public static async Task<IReadOnlyList<(string Label, IReadOnlyDictionary<string, string> Values)>> RowsAsync(IPage page, string table)
    {
        var rows = new List<(string, IReadOnlyDictionary<string, string>)>();
        foreach (var row in await page.Locator($"table#{table} tr[data-label]").AllAsync())
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var cell in await row.Locator("td[data-value]").AllAsync())
            {
                values[await cell.GetAttributeAsync("data-series") ?? ""] = await cell.GetAttributeAsync("data-value") ?? "";
            }

            rows.Add((await row.GetAttributeAsync("data-label") ?? "", values));
        }

        return rows;
    }

    /// <summary>
    /// The chart draws what its table says: one mark per row and charted series, with the row's value, and no
    /// mark without its row. The SVG is an image named by elements that exist.
    /// </summary>
    public static async Task AssertChartEqualsTableAsync(IPage page, string chart)
    {
        var svg = page.Locator($"figure#{chart} svg[role=img]");
        Assert.Equal(1, await svg.CountAsync());
        var labelledBy = await svg.GetAttributeAsync("aria-labelledby");
        Assert.False(string.IsNullOrWhiteSpace(labelledBy), $"{chart}: the SVG names its label");
        foreach (var id in labelledBy!.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.True(await page.Locator($"[id='{id}']").CountAsync() == 1, $"{chart}: aria-labelledby names #{id}, which is not on the page");
        }

        var marks = await MarksAsync(page, chart);
        var rows = await RowsAsync(page, chart + "-table");
        Assert.NotEmpty(rows);
        Assert.NotEmpty(marks);
        var byLabel = rows.ToDictionary(r => r.Label, r => r.Values);
        foreach (var (label, series, value) in marks)
        {
            Assert.True(byLabel.TryGetValue(label, out var values), $"{chart}: the mark {label} has no row in its table");
            Assert.True(values.TryGetValue(series, out var cell), $"{chart}: the mark {label}/{series} has no cell in its row");
            Assert.True(SameNumber(cell, value), $"{chart}: the mark {label}/{series} = '{value}', its table says '{cell}'");
        }

        // Every row is drawn: as many marks for each row as there are charted series.
        var seriesCount = marks.Select(m => m.Series).Distinct().Count();
        foreach (var (label, _) in rows)
        {
            Assert.True(marks.Count(m => m.Label == label) == seriesCount, $"{chart}: the row {label} has {marks.Count(m => m.Label == label)} marks, not {seriesCount}");
        }

        Assert.Equal(rows.Count * seriesCount, marks.Count);
    }

    /// <summary>Whether two numbers as the page writes them are the same (invariant culture; empty for no value).</summary>
    public static bool SameNumber(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return a.Length == b.Length;
        }

        return double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            && double.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
            && x == y;
    }
}
