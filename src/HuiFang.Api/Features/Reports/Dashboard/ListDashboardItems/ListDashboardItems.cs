using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.CorrectiveActions;
using HuiFang.Api.Domain.Escalations;
using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Domain.Surveys;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Services.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Reports.Dashboard.ListDashboardItems;

/// <summary>What a drill-down page lists: the rows a figure of the dashboard counted.</summary>
public enum DashboardItemKind
{
    /// <summary>First-visit feedback (latest corrections), as the satisfaction report counts it; optionally of one score.</summary>
    Feedback,

    /// <summary>Escalations opened in the period, as the SLA report counts them (handling department).</summary>
    Escalations,

    /// <summary>Survey invitations created in the period, as the survey-invitations report counts them; optionally of one channel.</summary>
    Invitations,

    /// <summary>The items of the weekly reviews whose week starts in the period, as the review report counts them.</summary>
    ReviewItems,

    /// <summary>The judged spot-check picks of visits recorded in the period, as the spot-check report counts them; optionally of one agent.</summary>
    SpotCheckPicks,

    /// <summary>Corrective actions opened in the period and still open (proposed or open), as the corrective-action report's <c>open</c> counts them.</summary>
    OpenCorrectiveActions,
}

/// <summary>The items behind a figure of the dashboard, under its filters. At most <see cref="ListDashboardItemsHandler.MaxRows"/>.</summary>
public sealed record ListDashboardItems(DashboardItemKind Kind, DateOnly? From, DateOnly? To, string? Department, int? Score = null, ContactChannel? Channel = null, string? Agent = null)
    : IQuery<Result<DashboardItems>>, IReportQuery
{
    public ReportGroupBy GroupBy => ReportGroupBy.None;
}

/// <summary>The rows found (oldest first) and whether more exist than were listed.</summary>
public sealed record DashboardItems(IReadOnlyList<DashboardItem> Rows, bool Truncated);

/// <summary>One listed item: its id, work order, when, department, and the fields its kind has.</summary>
public sealed record DashboardItem(Guid Id, string WorkOrderNo, DateTimeOffset At, string? Department, string? Detail, string? State, int? Score);

public sealed class ListDashboardItemsValidator : AbstractValidator<ListDashboardItems>
{
    public ListDashboardItemsValidator()
    {
        this.PeriodRules(_ => true);
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Score).InclusiveBetween(1, 5).When(x => x.Score is not null);
        RuleFor(x => x.Channel).IsInEnum().When(x => x.Channel is not null);
        RuleFor(x => x.Agent).MaximumLength(FieldLimits.Name).When(x => x.Agent is not null);
    }
}

public sealed class ListDashboardItemsHandler(HuiFangDbContext db, TenantSettings tenant) : IQueryHandler<ListDashboardItems, Result<DashboardItems>>
{
    public const int MaxRows = 500;

    public async ValueTask<Result<DashboardItems>> Handle(ListDashboardItems query, CancellationToken cancellationToken)
    {
        var calendar = await tenant.GetCalendarAsync(cancellationToken);
        var period = ReportPeriod.Of(query.From!.Value, query.To!.Value, calendar);
        var department = query.Department;
        var rows = query.Kind switch
        {
            DashboardItemKind.Feedback => await db.FeedbackRecords.AsNoTracking()
                .Where(f => f.RecordedAt >= period.Start && f.RecordedAt < period.End && f.SupersededBy == null && !f.IsRevisit)
                .Where(f => department == null || f.Department == department)
                .Where(f => query.Score == null || f.Score == query.Score)
                .OrderBy(f => f.RecordedAt).ThenBy(f => f.Id)
                .Take(MaxRows + 1)
                .Select(f => new DashboardItem(f.Id, f.WorkOrderNo, f.RecordedAt, f.Department, f.Comment, f.Verdict.ToString(), f.Score))
                .ToListAsync(cancellationToken),
            DashboardItemKind.Escalations => await db.Escalations.AsNoTracking()
                .Where(e => e.OpenedAt >= period.Start && e.OpenedAt < period.End)
                .Where(e => department == null || e.Department == department)
                .OrderBy(e => e.OpenedAt).ThenBy(e => e.Id)
                .Take(MaxRows + 1)
                .Select(e => new DashboardItem(e.Id, e.WorkOrderNo, e.OpenedAt, e.Department, e.Severity.ToString(), e.Status.ToString(), e.BreachCount))
                .ToListAsync(cancellationToken),
            DashboardItemKind.ReviewItems => (await db.WeeklyReviews.AsNoTracking()
                .Where(r => r.WeekStart >= period.Start && r.WeekStart < period.End)
                .Where(r => department == null || r.Department == department)
                .SelectMany(r => r.Items, (r, i) => new { i.Id, r.Week, i.RecordedAt, r.Department, i.Note, i.Decision, i.Score })
                .OrderBy(i => i.RecordedAt).ThenBy(i => i.Id)
                .Take(MaxRows + 1)
                .ToListAsync(cancellationToken))
                .Select(i => new DashboardItem(i.Id, i.Week, i.RecordedAt, i.Department, i.Note, i.Decision?.ToString(), i.Score)).ToList(),
            DashboardItemKind.SpotCheckPicks => (await db.SpotChecks.AsNoTracking()
                .SelectMany(s => s.Picks.Where(p => p.Passed != null && p.RecordedAt >= period.Start && p.RecordedAt < period.End
                    && (department == null || p.Department == department) && (query.Agent == null || (p.Agent ?? "") == query.Agent)),
                    (s, p) => new { p.Id, p.Agent, p.RecordedAt, p.Department, s.Level, p.Passed })
                .OrderBy(p => p.RecordedAt).ThenBy(p => p.Id)
                .Take(MaxRows + 1)
                .ToListAsync(cancellationToken))
                .Select(p => new DashboardItem(p.Id, p.Agent ?? "", p.RecordedAt, p.Department, p.Level.ToString(), p.Passed == true ? "passed" : "failed", null)).ToList(),
            DashboardItemKind.OpenCorrectiveActions => (await db.CorrectiveActions.AsNoTracking()
                .Where(a => a.OpenedAt >= period.Start && a.OpenedAt < period.End)
                .Where(a => a.Status == CorrectiveActionStatus.Proposed || a.Status == CorrectiveActionStatus.Open)
                .Where(a => department == null || a.Department == department)
                .OrderBy(a => a.DueAt).ThenBy(a => a.Id)
                .Take(MaxRows + 1)
                .Select(a => new { a.Id, a.NonConformity, a.DueAt, a.Department, a.Owner, a.Status })
                .ToListAsync(cancellationToken))
                .Select(a => new DashboardItem(a.Id, a.NonConformity, a.DueAt, a.Department, a.Owner, a.Status.ToString(), null)).ToList(),
            _ => await db.SurveyInvitations.AsNoTracking()
                .Where(i => i.CreatedAt >= period.Start && i.CreatedAt < period.End)
                .Where(i => query.Channel == null || i.Channel == query.Channel)
                .Where(i => department == null || db.VisitTasks.Any(t => t.Id == i.TaskId && t.ServiceDepartment == department))
                .OrderBy(i => i.CreatedAt).ThenBy(i => i.Id)
                .Take(MaxRows + 1)
                .Select(i => new DashboardItem(i.Id, i.WorkOrderNo, i.CreatedAt, null, i.Channel.ToString(), i.Status.ToString(), null))
                .ToListAsync(cancellationToken),
        };
        return new DashboardItems([.. rows.Take(MaxRows)], rows.Count > MaxRows);
    }
}
