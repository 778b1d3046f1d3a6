using HuiFang.Api.Common;
using System.Text.Json;
using HuiFang.Api.Domain.Audit;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;

namespace HuiFang.Api.Infrastructure.Persistence;

/// <summary>
/// Records who did what to a resource, in the same unit of work as the change itself (the entry is
/// added to the context and saved with it). Details must be facts, never personal data: free text a
/// caller wrote goes into the note, which an erasure clears.
/// </summary>
public sealed class AuditTrail(HuiFangDbContext db, ICurrentCaller caller, TimeProvider clock)
{
    /// <summary>The API's own JSON rules (string enums, UTC timestamps), without nulls.</summary>
    private static readonly JsonSerializerOptions DetailsJson = CreateDetailsJson();

    private static JsonSerializerOptions CreateDetailsJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        };
        Infrastructure.Http.HttpSetup.ConfigureJson(options);
        return options;
    }

    public void Record(string subjectType, Guid subjectId, string action, int? version, object? details = null, string? note = null) =>
        Record(subjectType, subjectId.ToString(), action, version, details, note);

    public void Record(string subjectType, string subjectId, string action, int? version, object? details = null, string? note = null)
    {
        var who = caller.Value ?? throw new InvalidOperationException("An audited change needs a caller.");
        var now = clock.GetUtcNow();
        db.AuditEntries.Add(AuditEntry.Create(
            Guid.CreateVersion7(now),
            who.TenantId,
            subjectType,
            subjectId,
            action,
            (who.Kind.ToString(), who.Id, who.Name),
            now,
            version,
            details is null ? null : JsonSerializer.Serialize(details, DetailsJson),
            note));
    }
}

/// <summary>The kinds of resource the audit trail records.</summary>
public static class AuditSubjects
{
    public const string VisitTask = "VisitTask";
    public const string Escalation = "Escalation";
    public const string Feedback = "Feedback";
    public const string ApiKey = "ApiKey";
    public const string Tenant = "Tenant";
    public const string Customer = "Customer";
    public const string ContactPreference = "ContactPreference";
    public const string Questionnaire = "Questionnaire";
    public const string SurveyInvitation = "SurveyInvitation";
}
