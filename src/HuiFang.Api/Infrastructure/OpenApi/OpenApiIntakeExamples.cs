using HuiFang.Api.Domain.FollowUp;
using HuiFang.Api.Services.Policies;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Features.Policies;
using HuiFang.Api.Features.Reports;
using HuiFang.Api.Features.Reports.GetCategoryReport;
using HuiFang.Api.Features.Reports.GetCoverageReport;
using HuiFang.Api.Features.Reports.GetSatisfactionReport;
using HuiFang.Api.Features.Reports.GetSlaReport;
using HuiFang.Api.Features.Reports.GetUnsatisfiedList;
using HuiFang.Api.Features.Reports.GetVisitReport;
using HuiFang.Api.Features.ServiceRecords;
using HuiFang.Api.Features.ServiceRecords.ReceiveServiceRecord;
using HuiFang.Api.Features.ServiceRecords.ReceiveServiceRecordBatch;
using HuiFang.Api.Features.VisitTasks.CreateVisitTask;
using HuiFang.Api.Services.Planning;

namespace HuiFang.Api.Infrastructure.OpenApi;

/// <summary>Examples of intake, the follow-up policy and the reports, built from the real types (the decision by the real sampling).</summary>
internal static class OpenApiIntakeExamples
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid TaskId = Guid.Parse("019ab7a0-3c00-7000-8000-000000000001");

    public static IEnumerable<(string Name, (object? Request, object? Response) Example)> All()
    {
        var request = new ServiceRecordRequest(
            new CustomerInput("C-10086", "王女士", "13812345678", ContactChannel.Phone),
            new ServiceRecordInput("WO-20261124-0137", "RoutineRepair", "更换厨房水龙头", new DateTimeOffset(2026, 11, 24, 15, 30, 0, TimeSpan.FromHours(8)), "张师傅", "Engineering"));
        var details = Details(request);
        yield return ("ReceiveServiceRecord", (request, details));
        yield return ("GetServiceRecord", (null, details));
        yield return ("ReceiveServiceRecordBatch", (
            new { items = new[] { request } },
            new ServiceRecordBatchResponse(1, 0, 0, details.Decision.Selected ? 1 : 0, [new ServiceRecordBatchItem(0, 201, details, null)])));

        var policy = FollowUpPolicySettings.From(FollowUpPolicy.Default);
        yield return ("GetFollowUpPolicy", (null, new FollowUpPolicyResponse(policy, true, null, 0)));
        var houseRepairs = new FollowUpPolicySettings(Rules:
        [
            new SelectionRuleSettings("house-repairs", ["HouseRepair"], SelectionMode.Tiered, null,
                [new TierSettings(19, null, 5), new TierSettings(50, 30), new TierSettings(100, 15), new TierSettings(null, null, 20)], VisitPurpose.AfterSales, ContactChannel.OnSite),
            new SelectionRuleSettings("complaints", ["Complaint"], SelectionMode.Always, Purpose: VisitPurpose.ComplaintFollowUp),
        ]);
        yield return ("UpdateFollowUpPolicy", (houseRepairs, new FollowUpPolicyResponse(FollowUpPolicySettings.From(houseRepairs.ToPolicy()), false, At, 5)));

        var period = new PeriodResponse(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), "Asia/Shanghai", new DateTimeOffset(2026, 10, 31, 16, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero));
        SatisfactionRow Satisfaction(string group, int n, int sat, int neu) =>
            new(group, n, sat, neu, n - sat - neu, Math.Round(sat / (double)n, 4), 4.21, 1, n - sat - neu - 1, neu, sat / 2, sat - sat / 2, 40, 35.0, 4.4, 4.1, 4.3, 4.5, 2);
        yield return ("GetSatisfactionReport", (null, new Report<SatisfactionRow>("satisfaction", period, ReportGroupBy.Department,
            [Satisfaction("CustomerService", 120, 110, 6), Satisfaction("Engineering", 300, 270, 18)], Satisfaction("total", 420, 380, 24), false, At)));
        yield return ("GetCategoryReport", (null, new Report<CategoryRow>("categories", period, ReportGroupBy.Month,
            [new CategoryRow("2026-11", 420, 180, 126, 21, 35, 0.05, 17, 4, 30, 3)], new CategoryRow("total", 420, 180, 126, 21, 35, 0.05, 17, 4, 30, 3), false, At)));
        yield return ("GetVisitReport", (null, new Report<VisitRow>("visits", period, ReportGroupBy.Week,
            [new VisitRow("2026-W48", 160, 4, 120, 6, 2, 32, 3, 0.7595)], new VisitRow("total", 160, 4, 120, 6, 2, 32, 3, 0.7595), false, At)));
        yield return ("GetCoverageReport", (null, new Report<CoverageRow>("coverage", period, ReportGroupBy.ServiceType,
            [new CoverageRow("Activity", "activities", 50, 15, 0, 14, 0.28, 0.3, 15, 0.3, false), new CoverageRow("RoutineRepair", "routine-by-volume", 250, 145, 3, 140, 0.56, 0.58, 145, 0.58, false)],
            new CoverageRow("total", null, 300, 160, 3, 154, 0.5133, 0.5333, 160, 0.5333, false), false, At)));
        yield return ("GetSlaReport", (null, new Report<SlaRow>("sla", period, ReportGroupBy.Department,
            [new SlaRow("Engineering", 24, 5, 21, 2, 0.913, 18, 3, 0.8571, 6, 2, 0.0833, 17, 1.6, 3.5, 20.1, 30.0, 3, 0.125, 26)],
            new SlaRow("total", 24, 5, 21, 2, 0.913, 18, 3, 0.8571, 6, 2, 0.0833, 17, 1.6, 3.5, 20.1, 30.0, 3, 0.125, 26), false, At)));
        yield return ("GetUnsatisfiedList", (null, new Report<UnsatisfiedRow>("unsatisfied", period, ReportGroupBy.None,
            [new UnsatisfiedRow(At, Guid.Parse("019ab7a0-3c00-7000-8000-0000000000f1"), "C-10086", "WO-20261124-0137", "RoutineRepair", "Engineering", "agent-07", 2,
                [Domain.Feedback.FeedbackCategory.Complaint], Domain.Feedback.ComplaintLevel.Urgent, "师傅迟到两小时", "水龙头仍然漏水", false,
                Guid.Parse("019ab7a0-3c00-7000-8000-0000000000e5"), Domain.Escalations.EscalationStatus.Acknowledged, Domain.Escalations.EscalationLevel.Department, "Engineering", 1, false)],
            null, false, At)));
    }

    private static ServiceRecordDetails Details(ServiceRecordRequest request)
    {
        var policy = FollowUpPolicy.Default;
        var (rule, isDefault) = policy.RuleFor(request.ServiceRecord.ServiceType);
        var decision = Sampling.Decide(rule, 137, 41, "default", request.ServiceRecord.WorkOrderNo);
        var c = request.Customer;
        var s = request.ServiceRecord;
        var record = ServiceRecord.Receive(
            Guid.Parse("019ab7a0-3c00-7000-8000-0000000000a1"),
            new CustomerInfo(c.ExternalId, c.Name, c.Phone, c.PreferredChannel),
            new ServiceRecordInfo(s.WorkOrderNo, s.ServiceType, s.Description, s.CompletedAt!.Value, s.Staff, s.Department),
            IntakeSource.Api,
            At,
            "2026-11",
            rule,
            isDefault,
            decision,
            ContactChannel.Phone,
            TimingKind.MonthlyBatch,
            3);
        if (decision.Selected)
        {
            record.LinkedTo(TaskId);
        }

        return ServiceRecordDetails.From(record, revealPhone: false);
    }
}
