using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Tenants;
using HuiFang.Api.Domain.VisitTasks;

namespace HuiFang.Api.Domain.Questionnaires;

/// <summary>Whether a questionnaire is still chosen for new tasks.</summary>
public enum QuestionnaireStatus
{
    Active,

    /// <summary>No longer chosen for new tasks; tasks planned with one of its versions keep it.</summary>
    Retired,
}

/// <summary>
/// Which tasks a questionnaire is for: always a purpose, and perhaps only one service type (any letter case)
/// and/or one channel. A task is asked with the most specific active match: service type and channel, then
/// service type, then channel, then the purpose's default (neither); the shipped default when none matches.
/// </summary>
public sealed record QuestionnaireSelector(VisitPurpose Purpose, string? ServiceType, ContactChannel? Channel)
{
    /// <summary>The key two active questionnaires of a tenant may not share (so that the choice is never ambiguous).</summary>
    public string Key => $"{Purpose}|{ServiceType?.ToLowerInvariant()}|{Channel}";

    public bool IsPurposeDefault => ServiceType is null && Channel is null;

    /// <summary>How specifically this selector matches a task, or null when it does not.</summary>
    public int? Specificity(VisitPurpose purpose, string serviceType, ContactChannel channel)
    {
        if (purpose != Purpose
            || (ServiceType is not null && !string.Equals(ServiceType, serviceType, StringComparison.OrdinalIgnoreCase))
            || (Channel is not null && Channel != channel))
        {
            return null;
        }

        return (ServiceType is null ? 0 : 2) + (Channel is null ? 0 : 1);
    }
}

/// <summary>
/// One immutable version of a questionnaire's content. A task pins (questionnaire id, version) when it is planned,
/// so its answers and script always follow the version it was planned with.
/// </summary>
public sealed class QuestionnaireVersion : ITenantOwned
{
    private QuestionnaireVersion()
    {
    }

    public Guid QuestionnaireId { get; private set; }

    public int Version { get; private set; }

    public string TenantId { get; private set; } = "";

    public QuestionnaireContent Content { get; private set; } = null!;

    public DateTimeOffset CreatedAt { get; private set; }

    internal static QuestionnaireVersion Of(Guid questionnaireId, int version, QuestionnaireContent content, DateTimeOffset now) => new()
    {
        QuestionnaireId = questionnaireId,
        Version = version,
        Content = content,
        CreatedAt = now.ToUniversalTime(),
    };
}

/// <summary>
/// A tenant's questionnaire (问卷) with its call script (话术): a name, the tasks it is for
/// (<see cref="QuestionnaireSelector"/>) and numbered content versions. Versions are never changed: replacing the
/// content adds a new version and makes it current, so a task that pinned an older one is still checked against
/// what it was planned with. Retiring stops it from being chosen for new tasks.
/// </summary>
public sealed class Questionnaire : AggregateRoot, ITenantOwned
{
    private Questionnaire()
    {
    }

    public Guid Id { get; private set; }

    public string TenantId { get; private set; } = "";

    public string Name { get; private set; } = "";

    public VisitPurpose Purpose { get; private set; }

    public string? ServiceType { get; private set; }

    public ContactChannel? Channel { get; private set; }

    /// <summary><see cref="QuestionnaireSelector.Key"/> while active, null once retired: unique per tenant.</summary>
    public string? ActiveSelectorKey { get; private set; }

    public QuestionnaireStatus Status { get; private set; }

    /// <summary>The number of the newest content version (1, 2, …).</summary>
    public int CurrentVersion { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? RetiredAt { get; private set; }

    /// <summary>Incremented on every change; the optimistic-concurrency token and the ETag.</summary>
    public int Version { get; private set; }

    public QuestionnaireSelector Selector => new(Purpose, ServiceType, Channel);

    /// <summary>A new questionnaire and its first content version (add both to the context).</summary>
    public static (Questionnaire Questionnaire, QuestionnaireVersion First) Create(Guid id, string name, QuestionnaireSelector selector, QuestionnaireContent content, DateTimeOffset now)
    {
        var questionnaire = new Questionnaire
        {
            Id = id,
            Name = name,
            Status = QuestionnaireStatus.Active,
            CurrentVersion = 1,
            CreatedAt = now.ToUniversalTime(),
            UpdatedAt = now.ToUniversalTime(),
            Version = 1,
        };
        questionnaire.Select(selector);
        var first = QuestionnaireVersion.Of(id, 1, content, now);
        questionnaire.Raise(new QuestionnaireCreated(questionnaire, now));
        return (questionnaire, first);
    }

    /// <summary>New name, selector and content: the content becomes a new version (add it to the context); older versions stay as they were.</summary>
    public Result<QuestionnaireVersion> Replace(string name, QuestionnaireSelector selector, QuestionnaireContent content, DateTimeOffset now)
    {
        if (Status == QuestionnaireStatus.Retired)
        {
            return QuestionnaireErrors.Retired(Id);
        }

        Name = name;
        Select(selector);
        CurrentVersion++;
        Touch(now);
        var version = QuestionnaireVersion.Of(Id, CurrentVersion, content, now);
        Raise(new QuestionnaireReplaced(this, now));
        return version;
    }

    /// <summary>No longer chosen for new tasks; the versions stay for the tasks that pinned them. Retiring a retired one changes nothing.</summary>
    public Outcome Retire(string? reason, DateTimeOffset now)
    {
        if (Status == QuestionnaireStatus.Retired)
        {
            return Outcome.Ok;
        }

        Status = QuestionnaireStatus.Retired;
        ActiveSelectorKey = null;
        RetiredAt = now.ToUniversalTime();
        Touch(now);
        Raise(new QuestionnaireRetired(this, reason, now));
        return Outcome.Ok;
    }

    private void Select(QuestionnaireSelector selector)
    {
        Purpose = selector.Purpose;
        ServiceType = selector.ServiceType;
        Channel = selector.Channel;
        ActiveSelectorKey = selector.Key;
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now.ToUniversalTime();
        Version++;
    }
}

/// <summary>A questionnaire was created (version 1).</summary>
public sealed record QuestionnaireCreated(Questionnaire Questionnaire, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A questionnaire's content was replaced: a new version is current.</summary>
public sealed record QuestionnaireReplaced(Questionnaire Questionnaire, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A questionnaire was retired, for the <paramref name="Reason"/> given (if any).</summary>
public sealed record QuestionnaireRetired(Questionnaire Questionnaire, string? Reason, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The expected failures of questionnaires, each with a stable code.</summary>
public static class QuestionnaireErrors
{
    public static Error NotFound(Guid id) =>
        new(ErrorKind.NotFound, "questionnaire-not-found", "questionnaire.notFound", [id]);

    public static Error VersionNotFound(Guid id, int version) =>
        new(ErrorKind.NotFound, "questionnaire-version-not-found", "questionnaire.versionNotFound", [id, version]);

    public static Error Retired(Guid id) =>
        new(ErrorKind.Conflict, "questionnaire-retired", "questionnaire.retired", [id]);

    public static Error SelectorTaken(Guid other, QuestionnaireSelector selector) =>
        new(ErrorKind.Conflict, "questionnaire-selector-taken", "questionnaire.selectorTaken", [other, selector.Purpose, selector.ServiceType ?? "*", selector.Channel?.ToString() ?? "*"],
            new Dictionary<string, object?> { ["conflictingQuestionnaireId"] = other });

    public static Error ConcurrentChange(Guid id) =>
        new(ErrorKind.Conflict, "concurrent-change", "questionnaire.concurrentChange", [id]);
}
