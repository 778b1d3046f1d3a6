using HuiFang.Api.Domain.Common;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Services.Tenants;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Reports.GetCategoryReport;

/// <param name="Department">Only this department (<c>department=</c>): the work order's department; null for every department.</param>
public sealed record GetCategoryReport(DateOnly? From, DateOnly? To, ReportGroupBy GroupBy, string? Department = null) : IQuery<Result<Report<CategoryRow>>>, IReportQuery;

/// <summary>Feedback by category (a record may carry several) and complaints by level, first visits, latest corrections.</summary>
/// <param name="Group">The group's key; "total" for the whole period.</param>
/// <param name="Feedback">Feedback records.</param>
/// <param name="Praise">Records with praise (表扬).</param>
/// <param name="Suggestion">Records with a suggestion (建议).</param>
/// <param name="Complaint">Records with a complaint (投诉).</param>
/// <param name="Inquiry">Records with an inquiry (咨询).</param>
/// <param name="ComplaintShare">Complaint ÷ feedback.</param>
/// <param name="ComplaintsGeneral">Complaints of level General.</param>
/// <param name="ComplaintsUrgent">Complaints of level Urgent.</param>
/// <param name="WithUnresolvedProblems">Records that name unresolved problems.</param>
/// <param name="InquiriesPending">Inquiries promised a reply that has not been given.</param>
public sealed record CategoryRow(
    string Group,
    int Feedback,
    int Praise,
    int Suggestion,
    int Complaint,
    int Inquiry,
    double? ComplaintShare,
    int ComplaintsGeneral,
    int ComplaintsUrgent,
    int WithUnresolvedProblems,
    int InquiriesPending);

public sealed class GetCategoryReportValidator : AbstractValidator<GetCategoryReport>
{
    public GetCategoryReportValidator() => this.PeriodRules(ReportSources.Feedback.Offers);
}

public sealed class GetCategoryReportHandler(HuiFangDbContext db, TenantSettings tenant, TimeProvider clock)
    : IQueryHandler<GetCategoryReport, Result<Report<CategoryRow>>>
{
    private static readonly int PraiseBit = FeedbackRecord.Bit(FeedbackCategory.Praise);
    private static readonly int SuggestionBit = FeedbackRecord.Bit(FeedbackCategory.Suggestion);
    private static readonly int ComplaintBit = FeedbackRecord.Bit(FeedbackCategory.Complaint);
    private static readonly int InquiryBit = FeedbackRecord.Bit(FeedbackCategory.Inquiry);

    public async ValueTask<Result<Report<CategoryRow>>> Handle(GetCategoryReport query, CancellationToken cancellationToken)
    {
        var calendar = await tenant.GetCalendarAsync(cancellationToken);
        var period = ReportPeriod.Of(query.From!.Value, query.To!.Value, calendar);
        var key = ReportSources.Feedback.KeyOf(query.GroupBy, period, calendar);
        var rows = await db.FeedbackRecords.AsNoTracking()
            .Where(f => f.RecordedAt >= period.Start && f.RecordedAt < period.End && f.SupersededBy == null && !f.IsRevisit)
            .Where(f => query.Department == null || f.Department == query.Department)
            .GroupBy(key)
            .Select(g => new CategoryRow(
                g.Key ?? "",
                g.Count(),
                g.Count(f => (f.CategoryMask & PraiseBit) != 0),
                g.Count(f => (f.CategoryMask & SuggestionBit) != 0),
                g.Count(f => (f.CategoryMask & ComplaintBit) != 0),
                g.Count(f => (f.CategoryMask & InquiryBit) != 0),
                null,
                g.Count(f => f.ComplaintLevel == ComplaintLevel.General),
                g.Count(f => f.ComplaintLevel == ComplaintLevel.Urgent),
                g.Count(f => f.UnresolvedProblems != null),
                g.Count(f => f.InquiryReplyDueBy != null && f.InquiryRepliedAt == null)))
            .ToListAsync(cancellationToken);

        rows = [.. rows.OrderBy(r => r.Group, StringComparer.Ordinal).Select(r => r with { ComplaintShare = Ratio.Of(r.Complaint, r.Feedback) })];
        var total = new CategoryRow(
            "total",
            rows.Sum(r => r.Feedback),
            rows.Sum(r => r.Praise),
            rows.Sum(r => r.Suggestion),
            rows.Sum(r => r.Complaint),
            rows.Sum(r => r.Inquiry),
            Ratio.Of(rows.Sum(r => r.Complaint), rows.Sum(r => r.Feedback)),
            rows.Sum(r => r.ComplaintsGeneral),
            rows.Sum(r => r.ComplaintsUrgent),
            rows.Sum(r => r.WithUnresolvedProblems),
            rows.Sum(r => r.InquiriesPending));
        return new Report<CategoryRow>("categories", PeriodResponse.Of(period), query.GroupBy, rows, total, false, clock.GetUtcNow());
    }
}
