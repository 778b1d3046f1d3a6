using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Infrastructure.Outbox;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Contracts;

namespace HuiFang.Api.Infrastructure.Persistence;

/// <summary>
/// Turns the domain events of one aggregate type into what the change owes: its audit entries and its
/// integration events. One recorder per aggregate, in the feature or service that owns the aggregate's
/// audit vocabulary; a plain <c>switch</c> on the event type, false for an event of another aggregate.
/// Recorders are singletons and keep no state: everything they need is in the event or the recording.
/// </summary>
public interface IDomainEventRecorder
{
    bool TryRecord(IDomainEvent e, EventRecording into);
}

/// <summary>
/// Where recorders write, in the unit of work being saved: the audit trail and the event outbox of the
/// request's context and caller (rows added to the same save, so they commit with the change or not at all).
/// </summary>
public sealed class EventRecording(AuditTrail audit, EventOutbox outbox, ICurrentCaller caller)
{
    /// <summary>The caller's tenant, which every integration event of the change belongs to.</summary>
    public string TenantId => caller.TenantId ?? throw new InvalidOperationException("A recorded change needs a caller.");

    public void Audit(string subjectType, Guid subjectId, string action, int? version, object? details = null, string? note = null) =>
        audit.Record(subjectType, subjectId, action, version, details, note);

    public void Audit(string subjectType, string subjectId, string action, int? version, object? details = null, string? note = null) =>
        audit.Record(subjectType, subjectId, action, version, details, note);

    public void Publish(IIntegrationEvent integrationEvent, string streamId) => outbox.Add(integrationEvent, streamId);

    /// <summary>
    /// Hands each event, in order, to the first recorder that takes it. An event no recorder takes is a
    /// programming error (an audit entry or an integration event would be lost), so it stops the save.
    /// </summary>
    public static void RecordAll(IEnumerable<IDomainEvent> events, IReadOnlyList<IDomainEventRecorder> recorders, EventRecording into)
    {
        foreach (var e in events)
        {
            var recorded = false;
            foreach (var recorder in recorders)
            {
                if (recorder.TryRecord(e, into))
                {
                    recorded = true;
                    break;
                }
            }

            if (!recorded)
            {
                throw new UnrecordedDomainEventException(e);
            }
        }
    }
}

/// <summary>A domain event was raised that no <see cref="IDomainEventRecorder"/> records.</summary>
public sealed class UnrecordedDomainEventException(IDomainEvent e)
    : InvalidOperationException($"No recorder takes the domain event {e.GetType().Name}: register an IDomainEventRecorder that records it.")
{
    public IDomainEvent Event { get; } = e;
}

public static class EventRecordingSetup
{
    /// <summary>Registers a recorder of domain events (a singleton; see <see cref="IDomainEventRecorder"/>).</summary>
    public static IServiceCollection AddDomainEventRecorder<TRecorder>(this IServiceCollection services)
        where TRecorder : class, IDomainEventRecorder
    {
        services.AddSingleton<IDomainEventRecorder, TRecorder>();
        return services;
    }
}
