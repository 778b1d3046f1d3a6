using System.Globalization;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Calendar;
using Microsoft.Extensions.Primitives;

namespace HuiFang.Api.Features.Reports.Dashboard;

/// <summary>
/// The page's filters, read from the query string (GET, so a view can be bookmarked and shared): <c>from</c> and
/// <c>to</c> (tenant-local dates, inclusive; by default the 12 full ISO weeks before this one and this week up to
/// today), <c>department</c> (exact; empty = every department) and <c>lang</c>. The same limits as the JSON reports:
/// at most <see cref="ReportPeriod.MaxDays"/> days, to not before from.
/// </summary>
public sealed record DashboardFilter(DateOnly From, DateOnly To, string? Department, string Language, bool ExplicitLanguage)
{
    public const int DefaultWeeks = 12;

    /// <summary>The filters of the request, or the problems with them (as page texts).</summary>
    public static (DashboardFilter? Filter, IReadOnlyList<string> Errors) Read(IQueryCollection query, BusinessCalendar calendar, DateTimeOffset now, string language, bool explicitLanguage)
    {
        var errors = new List<string>();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, calendar.TimeZone).DateTime);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var from = Date(query, "from", language, errors) ?? monday.AddDays(-7 * DefaultWeeks);
        var to = Date(query, "to", language, errors) ?? today;
        if (errors.Count == 0 && to < from)
        {
            errors.Add(DashboardTexts.Get(language, "bad.order"));
        }
        else if (errors.Count == 0 && to.DayNumber - from.DayNumber >= ReportPeriod.MaxDays)
        {
            errors.Add(DashboardTexts.Get(language, "bad.tooLong", ReportPeriod.MaxDays));
        }

        string? department = null;
        if (Single(query, "department", language, errors) is { Length: > 0 } d)
        {
            if (d.Length > FieldLimits.Code || string.IsNullOrWhiteSpace(d))
            {
                errors.Add(DashboardTexts.Get(language, "bad.department", FieldLimits.Code));
            }
            else
            {
                department = d;
            }
        }

        return errors.Count > 0 ? (null, errors) : (new DashboardFilter(from, to, department, language, explicitLanguage), errors);
    }

    private static string? Single(IQueryCollection query, string name, string language, List<string> errors)
    {
        var values = query.TryGetValue(name, out var v) ? v : StringValues.Empty;
        if (values.Count > 1)
        {
            errors.Add(DashboardTexts.Get(language, "bad.once", name));
            return null;
        }

        return values.Count == 1 ? values[0] : null;
    }

    private static DateOnly? Date(IQueryCollection query, string name, string language, List<string> errors)
    {
        var text = Single(query, name, language, errors);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(DashboardTexts.Get(language, "bad.date", name));
        return null;
    }

    /// <summary>The query string of a link that keeps these filters (and the chosen language), with <paramref name="extra"/> on top.</summary>
    public string Query(params (string Name, string? Value)[] extra)
    {
        var parts = new List<(string, string?)>
        {
            ("from", From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("to", To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("department", Department),
            ("lang", ExplicitLanguage ? Language : null),
        };
        foreach (var (name, value) in extra)
        {
            parts.RemoveAll(p => p.Item1 == name);
            parts.Add((name, value));
        }

        var text = string.Join('&', parts.Where(p => p.Item2 is not null).Select(p => Uri.EscapeDataString(p.Item1) + "=" + Uri.EscapeDataString(p.Item2!)));
        return text.Length == 0 ? "" : "?" + text;
    }

    /// <summary>The same figures' JSON report, for the page's "as JSON" note.</summary>
    public string ReportQuery(string? groupBy) =>
        $"?from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}" + (groupBy is null ? "" : "&groupBy=" + groupBy) + (Department is null ? "" : "&department=" + Uri.EscapeDataString(Department));
}
