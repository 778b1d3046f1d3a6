using HuiFang.Api.Domain.Common;
using HuiFang.Api.Common;
using HuiFang.Api.Features.Reports.GetCategoryReport;
using HuiFang.Api.Features.Reports.GetCorrectiveActionReport;
using HuiFang.Api.Features.Reports.GetCoverageReport;
using HuiFang.Api.Features.Reports.GetReviewReport;
using HuiFang.Api.Features.Reports.GetSatisfactionReport;
using HuiFang.Api.Features.Reports.GetSlaReport;
using HuiFang.Api.Features.Reports.GetSpotCheckReport;
using HuiFang.Api.Features.Reports.GetSurveyInvitationReport;
using HuiFang.Api.Features.Reports.GetUnsatisfiedList;
using HuiFang.Api.Features.Reports.GetVisitReport;
using HuiFang.Api.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HuiFang.Api.Features.Reports;

public static class ReportEndpoints
{
    public const string Route = "/api/v1/reports";

    private const string Common = """
        Query: `from` and `to` (tenant-local dates, inclusive, at most 366 days), `groupBy` (week, month, department,
        assignee, serviceType, channel — where the report offers it), `splitBy=channel` to split every row by channel
        (satisfaction and survey invitations; without it the rows are as they always were), `department` to count one department only (the work order's department for feedback, the task's service department for visits and survey invitations, the service record's for coverage, the handling department for the SLA report; exact match, empty = every department), `format=csv` (or `Accept: text/csv`) for CSV in
        UTF-8 with a byte-order mark so Excel shows Chinese text; the CSV's last line is the total. Counted in the database.
        """;

    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Route).WithTags("Reports");

        Map<GetSatisfactionReport.GetSatisfactionReport, SatisfactionRow>(group, "/satisfaction", "GetSatisfactionReport", "Satisfaction: rate, average, 1–5 distribution, NPS, per-dimension averages",
            "First-visit feedback recorded in the period (latest corrections only). Satisfaction rate = share of verdict Satisfied (scores 4–5 by default; ≥ 85 % counts as good).",
            (p, g, split) => new GetSatisfactionReport.GetSatisfactionReport(p.From, p.To, g, split, p.Department), offersSplit: true);
        Map<GetCategoryReport.GetCategoryReport, CategoryRow>(group, "/categories", "GetCategoryReport", "Feedback by category, complaints by level",
            "First-visit feedback recorded in the period: praise, suggestion, complaint, inquiry (a record may carry several), complaints general/urgent, unresolved problems, open inquiries.",
            (p, g, _) => new GetCategoryReport.GetCategoryReport(p.From, p.To, g, p.Department));
        Map<GetVisitReport.GetVisitReport, VisitRow>(group, "/visits", "GetVisitReport", "Visits planned, completed, unreachable, overdue",
            "Visit tasks created in the period and where they stand now.",
            (p, g, _) => new GetVisitReport.GetVisitReport(p.From, p.To, g, p.Department));
        Map<GetCoverageReport.GetCoverageReport, CoverageRow>(group, "/coverage", "GetCoverageReport", "Visit coverage (回访率) per service type against the policy's target",
            "Service records completed in the period, per service type: eligible, chosen, held back (do-not-disturb), visited, coverage = visited ÷ eligible, and the policy's target (the sum of each record's rate). Rows are always per service type.",
            (p, g, _) => new GetCoverageReport.GetCoverageReport(p.From, p.To, g, p.Department));
        Map<GetSurveyInvitationReport.GetSurveyInvitationReport, SurveyInvitationRow>(group, "/survey-invitations", "GetSurveyInvitationReport", "Survey invitations: sent, answered, expired, revoked, response rate",
            "Survey invitations (links the customer answers by themselves) created in the period and where they stand now, per week, month or channel; `splitBy=channel` splits weeks or months by channel. Response rate = answered ÷ (sent − revoked). Department, assignee and service type are not offered.",
            (p, g, split) => new GetSurveyInvitationReport.GetSurveyInvitationReport(p.From, p.To, g, split, p.Department), offersSplit: true);
        Map<GetSlaReport.GetSlaReport, SlaRow>(group, "/sla", "GetSlaReport", "Escalations: SLA compliance, time to respond/resolve, breaches, reopen rate, loops closed, repeat problems",
            "Escalations opened in the period (latest handling cycle). Department/assignee are the handling department and owner; channel is not offered. Mean and p90 hours are wall-clock from the cycle's start. A repeat problem: the same customer or work order had another escalation in the 90 days before.",
            (p, g, _) => new GetSlaReport.GetSlaReport(p.From, p.To, g, p.Department));
        Map<GetUnsatisfiedList.GetUnsatisfiedList, UnsatisfiedRow>(group, "/unsatisfied", "GetUnsatisfiedList", "The unsatisfied customers with their reasons and the state of their escalation",
            "Feedback with verdict Unsatisfied recorded in the period, oldest first, with comment, unresolved problems, categories and the escalation's status, level, department and breaches. At most 5,000 rows (`truncated` says when more exist). No grouping.",
            (p, g, _) => new GetUnsatisfiedList.GetUnsatisfiedList(p.From, p.To, g, p.Department));
        Map<GetCorrectiveActionReport.GetCorrectiveActionReport, CorrectiveActionRow>(group, "/corrective-actions", "GetCorrectiveActionReport", "Corrective actions: opened, proposed, open, overdue, implemented, closed (effective), mean days to close",
            "Corrective and preventive actions opened in the period and where they stand now, per month (the default), week or department. Overdue: not implemented and past the due date now. Mean days to close: wall-clock, of the closed ones.",
            (p, g, _) => new GetCorrectiveActionReport.GetCorrectiveActionReport(p.From, p.To, g == ReportGroupBy.None ? ReportGroupBy.Month : g, p.Department));
        Map<GetSpotCheckReport.GetSpotCheckReport, SpotCheckRow>(group, "/spot-checks", "GetSpotCheckReport", "Spot-checks: records checked, passed, failed, pass rate and why they failed",
            "The judged picks of spot-checks whose visits were recorded in the period, per agent (the default: `groupBy=assignee`), `department`, `level` (Supervisor, ProjectManager, QualityDepartment, RegionalDirector) or `month`; a visit checked at two levels counts once per level. Pass rate = passed ÷ checked; notReal, incomplete, notObjective and late count the criteria failed. Week, service type and channel are not offered.",
            (p, g, _) => new GetSpotCheckReport.GetSpotCheckReport(p.From, p.To, g, p.Department));
        Map<GetReviewReport.GetReviewReport, ReviewRow>(group, "/reviews", "GetReviewReport", "Weekly reviews: completed, on time, overdue, and the decisions taken",
            "Weekly reviews of the ISO weeks starting in the period, per week (the default) or per department (\"\" for feedback without one): reviews, completed, completed on time, overdue (not completed by the deadline, completed later or still open), open, items, items reviewed, and each decision's count. Assignee, service type and channel are not offered.",
            (p, g, _) => new GetReviewReport.GetReviewReport(p.From, p.To, g, p.Department));

        return app;
    }

    private static void Map<TQuery, TRow>(RouteGroupBuilder group, string path, string name, string summary, string description, Func<ReportParameters, ReportGroupBy, bool, TQuery> create, bool offersSplit = false)
        where TQuery : IQuery<Result<Report<TRow>>>, IReportQuery
        where TRow : class
    {
        group.MapGet(path, async Task<Results<Ok<Report<TRow>>, FileContentHttpResult, ProblemHttpResult>> ([AsParameters] ReportParameters parameters, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                if (ReportRules.ParseGroupBy(parameters.GroupBy) is not { } groupBy)
                {
                    return Error.Validation("groupBy", Messages.Get("report.groupBy", parameters.GroupBy, string.Join(", ", ReportRules.GroupByNames))).ToProblem();
                }

                if (ReportRules.ParseSplitBy(parameters.SplitBy) is not { } split)
                {
                    return Error.Validation("splitBy", Messages.Get("report.splitBy", parameters.SplitBy, string.Join(", ", ReportRules.SplitByNames))).ToProblem();
                }

                if (split && !offersSplit)
                {
                    return Error.Validation("splitBy", Messages.Get("report.splitByNotOffered")).ToProblem();
                }

                if (parameters.Format is { } format && format is not ("json" or "csv"))
                {
                    return Error.Validation("format", Messages.Get("report.format", format)).ToProblem();
                }

                // An empty department= is no filter; a report that cannot filter by department says so rather than ignore it.
                var department = string.IsNullOrEmpty(parameters.Department) ? null : parameters.Department;
                var query = create(parameters with { Department = department }, groupBy, split);
                if (department is not null && query.Department != department)
                {
                    return Error.Validation("department", Messages.Get("report.departmentNotOffered")).ToProblem();
                }

                var result = await mediator.Send(query, ct);
                if (!result.IsSuccess)
                {
                    return result.Error!.ToProblem();
                }

                return ReportCsv.Wanted(parameters.Format, http.Request) ? ReportCsv.Write(result.Value) : TypedResults.Ok(result.Value);
            })
            .WithName(name)
            .WithSummary(summary)
            .WithDescription(description + "\n\n" + Common)
            .Produces<Report<TRow>>(StatusCodes.Status200OK, "application/json", ReportCsv.ContentType)
            .ProducesValidationProblem()
            .RequireScope(Scopes.ReportsRead);
    }
}
