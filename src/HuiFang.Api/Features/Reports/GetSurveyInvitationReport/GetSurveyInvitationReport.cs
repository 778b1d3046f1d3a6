using System.Text.Json.Serialization;
using FluentValidation;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Surveys;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Services.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Reports.GetSurveyInvitationReport;

/// <param name="SplitByChannel">Split every row by the invitation's channel (<c>splitBy=channel</c>).</param>
/// <param name="Department">Only this department (<c>department=</c>): the service department of the invitation's visit task; null for every department.</param>
public sealed record GetSurveyInvitationReport(DateOnly? From, DateOnly? To, ReportGroupBy GroupBy, bool SplitByChannel = false, string? Department = null)
    : IQuery<Result<Report<SurveyInvitationRow>>>, IReportQuery;

/// <summary>Survey invitations (在线问卷 links) created in the period and where they stand now.</summary>
/// <param name="Group">The group's key: week, month or channel; "total" for the whole period.</param>
/// <param name="Sent">Invitations created (each link sent, also one later revoked or replaced by a newer one).</param>
/// <param name="Open">Still waiting for the customer (the link works until it expires).</param>
/// <param name="Answered">Answered by the customer through the link.</param>
/// <param name="Expired">Not answered in time: the task fell back to a phone visit or to Unreachable.</param>
/// <param name="Revoked">Withdrawn: by a caller, by a newer invitation for the same task, because the task closed, or because the customer opted out.</param>
/// <param name="Reminded">Invitations whose one reminder was sent.</param>
/// <param name="ResponseRate">Answered ÷ (sent − revoked), 0–1: of the links left to the customer, the share answered (a revoked link did not get its chance, so sending a new one does not lower the rate); open links count as not answered yet.</param>
/// <param name="Channel">With splitBy=channel: the invitation's channel (Sms, Email, App, Questionnaire, …); absent otherwise and on the total.</param>
public sealed record SurveyInvitationRow(
    string Group,
    int Sent,
    int Open,
    int Answered,
    int Expired,
    int Revoked,
    int Reminded,
    double? ResponseRate,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), SplitColumn] string? Channel = null);

public sealed class GetSurveyInvitationReportValidator : AbstractValidator<GetSurveyInvitationReport>
{
    public GetSurveyInvitationReportValidator() => this.PeriodRules(ReportSources.SurveyInvitations.Offers);
}

public sealed class GetSurveyInvitationReportHandler(HuiFangDbContext db, TenantSettings tenant, TimeProvider clock)
    : IQueryHandler<GetSurveyInvitationReport, Result<Report<SurveyInvitationRow>>>
{
    public async ValueTask<Result<Report<SurveyInvitationRow>>> Handle(GetSurveyInvitationReport query, CancellationToken cancellationToken)
    {
        var calendar = await tenant.GetCalendarAsync(cancellationToken);
        var period = ReportPeriod.Of(query.From!.Value, query.To!.Value, calendar);
        var key = ReportSources.SurveyInvitations.KeyOf(query.GroupBy, period, calendar, query.SplitByChannel);

        // One pass in SQL, as the other reports: counts per group; the rate and the total follow from them.
        var sums = await db.SurveyInvitations.AsNoTracking()
            .Where(i => i.CreatedAt >= period.Start && i.CreatedAt < period.End)
            .Where(i => query.Department == null || db.VisitTasks.Any(t => t.Id == i.TaskId && t.ServiceDepartment == query.Department))
            .GroupBy(key)
            .Select(g => new Sums
            {
                Group = g.Key,
                Sent = g.Count(),
                Open = g.Count(i => i.Status == SurveyInvitationStatus.Open),
                Answered = g.Count(i => i.Status == SurveyInvitationStatus.Answered),
                Expired = g.Count(i => i.Status == SurveyInvitationStatus.Expired),
                Revoked = g.Count(i => i.Status == SurveyInvitationStatus.Revoked),
                Reminded = g.Count(i => i.RemindedAt != null),
            })
            .ToListAsync(cancellationToken);

        var rows = sums.Select(s => s.ToRow(query.SplitByChannel)).OrderBy(r => r.Group, StringComparer.Ordinal).ThenBy(r => r.Channel, StringComparer.Ordinal).ToList();
        var total = sums.Aggregate(new Sums { Group = "total" }, (a, s) => a.Add(s)).ToRow(false);
        return new Report<SurveyInvitationRow>("survey-invitations", PeriodResponse.Of(period), query.GroupBy, rows, total, false, clock.GetUtcNow());
    }

    private sealed class Sums
    {
        public string? Group { get; init; }

        public int Sent { get; set; }

        public int Open { get; set; }

        public int Answered { get; set; }

        public int Expired { get; set; }

        public int Revoked { get; set; }

        public int Reminded { get; set; }

        public Sums Add(Sums o)
        {
            Sent += o.Sent;
            Open += o.Open;
            Answered += o.Answered;
            Expired += o.Expired;
            Revoked += o.Revoked;
            Reminded += o.Reminded;
            return this;
        }

        public SurveyInvitationRow ToRow(bool split)
        {
            var (group, channel) = SplitKey.Parse(Group, split);
            return new(group ?? "", Sent, Open, Answered, Expired, Revoked, Reminded, Ratio.Of(Answered, Sent - Revoked), channel);
        }
    }
}
