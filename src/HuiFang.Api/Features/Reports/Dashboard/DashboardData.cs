using System.Globalization;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Features.Reports.Dashboard.GetBreachingSoon;
using HuiFang.Api.Features.Reports.GetSatisfactionReport;
using HuiFang.Api.Features.Reports.GetSlaReport;
using HuiFang.Api.Features.Reports.GetSurveyInvitationReport;
using Mediator;

namespace HuiFang.Api.Features.Reports.Dashboard;

/// <summary>A list under a section (the breaching escalations, the open actions): headers and rows of text cells, each row maybe a link.</summary>
public sealed record ItemList(string Id, string Caption, IReadOnlyList<string> Headers, IReadOnlyList<ItemRow> Rows);

public sealed record ItemRow(string Key, string? Href, IReadOnlyList<string> Cells);

/// <summary>One section of the page: its id (the contract the browser tests use), its chart and table, a list, the JSON report it comes from.</summary>
public sealed record DashboardSection(string Id, Chart? Chart, ItemList? List, string? JsonReport, bool Available = true);

/// <summary>
/// The page's figures, each from the report it is shown beside: the same Mediator queries the JSON reports send,
/// with the same period and department, so a table's numbers are the JSON report's numbers.
/// </summary>
public sealed class DashboardData(IMediator mediator, IDashboardQualityReports quality, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<DashboardSection>>> LoadAsync(DashboardFilter f, CancellationToken ct)
    {
        var lang = f.Language;
        string T(string key) => DashboardTexts.Get(lang, key);

        var weekly = await mediator.Send(new GetSatisfactionReport.GetSatisfactionReport(f.From, f.To, ReportGroupBy.Week, false, f.Department), ct);
        if (!weekly.IsSuccess)
        {
            return weekly.Error!;
        }

        var sections = new List<DashboardSection>();
        var weeks = weekly.Value.Rows;
        sections.Add(new DashboardSection("csat-trend", new Chart("csat-trend", T("week"),
            [new("satisfactionRate", T("satisfactionRate"), ValueKind.Rate, Charted: true), new("feedback", T("feedback"), ValueKind.Count)],
            [.. weeks.Select(w => new ChartRow(w.Group, w.Group, "/dashboard/unsatisfied" + f.Query(("week", w.Group)), new Dictionary<string, double?>
            {
                ["satisfactionRate"] = w.SatisfactionRate,
                ["feedback"] = w.Feedback,
            }))], Vertical: true), null, "satisfaction" + f.ReportQuery("week")));

        var total = weekly.Value.Total!;
        int[] scores = [total.Score1, total.Score2, total.Score3, total.Score4, total.Score5];
        sections.Add(new DashboardSection("score-distribution", new Chart("score-distribution", T("score"),
            [new("count", T("count"), ValueKind.Count, Charted: true)],
            [.. Enumerable.Range(1, 5).Select(s => new ChartRow(
                "score" + s.ToString(CultureInfo.InvariantCulture), s.ToString(CultureInfo.InvariantCulture), "/dashboard/feedback" + f.Query(("score", s.ToString(CultureInfo.InvariantCulture))),
                new Dictionary<string, double?> { ["count"] = scores[s - 1] }))], Vertical: true), null, "satisfaction" + f.ReportQuery(null)));

        sections.Add(new DashboardSection("nps", new Chart("nps", T("week"),
            [new("nps", T("nps"), ValueKind.Nps, Charted: true), new("npsResponses", T("npsResponses"), ValueKind.Count)],
            [.. weeks.Select(w => new ChartRow(w.Group, w.Group, "/dashboard/feedback" + f.Query(("week", w.Group)), new Dictionary<string, double?>
            {
                ["nps"] = w.Nps,
                ["npsResponses"] = w.NpsResponses,
            }))], Vertical: true), null, "satisfaction" + f.ReportQuery("week")));

        var channels = await mediator.Send(new GetSurveyInvitationReport.GetSurveyInvitationReport(f.From, f.To, ReportGroupBy.Channel, false, f.Department), ct);
        if (!channels.IsSuccess)
        {
            return channels.Error!;
        }

        sections.Add(new DashboardSection("response-rate", new Chart("response-rate", T("channel"),
            [new("responseRate", T("responseRate"), ValueKind.Rate, Charted: true), new("sent", T("sent"), ValueKind.Count), new("answered", T("answered"), ValueKind.Count), new("revoked", T("revoked"), ValueKind.Count)],
            [.. channels.Value.Rows.Select(c => new ChartRow(c.Group, DashboardTexts.Channel(lang, c.Group), "/dashboard/invitations" + f.Query(("channel", c.Group)), new Dictionary<string, double?>
            {
                ["responseRate"] = c.ResponseRate,
                ["sent"] = c.Sent,
                ["answered"] = c.Answered,
                ["revoked"] = c.Revoked,
            }))], Vertical: false), null, "survey-invitations" + f.ReportQuery("channel")));

        var sla = await mediator.Send(new GetSlaReport.GetSlaReport(f.From, f.To, ReportGroupBy.Department, f.Department), ct);
        if (!sla.IsSuccess)
        {
            return sla.Error!;
        }

        sections.Add(new DashboardSection("sla-compliance", new Chart("sla-compliance", T("department"),
            [new("responseCompliance", T("responseCompliance"), ValueKind.Rate, Charted: true), new("resolutionCompliance", T("resolutionCompliance"), ValueKind.Rate, Charted: true), new("escalations", T("escalations"), ValueKind.Count)],
            [.. sla.Value.Rows.Select(d => new ChartRow(d.Group, DepartmentName(lang, d.Group), "/dashboard/escalations" + f.Query(("department", d.Group)), new Dictionary<string, double?>
            {
                ["responseCompliance"] = d.ResponseCompliance,
                ["resolutionCompliance"] = d.ResolutionCompliance,
                ["escalations"] = d.Escalations,
            }))], Vertical: false), null, "sla" + f.ReportQuery("department")));

        var soon = await mediator.Send(new GetBreachingSoon.GetBreachingSoon(f.Department), ct);
        if (!soon.IsSuccess)
        {
            return soon.Error!;
        }

        var now = clock.GetUtcNow();
        sections.Add(new DashboardSection("breaching-soon", new Chart("breaching-soon", T("department"),
            [new("dueIn", T("dueIn"), ValueKind.Count, Charted: true)],
            [.. soon.Value.GroupBy(e => e.Department, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new ChartRow(
                g.Key, DepartmentName(lang, g.Key), "/dashboard/escalations" + f.Query(("department", g.Key), ("due", "24h")), new Dictionary<string, double?> { ["dueIn"] = g.Count() }))], Vertical: false),
            new ItemList("breaching-soon-list", T("breaching-soon.list"), [T("workOrder"), T("department"), T("severity"), T("status"), T("dueBy"), T("hoursLeft")],
                [.. soon.Value.Select(e => new ItemRow(e.Id.ToString(), "/dashboard/escalations" + f.Query(("department", e.Department), ("due", "24h")),
                    [e.WorkOrderNo, DepartmentName(lang, e.Department), e.Severity.ToString(), e.Status.ToString(), DashboardPages.Instant(e.DueBy), Html.Display(lang, Math.Round((e.DueBy - now).TotalHours, 1), ValueKind.Hours)]))]),
            null));

        sections.Add(await quality.ReviewStatusAsync(f, ct) ?? new DashboardSection("review-status", null, null, null, Available: false));
        sections.Add(await quality.SpotCheckPassRateAsync(f, ct) ?? new DashboardSection("spot-check-pass-rate", null, null, null, Available: false));
        sections.Add(await quality.CorrectiveActionsAsync(f, ct) ?? new DashboardSection("corrective-actions", null, null, null, Available: false));
        return sections;
    }

    public static string DepartmentName(string language, string department) =>
        department.Length == 0 ? DashboardTexts.Get(language, "department.none") : department;
}

/// <summary>
/// The sections built from the quality records' reports — the weekly reviews (<c>review-status</c>), the spot-checks
/// (<c>spot-check-pass-rate</c>) and the corrective actions (<c>corrective-actions</c>). Each returns its section, or
/// null while the report it needs is not part of the service (the page then says the figures are not available).
/// </summary>
public interface IDashboardQualityReports
{
    Task<DashboardSection?> ReviewStatusAsync(DashboardFilter filter, CancellationToken cancellationToken);

    Task<DashboardSection?> SpotCheckPassRateAsync(DashboardFilter filter, CancellationToken cancellationToken);

    Task<DashboardSection?> CorrectiveActionsAsync(DashboardFilter filter, CancellationToken cancellationToken);
}
