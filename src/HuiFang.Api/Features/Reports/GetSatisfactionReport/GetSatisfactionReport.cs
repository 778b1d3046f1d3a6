using HuiFang.Api.Domain.Common;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Services.Tenants;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using System.Text.Json.Serialization;

namespace HuiFang.Api.Features.Reports.GetSatisfactionReport;

/// <param name="SplitByChannel">Split every row by the visit's channel (<c>splitBy=channel</c>); false: the rows as they always were.</param>
/// <param name="Department">Only this department (<c>department=</c>): the work order's department; null for every department.</param>
public sealed record GetSatisfactionReport(DateOnly? From, DateOnly? To, ReportGroupBy GroupBy, bool SplitByChannel = false, string? Department = null) : IQuery<Result<Report<SatisfactionRow>>>, IReportQuery;

/// <summary>Satisfaction of first visits (revisits after a fix are in the SLA report), corrections counted once (the latest).</summary>
/// <param name="Group">The group's key: week, month, department, agent, service type or channel; "total" for the whole period; empty when the column was not set.</param>
/// <param name="Feedback">Feedback records.</param>
/// <param name="Satisfied">Verdict Satisfied (score 4–5 by default).</param>
/// <param name="Neutral">Verdict Neutral (3).</param>
/// <param name="Unsatisfied">Verdict Unsatisfied (1–2).</param>
/// <param name="SatisfactionRate">Satisfied ÷ feedback (0–1); ≥ 0.85 counts as good.</param>
/// <param name="AverageScore">Mean score 1–5.</param>
/// <param name="Score1">Records with score 1.</param>
/// <param name="Score2">Records with score 2.</param>
/// <param name="Score3">Records with score 3.</param>
/// <param name="Score4">Records with score 4.</param>
/// <param name="Score5">Records with score 5.</param>
/// <param name="NpsResponses">Records with a 0–10 recommendation score.</param>
/// <param name="Nps">Net promoter score: % promoters (9–10) − % detractors (0–6), −100…100; null without responses.</param>
/// <param name="AttitudeAverage">Mean attitude score where given.</param>
/// <param name="TimelinessAverage">Mean timeliness score where given.</param>
/// <param name="QualityAverage">Mean quality score where given.</param>
/// <param name="ProfessionalismAverage">Mean professionalism score where given.</param>
/// <param name="RecordedLate">Records written more than the allowed time after the call.</param>
/// <param name="Channel">With splitBy=channel: the visit's channel (Phone, Sms, Email, App, Questionnaire, …) this row counts; absent otherwise and on the total.</param>
public sealed record SatisfactionRow(
    string Group,
    int Feedback,
    int Satisfied,
    int Neutral,
    int Unsatisfied,
    double? SatisfactionRate,
    double? AverageScore,
    int Score1,
    int Score2,
    int Score3,
    int Score4,
    int Score5,
    int NpsResponses,
    double? Nps,
    double? AttitudeAverage,
    double? TimelinessAverage,
    double? QualityAverage,
    double? ProfessionalismAverage,
    int RecordedLate,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), SplitColumn] string? Channel = null);

public sealed class GetSatisfactionReportValidator : AbstractValidator<GetSatisfactionReport>
{
    public GetSatisfactionReportValidator() => this.PeriodRules(ReportSources.Feedback.Offers);
}

