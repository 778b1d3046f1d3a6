using HuiFang.Api.Domain.Questionnaires;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Services.Questionnaires;

/// <summary>A questionnaire as a task uses it: which one (<paramref name="Id"/> null = the shipped default), which version, and what it asks.</summary>
/// <param name="CreatedAt">When the version was written; null for the shipped default.</param>
public sealed record PinnedQuestionnaire(Guid? Id, int Version, string Name, QuestionnaireContent Content, DateTimeOffset? CreatedAt = null);

/// <summary>
/// Finds the questionnaire a task asks with: when planning, the tenant's most specific active match for the
/// task's purpose, service type and channel (<see cref="QuestionnaireSelector.Specificity"/>), or the shipped
/// default; afterwards, the version the task pinned.
/// </summary>
public sealed class QuestionnaireCatalog(HuiFangDbContext db)
{
    /// <summary>The shipped default (<see cref="ShippedQuestionnaires.Default"/>) as a pinned questionnaire: no id, version 1.</summary>
    public static PinnedQuestionnaire Shipped { get; } = new(null, 1, ShippedQuestionnaires.DefaultName, ShippedQuestionnaires.Default);

    /// <summary>The questionnaire version <paramref name="task"/> was planned with (the shipped default when it pinned none).</summary>
    public async Task<PinnedQuestionnaire> ForTaskAsync(VisitTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.QuestionnaireId is not { } id || task.QuestionnaireVersion is not { } number)
        {
            return Shipped;
        }

        var pinned = await VersionAsync(id, number, cancellationToken)
            ?? throw new InvalidOperationException($"Visit task {task.Id} pinned questionnaire {id} version {number}, which does not exist.");
        return pinned;
    }

    /// <summary>One version of one of the tenant's questionnaires, or null.</summary>
    public async Task<PinnedQuestionnaire?> VersionAsync(Guid id, int version, CancellationToken cancellationToken)
    {
        var found = await (
                from v in db.QuestionnaireVersions.AsNoTracking()
                join q in db.Questionnaires.AsNoTracking() on v.QuestionnaireId equals q.Id
                where v.QuestionnaireId == id && v.Version == version
                select new { q.Name, v.Content, v.CreatedAt })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : new PinnedQuestionnaire(id, version, found.Name, found.Content, found.CreatedAt);
    }

    /// <summary>The questionnaire (current version) a task planned now with these traits asks with.</summary>
    public async Task<PinnedQuestionnaire> SelectAsync(VisitPurpose purpose, string serviceType, ContactChannel channel, CancellationToken cancellationToken)
    {
        var candidates = await db.Questionnaires.AsNoTracking()
            .Where(q => q.Purpose == purpose && q.Status == QuestionnaireStatus.Active)
            .Select(q => new { q.Id, q.Name, q.Purpose, q.ServiceType, q.Channel, q.CurrentVersion })
            .ToListAsync(cancellationToken);
        var best = candidates
            .Select(q => (q, Rank: new QuestionnaireSelector(q.Purpose, q.ServiceType, q.Channel).Specificity(purpose, serviceType, channel)))
            .Where(c => c.Rank is not null)
            .OrderByDescending(c => c.Rank)
            .Select(c => c.q)
            .FirstOrDefault();
        if (best is null)
        {
            return Shipped;
        }

        return await VersionAsync(best.Id, best.CurrentVersion, cancellationToken)
            ?? throw new InvalidOperationException($"Questionnaire {best.Id} has no version {best.CurrentVersion}.");
    }
}
