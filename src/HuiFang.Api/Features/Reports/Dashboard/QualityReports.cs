using HuiFang.Api.Domain.Common;
using HuiFang.Api.Features.Reports.Dashboard.ListDashboardItems;
using Mediator;

namespace HuiFang.Api.Features.Reports.Dashboard;

/// <summary>
/// The quality records' sections, from their reports' own queries with the page's period and department — so each
/// table is the JSON report for the same filters (<c>/api/v1/reports/reviews|spot-checks|corrective-actions</c>).
/// </summary>
public sealed class QualityReports(IMediator mediator) : IDashboardQualityReports
{
    /// <summary>Reviews per department of the weeks starting in the period: items reviewed out of all, completed, overdue, open.</summary>
    public async Task<DashboardSection?> ReviewStatusAsync(DashboardFilter f, CancellationToken ct)
    {
        var report = await mediator.Send(new GetReviewReport.GetReviewReport(f.From, f.To, ReportGroupBy.Department, f.Department), ct);
        if (!report.IsSuccess)
        {
            return null;
        }

        var lang = f.Language;
        string T(string k) => DashboardTexts.Get(lang, k);
        return new DashboardSection("review-status", new Chart("review-status", T("department"),
            [new("itemsReviewed", T("itemsReviewed"), ValueKind.Count, Charted: true), new("items", T("items"), ValueKind.Count, Charted: true),
             new("completed", T("review.completed"), ValueKind.Count), new("overdue", T("review.overdue"), ValueKind.Count), new("open", T("review.open"), ValueKind.Count)],
            [.. report.Value.Rows.Select(r => new ChartRow(r.Group, DashboardData.DepartmentName(lang, r.Group), "/dashboard/reviews" + f.Query(("department", r.Group)),
                new Dictionary<string, double?> { ["itemsReviewed"] = r.ItemsReviewed, ["items"] = r.Items, ["completed"] = r.Completed, ["overdue"] = r.Overdue, ["open"] = r.Open }))], Vertical: false),
            null, "reviews" + f.ReportQuery("department"));
    }

    /// <summary>Pass rate per agent of the judged picks of visits recorded in the period.</summary>
    public async Task<DashboardSection?> SpotCheckPassRateAsync(DashboardFilter f, CancellationToken ct)
    {
        var report = await mediator.Send(new GetSpotCheckReport.GetSpotCheckReport(f.From, f.To, ReportGroupBy.Assignee, f.Department), ct);
        if (!report.IsSuccess)
        {
            return null;
        }

        var lang = f.Language;
        string T(string k) => DashboardTexts.Get(lang, k);
        return new DashboardSection("spot-check-pass-rate", new Chart("spot-check-pass-rate", T("agent"),
            [new("passRate", T("passRate"), ValueKind.Rate, Charted: true), new("checked", T("checked"), ValueKind.Count), new("passed", T("passed"), ValueKind.Count)],
            [.. report.Value.Rows.Select(r => new ChartRow(r.Group, r.Group.Length == 0 ? T("agent.none") : r.Group, "/dashboard/spot-checks" + f.Query(("agent", r.Group)),
                new Dictionary<string, double?> { ["passRate"] = r.PassRate, ["checked"] = r.Checked, ["passed"] = r.Passed }))], Vertical: false),
            null, "spot-checks" + f.ReportQuery("assignee"));
    }

    /// <summary>The actions opened in the period: open and overdue now, closed; and the open ones listed (soonest due first).</summary>
    public async Task<DashboardSection?> CorrectiveActionsAsync(DashboardFilter f, CancellationToken ct)
    {
        var report = await mediator.Send(new GetCorrectiveActionReport.GetCorrectiveActionReport(f.From, f.To, ReportGroupBy.Month, f.Department), ct);
        if (!report.IsSuccess)
        {
            return null;
        }

        var open = await mediator.Send(new ListDashboardItems.ListDashboardItems(DashboardItemKind.OpenCorrectiveActions, f.From, f.To, f.Department), ct);
        if (!open.IsSuccess)
        {
            return null;
        }

        var lang = f.Language;
        string T(string k) => DashboardTexts.Get(lang, k);
        var t = report.Value.Total!;
        var href = "/dashboard/corrective-actions" + f.Query();
        return new DashboardSection("corrective-actions", new Chart("corrective-actions", T("status"),
            [new("count", T("count"), ValueKind.Count, Charted: true)],
            [new ChartRow("open", T("ca.open"), href, new Dictionary<string, double?> { ["count"] = t.Open }),
             new ChartRow("overdue", T("ca.overdue"), href, new Dictionary<string, double?> { ["count"] = t.Overdue }),
             new ChartRow("closed", T("ca.closed"), null, new Dictionary<string, double?> { ["count"] = t.Closed })], Vertical: false),
            new ItemList("corrective-actions-list", T("corrective-actions.list"), [T("nonConformity"), T("dueDate"), T("department"), T("status"), T("owner")],
                [.. open.Value.Rows.Select(a => new ItemRow(a.Id.ToString(), null,
                    [a.WorkOrderNo, DashboardPages.Instant(a.At), DashboardData.DepartmentName(lang, a.Department ?? ""), a.State ?? "", a.Detail ?? ""]))]),
            "corrective-actions" + f.ReportQuery("month"));
    }
}
