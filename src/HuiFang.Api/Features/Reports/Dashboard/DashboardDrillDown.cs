using HuiFang.Api.Domain.Reviews;
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

    /// <summary>First-visit feedback of the period (or of <c>?week=</c>), of one score with <c>?score=1..5</c>: what the trend, the distribution and NPS count.</summary>
    public static async Task FeedbackAsync(HttpContext http, DashboardSessions sessions, CurrentCaller current, TenantSettings tenant, TimeProvider clock,
        HuiFangDbContext db, IAntiforgery antiforgery, IMediator mediator, CancellationToken ct)
    {
        var (lang, _) = DashboardEndpoints.Language(http);
        int? score = null;
        if (http.Request.Query.TryGetValue("score", out var scoreText))
        {
            if (scoreText.Count != 1 || !int.TryParse(scoreText[0], NumberStyles.None, CultureInfo.InvariantCulture, out var s) || s is < 1 or > 5)
            {
                await RefuseAsync(http, sessions, current, lang, "bad.score", ct);
                return;
            }

            score = s;
        }

        var title = score is { } n ? DashboardTexts.Get(lang, "drill.feedback.title", n) : DashboardTexts.Get(lang, "drill.weekFeedback.title", WeekText(http));
        await ListAsync(http, sessions, current, tenant, clock, db, antiforgery, mediator, title,
            (f, from, to) => new ListDashboardItems.ListDashboardItems(ListDashboardItems.DashboardItemKind.Feedback, from, to, f.Department, Score: score),
            [DashboardTexts.Get(lang, "workOrder"), DashboardTexts.Get(lang, "recordedAt"), DashboardTexts.Get(lang, "department"), DashboardTexts.Get(lang, "score"), DashboardTexts.Get(lang, "status"), DashboardTexts.Get(lang, "comment")],
            i => [i.WorkOrderNo, DashboardPages.Instant(i.At), DashboardData.DepartmentName(lang, i.Department ?? ""), i.Score?.ToString(CultureInfo.InvariantCulture) ?? "", i.State ?? "", i.Detail ?? ""], ct);
    }

    /// <summary>
    /// A department's escalations opened in the period (what its SLA compliance counts), or with <c>?due=24h</c> its open
    /// escalations due within the next 24 hours (what <c>breaching-soon</c> counts).
    /// </summary>
    public static async Task EscalationsAsync(HttpContext http, DashboardSessions sessions, CurrentCaller current, TenantSettings tenant, TimeProvider clock,
        HuiFangDbContext db, IAntiforgery antiforgery, IMediator mediator, CancellationToken ct)
    {
        var (lang, _) = DashboardEndpoints.Language(http);
        var due = http.Request.Query["due"];
        if (due.Count > 1 || (due.Count == 1 && due[0] != "24h"))
        {
            await RefuseAsync(http, sessions, current, lang, "bad.value", ct);
            return;
        }

        var department = http.Request.Query["department"].FirstOrDefault();
        var title = DashboardTexts.Get(lang, due.Count == 1 ? "breaching-soon.title" : "drill.escalations.title", string.IsNullOrEmpty(department) ? DashboardTexts.Get(lang, "filters.department.all") : department);
        string[] headers = [DashboardTexts.Get(lang, "workOrder"), DashboardTexts.Get(lang, due.Count == 1 ? "dueBy" : "openedAt"), DashboardTexts.Get(lang, "department"), DashboardTexts.Get(lang, "severity"), DashboardTexts.Get(lang, "status"), DashboardTexts.Get(lang, due.Count == 1 ? "owner" : "breached")];
        if (due.Count == 1)
        {
            var page = await OpenAsync(http, sessions, current, tenant, clock, ct);
            if (page is not { } p)
            {
                return;
            }

            var soon = await mediator.Send(new GetBreachingSoon.GetBreachingSoon(p.Filter.Department), ct);
            if (!soon.IsSuccess)
            {
                await DashboardEndpoints.BadRequestAsync(http, lang, DashboardEndpoints.ErrorTexts(soon.Error!));
                return;
            }

            var list = new ItemList("items", title, headers, [.. soon.Value.Select(e => new ItemRow(e.Id.ToString(), null,
                [e.WorkOrderNo, DashboardPages.Instant(e.DueBy), DashboardData.DepartmentName(lang, e.Department), e.Severity.ToString(), e.Status.ToString(), e.Owner ?? ""]))]);
            var viewer = await DashboardEndpoints.ViewerAsync(http, db, current.Value!, antiforgery, ct);
            await DashboardEndpoints.WriteAsync(http, StatusCodes.Status200OK,
                DashboardPages.ItemsPage(p.Filter, viewer, http.Request.Path, title, list, soon.Value.Count >= GetBreachingSoon.GetBreachingSoonHandler.MaxRows, GetBreachingSoon.GetBreachingSoonHandler.MaxRows), lang);
            return;
        }

        await ListAsync(http, sessions, current, tenant, clock, db, antiforgery, mediator, title,
            (f, from, to) => new ListDashboardItems.ListDashboardItems(ListDashboardItems.DashboardItemKind.Escalations, from, to, f.Department),
            headers,
            i => [i.WorkOrderNo, DashboardPages.Instant(i.At), DashboardData.DepartmentName(lang, i.Department ?? ""), i.Detail ?? "", i.State ?? "", DashboardTexts.Get(lang, i.Score > 0 ? "yes" : "no")], ct);
    }

    /// <summary>Survey invitations of the period by one channel (<c>?channel=Sms</c>): what its response rate counts.</summary>
    public static async Task InvitationsAsync(HttpContext http, DashboardSessions sessions, CurrentCaller current, TenantSettings tenant, TimeProvider clock,
        HuiFangDbContext db, IAntiforgery antiforgery, IMediator mediator, CancellationToken ct)
    {
        var (lang, _) = DashboardEndpoints.Language(http);
        var channelText = http.Request.Query["channel"];
        if (channelText.Count != 1 || !Enum.TryParse<Domain.VisitTasks.ContactChannel>(channelText[0], ignoreCase: false, out var channel)
            || !Enum.GetNames<Domain.VisitTasks.ContactChannel>().Contains(channelText[0], StringComparer.Ordinal))
        {
            await RefuseAsync(http, sessions, current, lang, "bad.channel", ct);
            return;
        }

        await ListAsync(http, sessions, current, tenant, clock, db, antiforgery, mediator, DashboardTexts.Get(lang, "drill.invitations.title", DashboardTexts.Channel(lang, channel.ToString())),
            (f, from, to) => new ListDashboardItems.ListDashboardItems(ListDashboardItems.DashboardItemKind.Invitations, from, to, f.Department, Channel: channel),
            [DashboardTexts.Get(lang, "workOrder"), DashboardTexts.Get(lang, "sent"), DashboardTexts.Get(lang, "channel"), DashboardTexts.Get(lang, "status")],
            i => [i.WorkOrderNo, DashboardPages.Instant(i.At), DashboardTexts.Channel(lang, i.Detail ?? ""), i.State ?? ""], ct);
    }

    /// <summary>The items of the weekly reviews of the period (of the filter's department): each with its decision and note.</summary>
    public static async Task ReviewsAsync(HttpContext http, DashboardSessions sessions, CurrentCaller current, TenantSettings tenant, TimeProvider clock,
        HuiFangDbContext db, IAntiforgery antiforgery, IMediator mediator, CancellationToken ct)
    {
        var (lang, _) = DashboardEndpoints.Language(http);
        var department = http.Request.Query["department"].FirstOrDefault();
        await ListAsync(http, sessions, current, tenant, clock, db, antiforgery, mediator,
            DashboardTexts.Get(lang, "drill.reviews.title", department is null ? DashboardTexts.Get(lang, "filters.department.all") : DashboardData.DepartmentName(lang, department)),
            (f, from, to) => new ListDashboardItems.ListDashboardItems(ListDashboardItems.DashboardItemKind.ReviewItems, from, to, f.Department),
            [DashboardTexts.Get(lang, "week"), DashboardTexts.Get(lang, "recordedAt"), DashboardTexts.Get(lang, "department"), DashboardTexts.Get(lang, "score"),
             DashboardTexts.Get(lang, "decision"), DashboardTexts.Get(lang, "note")],
            i => [i.WorkOrderNo, DashboardPages.Instant(i.At), DashboardData.DepartmentName(lang, i.Department ?? ""), i.Score?.ToString(CultureInfo.InvariantCulture) ?? "",
                  i.State ?? DashboardTexts.Get(lang, "none"), i.Detail ?? ""], ct);
    }

    /// <summary>The judged spot-check picks of the period, of one agent with <c>?agent=</c> (empty: visits without one).</summary>
    public static async Task SpotChecksAsync(HttpContext http, DashboardSessions sessions, CurrentCaller current, TenantSettings tenant, TimeProvider clock,
        HuiFangDbContext db, IAntiforgery antiforgery, IMediator mediator, CancellationToken ct)
    {
        var (lang, _) = DashboardEndpoints.Language(http);
        var agent = http.Request.Query["agent"];
        if (agent.Count > 1)
        {
            await RefuseAsync(http, sessions, current, lang, "bad.value", ct);
            return;
        }

        var name = agent.Count == 1 ? agent[0] : null;
        await ListAsync(http, sessions, current, tenant, clock, db, antiforgery, mediator,
            DashboardTexts.Get(lang, "drill.spotChecks.title", name is null ? DashboardTexts.Get(lang, "filters.department.all") : name.Length == 0 ? DashboardTexts.Get(lang, "agent.none") : name),
            (f, from, to) => new ListDashboardItems.ListDashboardItems(ListDashboardItems.DashboardItemKind.SpotCheckPicks, from, to, f.Department, Agent: name),
            [DashboardTexts.Get(lang, "agent"), DashboardTexts.Get(lang, "recordedAt"), DashboardTexts.Get(lang, "department"), DashboardTexts.Get(lang, "level"), DashboardTexts.Get(lang, "result")],
            i => [i.WorkOrderNo.Length == 0 ? DashboardTexts.Get(lang, "agent.none") : i.WorkOrderNo, DashboardPages.Instant(i.At), DashboardData.DepartmentName(lang, i.Department ?? ""),
                  i.Detail ?? "", DashboardTexts.Get(lang, i.State == "passed" ? "pass" : "failed")], ct);
    }

    /// <summary>The corrective actions opened in the period and still open, soonest due first.</summary>
    public static async Task CorrectiveActionsAsync(HttpContext http, DashboardSessions sessions, CurrentCaller current, TenantSettings tenant, TimeProvider clock,
        HuiFangDbContext db, IAntiforgery antiforgery, IMediator mediator, CancellationToken ct)
    {
        var (lang, _) = DashboardEndpoints.Language(http);
        await ListAsync(http, sessions, current, tenant, clock, db, antiforgery, mediator, DashboardTexts.Get(lang, "corrective-actions.list"),
            (f, from, to) => new ListDashboardItems.ListDashboardItems(ListDashboardItems.DashboardItemKind.OpenCorrectiveActions, from, to, f.Department),
            [DashboardTexts.Get(lang, "nonConformity"), DashboardTexts.Get(lang, "dueDate"), DashboardTexts.Get(lang, "department"), DashboardTexts.Get(lang, "status"), DashboardTexts.Get(lang, "owner")],
            i => [i.WorkOrderNo, DashboardPages.Instant(i.At), DashboardData.DepartmentName(lang, i.Department ?? ""), i.State ?? "", i.Detail ?? ""], ct);
    }

    private static async Task ListAsync(HttpContext http, DashboardSessions sessions, CurrentCaller current, TenantSettings tenant, TimeProvider clock,
        HuiFangDbContext db, IAntiforgery antiforgery, IMediator mediator, string title,
        Func<DashboardFilter, DateOnly, DateOnly, ListDashboardItems.ListDashboardItems> query, string[] headers, Func<ListDashboardItems.DashboardItem, string[]> cells, CancellationToken ct)
    {
        var page = await OpenAsync(http, sessions, current, tenant, clock, ct);
        if (page is not { } p)
        {
            return;
        }

        var (filter, week) = p;
        var lang = filter.Language;
        var (from, to) = week ?? (filter.From, filter.To);
        var result = await mediator.Send(query(filter, from, to), ct);
        if (!result.IsSuccess)
        {
            await DashboardEndpoints.BadRequestAsync(http, lang, DashboardEndpoints.ErrorTexts(result.Error!));
            return;
        }

        var list = new ItemList("items", title, headers, [.. result.Value.Rows.Select(i => new ItemRow(i.Id.ToString(), null, cells(i)))]);
        var viewer = await DashboardEndpoints.ViewerAsync(http, db, current.Value!, antiforgery, ct);
        await DashboardEndpoints.WriteAsync(http, StatusCodes.Status200OK,
            DashboardPages.ItemsPage(filter with { From = from, To = to }, viewer, http.Request.Path, title, list, result.Value.Truncated, ListDashboardItems.ListDashboardItemsHandler.MaxRows), lang);
    }

    /// <summary>A drill-down's own parameter is wrong: a 400 page, once the session is known (without one, the sign-in).</summary>
    private static async Task RefuseAsync(HttpContext http, DashboardSessions sessions, CurrentCaller current, string lang, string key, CancellationToken ct)
    {
        if (!await DashboardEndpoints.AcceptsHtmlAsync(http))
        {
            return;
        }

        if (await DashboardEndpoints.SessionAsync(http, sessions, current, ct) is null)
        {
            DashboardEndpoints.SecureHeaders(http.Response);
            http.Response.StatusCode = StatusCodes.Status303SeeOther;
            http.Response.Headers.Location = DashboardEndpoints.Route;
            return;
        }

        await DashboardEndpoints.BadRequestAsync(http, lang, [DashboardTexts.Get(lang, key)]);
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
            if (weekText.Count == 1 && ReviewWeek.TryParse(weekText[0], out var isoWeek) && isoWeek.Monday is var monday && monday.AddDays(6) >= filter.From && monday <= filter.To)
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
}
