using HuiFang.Api.Domain.Common;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Escalations;
using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Services.Tenants;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Reports.GetUnsatisfiedList;

/// <param name="Department">Only this department (<c>department=</c>): the work order's department; null for every department.</param>
public sealed record GetUnsatisfiedList(DateOnly? From, DateOnly? To, ReportGroupBy GroupBy, string? Department = null) : IQuery<Result<Report<UnsatisfiedRow>>>, IReportQuery;

/// <summary>One unsatisfied customer (verdict Unsatisfied, latest correction) with the reasons they gave and where the escalation stands: the supervisor's weekly review list.</summary>
/// <param name="RecordedAt">When the feedback was recorded.</param>
/// <param name="FeedbackId">The feedback record.</param>
/// <param name="CustomerExternalId">The customer's id in the calling system.</param>
/// <param name="WorkOrderNo">The work order.</param>
/// <param name="ServiceType">Its service type.</param>
/// <param name="Department">Department of the work order.</param>
/// <param name="Assignee">The agent who made the visit.</param>
/// <param name="Score">Satisfaction score 1–5.</param>
/// <param name="Categories">Categories given (praise, suggestion, complaint, inquiry).</param>
/// <param name="ComplaintLevel">Level of a complaint.</param>
/// <param name="Comment">What the customer said.</param>
/// <param name="UnresolvedProblems">Problems the customer says are not solved.</param>
/// <param name="Revisit">True when this was a revisit after a fix.</param>
/// <param name="EscalationId">The escalation handling it, if any.</param>
/// <param name="EscalationStatus">Its status.</param>
/// <param name="EscalationLevel">Its level (Department, Supervisor, Manager).</param>
/// <param name="EscalationDepartment">The department handling it.</param>
/// <param name="EscalationCycle">Its handling cycle (2+ after a reopen).</param>
/// <param name="SlaBreached">True when a response or resolution target was breached.</param>
public sealed record UnsatisfiedRow(
    DateTimeOffset RecordedAt,
    Guid FeedbackId,
    string CustomerExternalId,
    string WorkOrderNo,
    string ServiceType,
    string? Department,
    string? Assignee,
    int Score,
    IReadOnlyList<FeedbackCategory> Categories,
    ComplaintLevel? ComplaintLevel,
    string? Comment,
    string? UnresolvedProblems,
    bool Revisit,
    Guid? EscalationId,
    EscalationStatus? EscalationStatus,
    EscalationLevel? EscalationLevel,
    string? EscalationDepartment,
    int? EscalationCycle,
    bool SlaBreached);

public sealed class GetUnsatisfiedListValidator : AbstractValidator<GetUnsatisfiedList>
{
    public GetUnsatisfiedListValidator() => this.PeriodRules(g => g == ReportGroupBy.None);
}

public sealed class GetUnsatisfiedListHandler(HuiFangDbContext db, TenantSettings tenant, TimeProvider clock)
    : IQueryHandler<GetUnsatisfiedList, Result<Report<UnsatisfiedRow>>>
{
    /// <summary>A month of a large tenant fits; beyond it the list is cut and says so.</summary>
    public const int MaxRows = 5000;

    public async ValueTask<Result<Report<UnsatisfiedRow>>> Handle(GetUnsatisfiedList query, CancellationToken cancellationToken)
    {
        var calendar = await tenant.GetCalendarAsync(cancellationToken);
        var period = ReportPeriod.Of(query.From!.Value, query.To!.Value, calendar);
        var found = await (
                from f in db.FeedbackRecords.AsNoTracking()
                where f.RecordedAt >= period.Start && f.RecordedAt < period.End && f.SupersededBy == null && f.Verdict == Verdict.Unsatisfied
                where query.Department == null || f.Department == query.Department
                join e in db.Escalations.AsNoTracking() on f.EscalationId equals e.Id into escalations
                from e in escalations.DefaultIfEmpty()
                orderby f.RecordedAt, f.Id
                select new
                {
                    f.RecordedAt, f.Id, f.CustomerExternalId, f.WorkOrderNo, f.ServiceType, f.Department, f.Assignee, f.Score, f.CategoryMask, f.ComplaintLevel,
                    f.Comment, f.UnresolvedProblems, f.IsRevisit,
                    EscalationId = (Guid?)e.Id,
                    EscalationStatus = (EscalationStatus?)e.Status,
                    EscalationLevel = (EscalationLevel?)e.Level,
                    EscalationDepartment = e.Department,
                    EscalationCycle = (int?)e.Cycle,
                    Breached = e != null && (e.ResponseSla.BreachedAt != null || e.ResolutionSla.BreachedAt != null || e.BreachCount > 0),
                })
            .Take(MaxRows + 1)
            .ToListAsync(cancellationToken);

        var rows = found.Take(MaxRows).Select(f => new UnsatisfiedRow(
            f.RecordedAt, f.Id, f.CustomerExternalId, f.WorkOrderNo, f.ServiceType, f.Department, f.Assignee, f.Score,
            [.. Enum.GetValues<FeedbackCategory>().Where(c => (f.CategoryMask & FeedbackRecord.Bit(c)) != 0)],
            f.ComplaintLevel, f.Comment, f.UnresolvedProblems, f.IsRevisit,
            f.EscalationId, f.EscalationStatus, f.EscalationLevel, f.EscalationDepartment, f.EscalationCycle, f.Breached)).ToList();
        return new Report<UnsatisfiedRow>("unsatisfied", PeriodResponse.Of(period), ReportGroupBy.None, rows, null, found.Count > MaxRows, clock.GetUtcNow());
    }
}