public sealed class GetSatisfactionReportHandler(HuiFangDbContext db, TenantSettings tenant, TimeProvider clock)
    : IQueryHandler<GetSatisfactionReport, Result<Report<SatisfactionRow>>>
{
    public async ValueTask<Result<Report<SatisfactionRow>>> Handle(GetSatisfactionReport query, CancellationToken cancellationToken)
    {
        var calendar = await tenant.GetCalendarAsync(cancellationToken);
        var period = ReportPeriod.Of(query.From!.Value, query.To!.Value, calendar);
        var key = ReportSources.Feedback.KeyOf(query.GroupBy, period, calendar, query.SplitByChannel);

        // One pass in SQL: counts and sums per group; rates and means are derived from them, and the total is their sum.
        var sums = await db.FeedbackRecords.AsNoTracking()
            .Where(f => f.RecordedAt >= period.Start && f.RecordedAt < period.End && f.SupersededBy == null && !f.IsRevisit)
            .Where(f => query.Department == null || f.Department == query.Department)
            .GroupBy(key)
            .Select(g => new Sums
            {
                Group = g.Key,
                Feedback = g.Count(),
                Satisfied = g.Count(f => f.Verdict == Verdict.Satisfied),
                Neutral = g.Count(f => f.Verdict == Verdict.Neutral),
                Unsatisfied = g.Count(f => f.Verdict == Verdict.Unsatisfied),
                ScoreSum = g.Sum(f => f.Score),
                Score1 = g.Count(f => f.Score == 1),
                Score2 = g.Count(f => f.Score == 2),
                Score3 = g.Count(f => f.Score == 3),
                Score4 = g.Count(f => f.Score == 4),
                Score5 = g.Count(f => f.Score == 5),
                NpsResponses = g.Count(f => f.Nps != null),
                Promoters = g.Count(f => f.Nps >= 9),
                Detractors = g.Count(f => f.Nps <= 6),
                AttitudeSum = g.Sum(f => f.AttitudeScore ?? 0),
                AttitudeCount = g.Count(f => f.AttitudeScore != null),
                TimelinessSum = g.Sum(f => f.TimelinessScore ?? 0),
                TimelinessCount = g.Count(f => f.TimelinessScore != null),
                QualitySum = g.Sum(f => f.QualityScore ?? 0),
                QualityCount = g.Count(f => f.QualityScore != null),
                ProfessionalismSum = g.Sum(f => f.ProfessionalismScore ?? 0),
                ProfessionalismCount = g.Count(f => f.ProfessionalismScore != null),
                RecordedLate = g.Count(f => f.RecordedLate),
            })
            .ToListAsync(cancellationToken);

        var rows = sums.Select(s => s.ToRow(query.SplitByChannel)).OrderBy(r => r.Group, StringComparer.Ordinal).ThenBy(r => r.Channel, StringComparer.Ordinal).ToList();
        var total = sums.Aggregate(new Sums { Group = "total" }, (a, s) => a.Add(s)).ToRow(false);
        return new Report<SatisfactionRow>("satisfaction", PeriodResponse.Of(period), query.GroupBy, rows, total, false, clock.GetUtcNow());
    }

    private sealed class Sums
    {
        public string? Group { get; init; }

        public int Feedback { get; set; }

        public int Satisfied { get; set; }

        public int Neutral { get; set; }

        public int Unsatisfied { get; set; }

        public long ScoreSum { get; set; }

        public int Score1 { get; set; }

        public int Score2 { get; set; }

        public int Score3 { get; set; }

        public int Score4 { get; set; }

        public int Score5 { get; set; }

        public int NpsResponses { get; set; }

        public int Promoters { get; set; }

        public int Detractors { get; set; }

        public long AttitudeSum { get; set; }

        public int AttitudeCount { get; set; }

        public long TimelinessSum { get; set; }

        public int TimelinessCount { get; set; }

        public long QualitySum { get; set; }

        public int QualityCount { get; set; }

        public long ProfessionalismSum { get; set; }

        public int ProfessionalismCount { get; set; }

        public int RecordedLate { get; set; }

        public Sums Add(Sums o)
        {
            Feedback += o.Feedback;
            Satisfied += o.Satisfied;
            Neutral += o.Neutral;
            Unsatisfied += o.Unsatisfied;
            ScoreSum += o.ScoreSum;
            Score1 += o.Score1;
            Score2 += o.Score2;
            Score3 += o.Score3;
            Score4 += o.Score4;
            Score5 += o.Score5;
            NpsResponses += o.NpsResponses;
            Promoters += o.Promoters;
            Detractors += o.Detractors;
            AttitudeSum += o.AttitudeSum;
            AttitudeCount += o.AttitudeCount;
            TimelinessSum += o.TimelinessSum;
            TimelinessCount += o.TimelinessCount;
            QualitySum += o.QualitySum;
            QualityCount += o.QualityCount;
            ProfessionalismSum += o.ProfessionalismSum;
            ProfessionalismCount += o.ProfessionalismCount;
            RecordedLate += o.RecordedLate;
            return this;
        }

        public SatisfactionRow ToRow(bool split)
        {
            var (group, channel) = SplitKey.Parse(Group, split);
            return Row(group ?? "", channel);
        }

        private SatisfactionRow Row(string group, string? channel) => new(
            group,
            Feedback,
            Satisfied,
            Neutral,
            Unsatisfied,
            Ratio.Of(Satisfied, Feedback),
            Ratio.Average(ScoreSum, Feedback),
            Score1,
            Score2,
            Score3,
            Score4,
            Score5,
            NpsResponses,
            NpsResponses == 0 ? null : Math.Round(100.0 * (Promoters - Detractors) / NpsResponses, 1),
            Ratio.Average(AttitudeSum, AttitudeCount),
            Ratio.Average(TimelinessSum, TimelinessCount),
            Ratio.Average(QualitySum, QualityCount),
            Ratio.Average(ProfessionalismSum, ProfessionalismCount),
            RecordedLate,
            channel);
    }
}
