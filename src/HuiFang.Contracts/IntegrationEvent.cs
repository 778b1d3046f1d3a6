using System.Reflection;
using System.Text;

namespace HuiFang.Contracts;

/// <summary>
/// What every HuiFang integration event carries. Events are facts in the past tense, published after the
/// change that caused them was committed, at least once: subscribers de-duplicate by <see cref="EventId"/>,
/// which is also the message id on the broker. Events never carry a phone number.
/// </summary>
public interface IIntegrationEvent
{
    /// <summary>Unique id of this event; the broker's message id. Redelivery repeats it.</summary>
    Guid EventId { get; }

    /// <summary>When the change happened (UTC).</summary>
    DateTimeOffset OccurredAt { get; }

    /// <summary>The tenant (organisation) the change belongs to.</summary>
    string TenantId { get; }

    /// <summary>The customer's id in the system that reported the job (a pseudonym after the customer's data was erased).</summary>
    string CustomerExternalId { get; }

    /// <summary>The work-order number of the job the follow-up is about.</summary>
    string WorkOrderNo { get; }
}

/// <summary>
/// Names an integration event on the wire. The name is stable: renaming a type does not rename its
/// exchange. A change that would break subscribers gets a new type with the next <see cref="Version"/>
/// (and its own exchange, <c>huifang.{name}.v2</c>), published side by side with the old one for a while.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class IntegrationEventAttribute(string name, int version = 1) : Attribute
{
    /// <summary>Kebab-case event name, e.g. <c>visit-task-created</c>.</summary>
    public string Name { get; } = name;

    /// <summary>Schema version; additions of optional fields keep the version.</summary>
    public int Version { get; } = version;

    /// <summary>The RabbitMQ exchange (fanout) the event is published to.</summary>
    public string Exchange => Version == 1 ? $"huifang.{Name}" : $"huifang.{Name}.v{Version}";
}

/// <summary>
/// Marks free text that may name a person. When a customer's personal data is erased, HuiFang replaces
/// such fields in the events it still keeps (the event feed); subscribers should do the same in theirs.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PersonalDataAttribute : Attribute;

/// <summary>Every integration event HuiFang publishes, and how each is named on the wire.</summary>
public static class IntegrationEvents
{
    /// <summary>The event types, in documentation order.</summary>
    public static IReadOnlyList<Type> All { get; } =
    [
        typeof(VisitTaskCreated),
        typeof(VisitTaskOverdue),
        typeof(VisitTaskUnreachable),
        typeof(VisitTaskCancelled),
        typeof(FeedbackRecorded),
        typeof(CustomerUnsatisfied),
        typeof(InquiryReplyOverdue),
        typeof(ComplaintEscalated),
        typeof(EscalationSlaWarning),
        typeof(EscalationSlaBreached),
        typeof(EscalationReminderSent),
        typeof(EscalationResolved),
        typeof(CustomerStillUnsatisfied),
        typeof(FollowUpLoopClosed),
        typeof(SurveyInvitationCreated),
        typeof(SurveyReminderDue),
        typeof(SurveyExpired),
        typeof(SurveyInvitationRevoked),
        typeof(SurveyAnswered),
        typeof(WeeklyReviewOpened),
        typeof(WeeklyReviewItemDecided),
        typeof(WeeklyReviewCompleted),
        typeof(WeeklyReviewOverdue),

        // Corrective actions.
        typeof(CorrectiveActionOpened),
        typeof(CorrectiveActionOverdue),
        typeof(CorrectiveActionClosed),
        // Spot-checks of the follow-up records.
        typeof(SpotCheckOpened),
        typeof(SpotCheckCompleted),
    ];

    private static readonly Dictionary<string, Type> ByTypeName = All.ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>The wire name and version of an event type.</summary>
    public static IntegrationEventAttribute Describe(Type eventType) =>
        eventType.GetCustomAttribute<IntegrationEventAttribute>()
        ?? throw new ArgumentException($"{eventType.Name} is not a HuiFang integration event.", nameof(eventType));

    /// <summary>The event type named <paramref name="typeName"/> (e.g. <c>VisitTaskCreated</c>), if any.</summary>
    public static Type? Find(string typeName) => ByTypeName.GetValueOrDefault(typeName);

    /// <summary>The JSON names (camelCase) of the properties marked <see cref="PersonalDataAttribute"/>.</summary>
    public static IReadOnlyList<string> PersonalDataFields(Type eventType) =>
        eventType.GetProperties()
            .Where(p => p.GetCustomAttribute<PersonalDataAttribute>() is not null)
            .Select(p => CamelCase(p.Name))
            .ToList();

    private static string CamelCase(string name) => new StringBuilder(name).Replace(name[0], char.ToLowerInvariant(name[0]), 0, 1).ToString();
}
