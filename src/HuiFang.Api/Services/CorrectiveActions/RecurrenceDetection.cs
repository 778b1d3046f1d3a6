using System.Globalization;
using HuiFang.Api.Domain.CorrectiveActions;
using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Domain.Quality;
using HuiFang.Api.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Services.CorrectiveActions;

/// <summary>
/// The recurrence rule at work: in the same save as a new feedback record (recorded, answered on the survey page, or a
/// correction), each problem the record is an occurrence of (<see cref="RecurrenceRule.KeysOf"/>) is counted over the
/// policy's window ending now — current records only, this save's included, those it supersedes not — and when the count
/// reaches the threshold and the problem has no live action, a <see cref="CorrectiveActionStatus.Proposed"/> action is opened
/// for it, linking the occurrences and their escalations. The problem is locked for the transaction (PostgreSQL), so two
/// saves at once never both propose; the N+1-th occurrence finds the proposal live and proposes nothing. Off when the
/// tenant's quality policy turns automatic proposals off.
/// </summary>
public sealed class RecurrenceDetection(CorrectiveActionRules rules, CorrectiveActionOpening opening, DatabaseDialect dialect, TimeProvider clock) : ISaveParticipant
{
    public async ValueTask BeforeSaveAsync(HuiFangDbContext db, CancellationToken cancellationToken)
    {
        List<FeedbackRecord>? added = null;
        foreach (var entry in db.ChangeTracker.Entries<FeedbackRecord>())
        {
            if (entry.State == EntityState.Added)
            {
                (added ??= []).Add(entry.Entity);
            }
        }

        if (added is null || db.CurrentTenantId is null)
        {
            return;
        }

        var policy = await rules.PolicyAsync(cancellationToken);
        if (!policy.AutoProposeCorrectiveActions)
        {
            return;
        }

        var rule = RecurrenceRule.Of(policy);
        var keys = added.SelectMany(rule.KeysOf).Distinct().ToList();
        if (keys.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var since = now - rule.Window;

        // Records this save supersedes are still current in the database; they are not occurrences any more.
        var superseded = db.ChangeTracker.Entries<FeedbackRecord>()
            .Where(e => e.State != EntityState.Added && e.Entity.SupersededBy is not null)
            .Select(e => e.Entity.Id)
            .ToHashSet();

        foreach (var key in keys)
        {
            await dialect.LockCorrectiveActionProblemAsync(db, key.ToString(), cancellationToken);
            if (await opening.FindLiveAsync(key, cancellationToken) is not null)
            {
                continue;
            }

            var stored = await Occurrences(db, key, since).Select(f => new { f.Id, f.EscalationId }).ToListAsync(cancellationToken);
            var occurrences = stored.Where(f => !superseded.Contains(f.Id)).Select(f => (f.Id, f.EscalationId))
                .Concat(added.Where(f => f.SupersededBy is null && key.Matches(f)).Select(f => (f.Id, f.EscalationId)))
                .DistinctBy(f => f.Id)
                .ToList();
            if (!rule.Recurs(occurrences.Count))
            {
                continue;
            }

            await opening.OpenAsync(
                new CorrectiveActionDraft(
                    CorrectiveActionSource.Recurrence,
                    NonConformity(key, occurrences.Count, rule.WindowDays),
                    null,
                    null,
                    [.. occurrences.Select(o => o.Id)],
                    [.. occurrences.Where(o => o.EscalationId is not null).Select(o => o.EscalationId!.Value).Distinct()],
                    null,
                    key),
                cancellationToken);
        }
    }

    /// <summary>
    /// The current feedback records of the caller's tenant recorded after <paramref name="since"/> that are occurrences of
    /// <paramref name="key"/> (as <see cref="ProblemKey.Matches"/>, in SQL).
    /// </summary>
    public static IQueryable<FeedbackRecord> Occurrences(HuiFangDbContext db, ProblemKey key, DateTimeOffset since)
    {
        var query = db.FeedbackRecords.Where(f => f.SupersededBy == null && f.RecordedAt > since);
        query = key.Department is { } department
            ? query.Where(f => f.Department == department)
            : query.Where(f => f.Department == null || f.Department == "");
        switch (key.Kind)
        {
            case RecurrenceKind.ServiceTypeAndDepartment:
                var serviceType = key.ServiceType;
                var complaint = FeedbackRecord.Bit(FeedbackCategory.Complaint);
                return query.Where(f => f.ServiceType == serviceType && (f.Verdict == Verdict.Unsatisfied || (f.CategoryMask & complaint) != 0));
            default:
                var bit = FeedbackRecord.Bit(key.Category!.Value);
                return query.Where(f => (f.CategoryMask & bit) != 0);
        }
    }

    private static string NonConformity(ProblemKey key, int occurrences, int windowDays)
    {
        var department = key.Department ?? "-";
        var what = key.Kind == RecurrenceKind.ServiceTypeAndDepartment
            ? string.Create(CultureInfo.InvariantCulture, $"不满意回访 / unsatisfied feedback: {key.ServiceType} @ {department}")
            : string.Create(CultureInfo.InvariantCulture, $"{key.Category} @ {department}");
        return string.Create(
            CultureInfo.InvariantCulture,
            $"同一问题 {windowDays} 天内出现 {occurrences} 次 / The same problem occurred {occurrences} times within {windowDays} days — {what}");
    }
}
