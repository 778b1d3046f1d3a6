using HuiFang.Api.Domain.Tenants;

namespace HuiFang.Api.Domain.Audit;

/// <summary>
/// One thing somebody did to a resource: who (API key, token subject or the system), what, when, and
/// the resource's version afterwards. <see cref="Details"/> holds structured facts that are never
/// personal data; <see cref="Note"/> holds the free text a caller gave (a reason), which an erasure
/// clears because it may name the customer.
/// </summary>
public sealed class AuditEntry : ITenantOwned
{
    private AuditEntry()
    {
    }

    public Guid Id { get; private set; }

    public string TenantId { get; private set; } = "";

    /// <summary>Kind of resource, e.g. <c>VisitTask</c>.</summary>
    public string SubjectType { get; private set; } = "";

    /// <summary>The resource's id (a task id, a key id, a tenant id, a customer pseudonym).</summary>
    public string SubjectId { get; private set; } = "";

    /// <summary>What was done, kebab-case: <c>created</c>, <c>assigned</c>, <c>erased</c>…</summary>
    public string Action { get; private set; } = "";

    public string ActorKind { get; private set; } = "";

    public string ActorId { get; private set; } = "";

    public string ActorName { get; private set; } = "";

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The resource's version after the change.</summary>
    public int? Version { get; private set; }

    /// <summary>JSON object of the facts that changed.</summary>
    public string? Details { get; private set; }

    public string? Note { get; private set; }

    public static AuditEntry Create(
        Guid id,
        string tenantId,
        string subjectType,
        string subjectId,
        string action,
        (string Kind, string Id, string Name) actor,
        DateTimeOffset occurredAt,
        int? version,
        string? details,
        string? note) => new()
        {
            Id = id,
            TenantId = tenantId,
            SubjectType = subjectType,
            SubjectId = subjectId,
            Action = action,
            ActorKind = actor.Kind,
            ActorId = actor.Id,
            ActorName = actor.Name,
            OccurredAt = occurredAt.ToUniversalTime(),
            Version = version,
            Details = details,
            Note = note,
        };

    public void EraseNote() => Note = null;
}
