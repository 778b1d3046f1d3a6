using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace HuiFang.Api.Features.Reports.Dashboard;

/// <summary>How a value is read and drawn.</summary>
public enum ValueKind
{
    /// <summary>A count: drawn from 0 to the largest.</summary>
    Count,

    /// <summary>A share 0–1, shown as a percentage.</summary>
    Rate,

    /// <summary>A net promoter score, −100 to 100.</summary>
    Nps,

    /// <summary>Hours, one decimal.</summary>
    Hours,
}

/// <summary>A column of a section's table; the charted ones are drawn too.</summary>
public sealed record ChartColumn(string Key, string Header, ValueKind Kind, bool Charted = false);

/// <summary>A row of a section: its label (the JSON report's group), how it is shown, where it drills down to, its values by column.</summary>
public sealed record ChartRow(string Label, string Display, string? Href, IReadOnlyDictionary<string, double?> Values);

/// <summary>
/// A section's figures: drawn as a bar chart (vertical columns for weeks and scores, horizontal bars for
/// departments, channels and agents) and written again as its table twin with the same labels and values.
/// </summary>
public sealed record Chart(string Id, string LabelHeader, IReadOnlyList<ChartColumn> Columns, IReadOnlyList<ChartRow> Rows, bool Vertical);

/// <summary>Writes HTML: every value encoded on its way in; Chinese written as characters, not entities.</summary>
public static class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string E(string? value) => Encoder.Encode(value ?? "");

    /// <summary>A value as the JSON report writes it (invariant culture, shortest round-trip); empty for null.</summary>
    public static string Raw(double? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "";

    public static string Display(string language, double? value, ValueKind kind) => value is not { } v
        ? DashboardTexts.Get(language, "none")
        : kind switch
        {
            ValueKind.Rate => (v * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%",
            ValueKind.Nps => v.ToString("0.#", CultureInfo.InvariantCulture),
            ValueKind.Hours => v.ToString("0.0", CultureInfo.InvariantCulture),
            _ => v.ToString("#,0", CultureInfo.InvariantCulture),
        };

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// The figure: an SVG (<c>role="img"</c>, named by the section's heading and described by its description)
    /// whose marks carry <c>data-label</c>, <c>data-series</c> and <c>data-value</c>. The marks are plain: an image's
    /// children are presentational, so a link inside it would be out of reach of a screen reader (axe
    /// <c>nested-interactive</c>); the drill-down links are on the table twin's rows. Null values are marks of no size,
    /// so every table row has its marks.
    /// </summary>
    public static void Figure(StringBuilder b, string language, Chart chart, string titleId, string descId)
    {
        var series = chart.Columns.Where(c => c.Charted).ToList();
        b.Append("<figure id=\"").Append(chart.Id).Append("\">");
        if (series.Count > 1)
        {
            b.Append("<ul class=\"legend\" aria-hidden=\"true\">");
            for (var i = 0; i < series.Count; i++)
            {
                b.Append("<li><span class=\"key s").Append(i).Append("\"></span>").Append(E(series[i].Header)).Append("</li>");
            }

            b.Append("</ul>");
        }

        if (chart.Vertical)
        {
            Columns(b, language, chart, series, titleId, descId);
        }
        else
        {
            Bars(b, language, chart, series, titleId, descId);
        }

        b.Append("</figure>");
    }

    private static (double Min, double Max) Domain(Chart chart, IReadOnlyList<ChartColumn> series)
    {
        var kind = series[0].Kind;
        var values = chart.Rows.SelectMany(r => series.Select(s => r.Values.GetValueOrDefault(s.Key))).OfType<double>().ToList();
        return kind switch
        {
            ValueKind.Rate => (0, 1),
            ValueKind.Nps => (-100, 100),
            _ => (0, Math.Max(1, values.Count == 0 ? 1 : values.Max())),
        };
    }

    private static void SvgOpen(StringBuilder b, double width, double height, string titleId, string descId) =>
        b.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"").Append(titleId).Append("\" aria-describedby=\"").Append(descId)
            .Append("\" viewBox=\"0 0 ").Append(N(width)).Append(' ').Append(N(height)).Append("\" preserveAspectRatio=\"xMinYMin meet\">");

    private static void Mark(StringBuilder b, string language, ChartRow row, ChartColumn column, int index, double x, double y, double w, double h)
    {
        var value = row.Values.GetValueOrDefault(column.Key);
        b.Append("<rect class=\"mark s").Append(index).Append("\" x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append("\" width=\"").Append(N(Math.Max(0, w)))
            .Append("\" height=\"").Append(N(Math.Max(0, h))).Append("\" data-label=\"").Append(E(row.Label)).Append("\" data-series=\"").Append(column.Key)
            .Append("\" data-value=\"").Append(Raw(value)).Append("\"><title>").Append(E(row.Display)).Append(" · ").Append(E(column.Header)).Append(": ")
            .Append(E(Display(language, value, column.Kind))).Append("</title></rect>");
    }

    /// <summary>Vertical columns: one slot per row (a week, a score), the series side by side, a zero line for signed values.</summary>
    private static void Columns(StringBuilder b, string language, Chart chart, IReadOnlyList<ChartColumn> series, string titleId, string descId)
    {
        const double left = 44, top = 12, plot = 160, bottom = 34;
        var slot = Math.Max(28, Math.Min(64, 560.0 / Math.Max(1, chart.Rows.Count)));
        var width = left + (slot * Math.Max(1, chart.Rows.Count)) + 8;
        var (min, max) = Domain(chart, series);
        double Y(double v) => top + (plot * (max - v) / (max - min));
        SvgOpen(b, width, top + plot + bottom, titleId, descId);
        foreach (var tick in new[] { min, (min + max) / 2, max })
        {
            b.Append("<line class=\"grid-line\" x1=\"").Append(N(left)).Append("\" x2=\"").Append(N(width - 4)).Append("\" y1=\"").Append(N(Y(tick))).Append("\" y2=\"").Append(N(Y(tick))).Append("\"/>")
                .Append("<text x=\"").Append(N(left - 4)).Append("\" y=\"").Append(N(Y(tick) + 4)).Append("\" text-anchor=\"end\">")
                .Append(E(Display(language, tick, series[0].Kind == ValueKind.Count && tick != Math.Round(tick) ? ValueKind.Hours : series[0].Kind))).Append("</text>");
        }

        var zero = Y(Math.Max(min, 0));
        b.Append("<line class=\"axis\" x1=\"").Append(N(left)).Append("\" x2=\"").Append(N(width - 4)).Append("\" y1=\"").Append(N(zero)).Append("\" y2=\"").Append(N(zero)).Append("\"/>");
        var barWidth = slot * 0.7 / series.Count;
        for (var r = 0; r < chart.Rows.Count; r++)
        {
            var row = chart.Rows[r];
            var x0 = left + (slot * r) + (slot * 0.15);
            for (var s = 0; s < series.Count; s++)
            {
                var value = row.Values.GetValueOrDefault(series[s].Key) ?? 0;
                var y = Y(Math.Max(value, 0));
                var h = Math.Abs(Y(value) - zero);
                Mark(b, language, row, series[s], s, x0 + (barWidth * s), value >= 0 ? y : zero, barWidth, h);
            }

            b.Append("<text x=\"").Append(N(left + (slot * r) + (slot / 2))).Append("\" y=\"").Append(N(top + plot + 16)).Append("\" text-anchor=\"middle\">")
                .Append(E(Short(row.Display, slot))).Append("</text>");
        }

        b.Append("</svg>");
    }

    /// <summary>Horizontal bars: one line per row (a department, a channel, an agent), its name on the left.</summary>
    private static void Bars(StringBuilder b, string language, Chart chart, IReadOnlyList<ChartColumn> series, string titleId, string descId)
    {
        const double left = 132, width = 600, top = 6, valueRoom = 56;
        var line = 10 + (14 * series.Count);
        var height = top + (line * Math.Max(1, chart.Rows.Count)) + 18;
        var (min, max) = Domain(chart, series);
        var plot = width - left - valueRoom;
        double X(double v) => left + (plot * (v - min) / (max - min));
        SvgOpen(b, width, height, titleId, descId);
        var zero = X(Math.Max(min, 0));
        b.Append("<line class=\"axis\" x1=\"").Append(N(zero)).Append("\" x2=\"").Append(N(zero)).Append("\" y1=\"").Append(N(top)).Append("\" y2=\"").Append(N(height - 16)).Append("\"/>");
        b.Append("<text x=\"").Append(N(X(min))).Append("\" y=\"").Append(N(height - 4)).Append("\" text-anchor=\"start\">").Append(E(Display(language, min, series[0].Kind))).Append("</text>")
            .Append("<text x=\"").Append(N(X(max))).Append("\" y=\"").Append(N(height - 4)).Append("\" text-anchor=\"end\">").Append(E(Display(language, max, series[0].Kind))).Append("</text>");
        for (var r = 0; r < chart.Rows.Count; r++)
        {
            var row = chart.Rows[r];
            var y0 = top + (line * r) + 4;
            b.Append("<text x=\"").Append(N(left - 6)).Append("\" y=\"").Append(N(y0 + (line / 2) + 1)).Append("\" text-anchor=\"end\">").Append(E(Short(row.Display, 120))).Append("</text>");
            for (var s = 0; s < series.Count; s++)
            {
                var value = row.Values.GetValueOrDefault(series[s].Key);
                var v = value ?? 0;
                Mark(b, language, row, series[s], s, v >= 0 ? zero : X(v), y0 + (14 * s), Math.Abs(X(v) - zero), 12);
                b.Append("<text x=\"").Append(N(Math.Max(X(v), zero) + 4)).Append("\" y=\"").Append(N(y0 + (14 * s) + 10)).Append("\">")
                    .Append(E(Display(language, value, series[s].Kind))).Append("</text>");
            }
        }

        b.Append("</svg>");
    }

    /// <summary>A label cut to what fits under a column or beside a bar (the table has it in full).</summary>
    private static string Short(string text, double room)
    {
        var chars = (int)Math.Max(3, room / 7);
        return text.Length <= chars ? text : text[..(chars - 1)] + "…";
    }

    /// <summary>The table twin: one <c>tr[data-label]</c> per row, every value in a <c>td[data-series][data-value]</c> as the JSON report gives it.</summary>
    public static void Table(StringBuilder b, string language, Chart chart, string caption)
    {
        b.Append("<div class=\"scroll\"><table id=\"").Append(chart.Id).Append("-table\"><caption>").Append(E(caption)).Append("</caption><thead><tr><th scope=\"col\">")
            .Append(E(chart.LabelHeader)).Append("</th>");
        foreach (var column in chart.Columns)
        {
            b.Append("<th scope=\"col\" class=\"num\">").Append(E(column.Header)).Append("</th>");
        }

        b.Append("</tr></thead><tbody>");
        foreach (var row in chart.Rows)
        {
            b.Append("<tr data-label=\"").Append(E(row.Label)).Append("\"><th scope=\"row\">");
            if (row.Href is not null)
            {
                b.Append("<a href=\"").Append(E(row.Href)).Append("\">").Append(E(row.Display)).Append("</a>");
            }
            else
            {
                b.Append(E(row.Display));
            }

            b.Append("</th>");
            foreach (var column in chart.Columns)
            {
                var value = row.Values.GetValueOrDefault(column.Key);
                b.Append("<td class=\"num\" data-series=\"").Append(column.Key).Append("\" data-value=\"").Append(Raw(value)).Append("\">")
                    .Append(E(Display(language, value, column.Kind))).Append("</td>");
            }

            b.Append("</tr>");
        }

        b.Append("</tbody></table></div>");
    }
}
