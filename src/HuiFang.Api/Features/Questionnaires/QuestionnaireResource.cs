using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Questionnaires;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Services.Changes;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Questionnaires;

/// <summary>A questionnaire as a versioned resource: what <see cref="VersionedChange"/> needs to change one.</summary>
public sealed class QuestionnaireResource : VersionedResource<Guid, Questionnaire>
{
    public static readonly QuestionnaireResource Instance = new();

    private QuestionnaireResource()
    {
    }

    public override Task<Questionnaire?> FindAsync(HuiFangDbContext db, Guid key, CancellationToken cancellationToken) =>
        db.Questionnaires.FirstOrDefaultAsync(q => q.Id == key, cancellationToken);

    public override int VersionOf(Questionnaire resource) => resource.Version;

    public override Error NotFound(Guid key) => QuestionnaireErrors.NotFound(key);

    public override Error PreconditionFailed(Guid key, int currentVersion) =>
        ETags.PreconditionFailed("questionnaire.preconditionFailed", [key, ETags.For(currentVersion)], currentVersion);

    public override Error ConcurrentChange(Guid key) => QuestionnaireErrors.ConcurrentChange(key);
}

/// <summary>Reads shared by the questionnaire use cases.</summary>
public static class QuestionnaireQueries
{
    /// <summary>The active questionnaire (other than <paramref name="except"/>) that holds the selector key, if any.</summary>
    public static Task<Guid?> ActiveWithSelectorAsync(HuiFangDbContext db, string selectorKey, Guid? except, CancellationToken cancellationToken) =>
        db.Questionnaires.AsNoTracking()
            .Where(q => q.ActiveSelectorKey == selectorKey && q.Id != except)
            .Select(q => (Guid?)q.Id)
            .FirstOrDefaultAsync(cancellationToken);

    public static async Task<QuestionnaireContent> ContentAsync(HuiFangDbContext db, Guid id, int version, CancellationToken cancellationToken) =>
        await db.QuestionnaireVersions.AsNoTracking()
            .Where(v => v.QuestionnaireId == id && v.Version == version)
            .Select(v => v.Content)
            .FirstAsync(cancellationToken);
}

/// <summary>What each questionnaire event owes: its entry in the questionnaire's history (no integration event).</summary>
public sealed class QuestionnaireRecorder : IDomainEventRecorder
{
    public bool TryRecord(IDomainEvent e, EventRecording into)
    {
        switch (e)
        {
            case QuestionnaireCreated(var q, _):
                into.Audit(AuditSubjects.Questionnaire, q.Id, "created", q.Version, Details(q));
                return true;
            case QuestionnaireReplaced(var q, _):
                into.Audit(AuditSubjects.Questionnaire, q.Id, "replaced", q.Version, Details(q));
                return true;
            case QuestionnaireRetired(var q, var reason, _):
                into.Audit(AuditSubjects.Questionnaire, q.Id, "retired", q.Version, Details(q), reason);
                return true;
            default:
                return false;
        }
    }

    private static object Details(Questionnaire q) =>
        new { name = q.Name, purpose = q.Purpose.ToString(), serviceType = q.ServiceType, channel = q.Channel?.ToString(), currentVersion = q.CurrentVersion };
}
