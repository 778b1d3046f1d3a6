using System.Globalization;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Api.Services.Tenants;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;

namespace HuiFang.Api.Features.Reports.Dashboard;

/// <summary>The pages behind the marks and rows: the items a figure counts, under the same filters.</summary>
public static class DashboardDrillDown
{
    /// <summary>A week's unsatisfied customers (<c>?week=2026-W48</c>, within the filters' period), from the unsatisfied list report.</summary>
    public static async Task UnsatisfiedAsync(HttpContext http, DashboardSessions sessions, CurrentCaller current, TenantSettings tenant, TimeProvider clock,
        HuiFangDbContext db, IAntiforgery antiforgery, IMediator mediator, CancellationToken ct)
    {
        var page = await OpenAsync(http, sessions, current, tenant, clock, ct);
        if (page is not { } p)
        {
            return;
        }

        var (filter, week) = p;
        var lang = filter.Language;
        var (from, to) = week ?? (filter.From, filter.To);
        var report = await mediator.Send(new GetUnsatisfiedList.GetUnsatisfiedList(from, to, ReportGroupBy.None, filter.Department), ct);
        if (!report.IsSuccess)
        {
            await DashboardEndpoints.BadRequestAsync(http, lang, DashboardEndpoints.ErrorTexts(report.Error!));
            return;
        }

        var list = new ItemList("items", DashboardTexts.Get(lang, "drill.unsatisfied.title", WeekText(http)), [
                DashboardTexts.Get(lang, "workOrder"), DashboardTexts.Get(lang, "recordedAt"), DashboardTexts.Get(lang, "department"), DashboardTexts.Get(lang, "score"),
                DashboardTexts.Get(lang, "comment"), DashboardTexts.Get(lang, "escalations")],
            [.. report.Value.Rows.Select(r => new ItemRow(r.FeedbackId.ToString(), null, [
                r.WorkOrderNo, DashboardPages.Instant(r.RecordedAt), DashboardData.DepartmentName(lang, r.Department ?? ""), r.Score.ToString(CultureInfo.InvariantCulture),
                r.Comment ?? "", r.EscalationStatus?.ToString() ?? DashboardTexts.Get(lang, "none")]))]);
        var caller = current.Value!;
        var viewer = await DashboardEndpoints.ViewerAsync(http, db, caller, antiforgery, ct);
        var scoped = filter with { From = from, To = to };
        await DashboardEndpoints.WriteAsync(http, StatusCodes.Status200OK,
            DashboardPages.ItemsPage(scoped, viewer, http.Request.Path, list.Caption, list, report.Value.Truncated, GetUnsatisfiedList.GetUnsatisfiedListHandler.MaxRows), lang);
    }

    private static string WeekText(HttpContext http) => http.Request.Query["week"].FirstOrDefault() ?? "";

    /// <summary>The session and the filters of a drill-down page, plus its week when it names one; null when the page has answered already.</summary>
    internal static async Task<(DashboardFilter Filter, (DateOnly From, DateOnly To)? Week)?> OpenAsync(HttpContext http, DashboardSessions sessions, CurrentCaller current,
        TenantSettings tenant, TimeProvider clock, CancellationToken ct)
    {
        var (lang, explicitLanguage) = DashboardEndpoints.Language(http);
        if (!await DashboardEndpoints.AcceptsHtmlAsync(http))
        {
            return null;
        }

        if (await DashboardEndpoints.SessionAsync(http, sessions, current, ct) is null)
        {
            // A bookmark of a drill-down without a session: the sign-in starts on the dashboard itself.
            DashboardSessions.ForgetCookie(http.Response, http.Request);
            DashboardEndpoints.SecureHeaders(http.Response);
            http.Response.StatusCode = StatusCodes.Status303SeeOther;
            http.Response.Headers.Location = DashboardEndpoints.Route + (explicitLanguage ? "?lang=" + lang : "");
            return null;
        }

        var calendar = await tenant.GetCalendarAsync(ct);
        var (filter, errors) = DashboardFilter.Read(http.Request.Query, calendar, clock.GetUtcNow(), lang, explicitLanguage);
        var week = ((DateOnly, DateOnly)?)null;
        var weekText = http.Request.Query["week"];
        if (filter is not null && weekText.Count > 0)
        {
            if (weekText.Count == 1 && ParseWeek(weekText[0]) is { } monday && monday.AddDays(6) >= filter.From && monday <= filter.To)
            {
                week = (monday < filter.From ? filter.From : monday, monday.AddDays(6) > filter.To ? filter.To : monday.AddDays(6));
            }
            else
            {
                errors = [DashboardTexts.Get(lang, "bad.week")];
                filter = null;
            }
        }

        if (filter is null)
        {
            await DashboardEndpoints.BadRequestAsync(http, lang, errors);
            return null;
        }

        return (filter, week);
    }

    /// <summary>The Monday of an ISO week written <c>YYYY-Www</c>; null for anything else (also a week the year does not have).</summary>
    public static DateOnly? ParseWeek(string? text)
    {
        if (text is not { Length: 8 } || text[4] != '-' || text[5] != 'W'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var week)
            || year < 1 || year > 9998 || week < 1 || week > ISOWeek.GetWeeksInYear(year))
        {
            return null;
        }

        return DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
    }
}
