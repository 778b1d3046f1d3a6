using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using HuiFang.Api.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HuiFang.Api.Features.Reports;

/// <summary>A report: one row per group, and the whole period's total.</summary>
/// <param name="Name">The report's name.</param>
/// <param name="Period">The period, in the tenant's time zone.</param>
/// <param name="GroupBy">How rows are grouped.</param>
/// <param name="Rows">One row per group that has data, ordered by group.</param>
/// <param name="Total">The whole period (for lists: null).</param>
/// <param name="Truncated">True when a list was cut at its row limit.</param>
/// <param name="GeneratedAt">When the report was computed.</param>
public sealed record Report<TRow>(string Name, PeriodResponse Period, ReportGroupBy GroupBy, IReadOnlyList<TRow> Rows, TRow? Total, bool Truncated, DateTimeOffset GeneratedAt)
    where TRow : class;

/// <summary>A report's period.</summary>
/// <param name="From">First day.</param>
/// <param name="To">Last day (inclusive).</param>
/// <param name="TimeZone">The tenant calendar's time zone the days are in.</param>
/// <param name="Start">First instant (UTC).</param>
/// <param name="End">First instant after the period (UTC).</param>
public sealed record PeriodResponse(DateOnly From, DateOnly To, string TimeZone, DateTimeOffset Start, DateTimeOffset End)
{
    public static PeriodResponse Of(ReportPeriod p) => new(p.From, p.To, p.TimeZone, p.Start, p.End);
}

/// <summary>A column that only a split report fills (e.g. the channel of splitBy=channel): CSV leaves it out when no line has a value.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SplitColumnAttribute : Attribute;

/// <summary>
/// Reports as CSV: UTF-8 with a byte-order mark (Excel then reads Chinese text correctly), a header of the
/// row's field names, one line per row and the total last (group "total"; without grouping the total is the
/// only line). Lists are joined with '|'. A split report (splitBy=channel) has a channel column; others do not.
/// </summary>
public static class ReportCsv
{
    public const string ContentType = "text/csv";

    public static bool Wanted(string? format, HttpRequest request) =>
        string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
        || (format is null && request.Headers.Accept.Any(a => a is not null && a.Contains(ContentType, StringComparison.OrdinalIgnoreCase)));

    public static FileContentHttpResult Write<TRow>(Report<TRow> report)
        where TRow : class
    {
        var all = typeof(TRow).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var lines = Lines(report, all).ToList();
        var properties = all
            .Where(p => p.GetCustomAttribute<SplitColumnAttribute>() is null || lines.Any(l => p.GetValue(l) is not null))
            .ToArray();
        var text = new StringBuilder();
        text.AppendJoin(',', properties.Select(p => Escape(char.ToLowerInvariant(p.Name[0]) + p.Name[1..]))).Append("\r\n");
        foreach (var row in lines)
        {
            text.AppendJoin(',', properties.Select(p => Escape(Format(p.GetValue(row))))).Append("\r\n");
        }

        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
        var file = $"{report.Name}-{report.Period.From:yyyyMMdd}-{report.Period.To:yyyyMMdd}.csv";
        return TypedResults.File(bytes, ContentType + "; charset=utf-8", file);
    }

    /// <summary>
    /// The rows, then the total. Without grouping a report's only row is the whole period (group "total"), the
    /// same figures as the total: it is printed once, as the last line. A split row (one with a split column such as
    /// the channel) is also labelled "total" without grouping, but it is a part of the period, not the whole: kept.
    /// </summary>
    private static IEnumerable<TRow> Lines<TRow>(Report<TRow> report, PropertyInfo[] properties)
        where TRow : class
    {
        if (report.Total is null)
        {
            return report.Rows;
        }

        var group = properties.FirstOrDefault(p => p.Name == "Group" && p.PropertyType == typeof(string));
        var split = properties.Where(p => p.GetCustomAttribute<SplitColumnAttribute>() is not null).ToArray();
        var rows = report.GroupBy == ReportGroupBy.None && group is not null
            ? report.Rows.Where(r => !Equals(group.GetValue(r), group.GetValue(report.Total)) || split.Any(p => p.GetValue(r) is not null))
            : report.Rows;
        return rows.Append(report.Total);
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        string s => s,
        DateTimeOffset d => d.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable list => string.Join('|', list.Cast<object?>().Select(Format)),
        _ => value.ToString() ?? "",
    };

    private static string Escape(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}

internal static class Ratio
{
    /// <summary>part ÷ whole rounded to 4 places; null when the whole is 0.</summary>
    public static double? Of(double part, double whole) => whole == 0 ? null : Math.Round(part / whole, 4);

    public static double? Average(double sum, long count) => count == 0 ? null : Math.Round(sum / count, 2);
}
