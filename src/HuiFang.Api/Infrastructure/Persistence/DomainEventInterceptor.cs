using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HuiFang.Api.Infrastructure.Persistence;

/// <summary>
/// The one place where what the aggregates say happened becomes what a change owes: before every save,
/// the domain events of every tracked <see cref="AggregateRoot"/> are taken off (in the order they were
/// raised, across aggregates) and handed to the recorders, which add the audit entries and outbox rows to
/// the same save. A singleton, like the pooled contexts' options; what belongs to the request (its caller,
/// audit trail and outbox) comes from the scope the context is leased to.
/// </summary>
public sealed class DomainEventInterceptor(IEnumerable<IDomainEventRecorder> recorders) : SaveChangesInterceptor
{
    private readonly IDomainEventRecorder[] _recorders = [.. recorders];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        PrepareAsync(eventData.Context, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        Record(eventData.Context);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await PrepareAsync(eventData.Context, cancellationToken);
        Record(eventData.Context);
        return result;
    }

    // What a change of one aggregate causes in another within the same save (e.g. a closed task revokes its survey
    // invitation), before the events are recorded, so that the consequences' events are recorded with the cause's.
    private static async ValueTask PrepareAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is not HuiFangDbContext { LeasedScope: { } scope } db)
        {
            return;
        }

        foreach (var participant in scope.GetServices<ISaveParticipant>())
        {
            await participant.BeforeSaveAsync(db, cancellationToken);
        }
    }

    private void Record(DbContext? context)
    {
        if (context is not HuiFangDbContext db)
        {
            return;
        }

        List<(long Sequence, IDomainEvent Event)>? raised = null;
        foreach (var entry in db.ChangeTracker.Entries<AggregateRoot>())
        {
            var events = entry.Entity.DequeueSequenced();
            if (events.Count > 0)
            {
                (raised ??= []).AddRange(events);
            }
        }

        if (raised is null)
        {
            return;
        }

        var scope = db.LeasedScope
            ?? throw new InvalidOperationException("Domain events were raised in a context that is not leased to a request scope: there is no audit trail or outbox to record them in.");
        EventRecording.RecordAll(
            raised.OrderBy(r => r.Sequence).Select(r => r.Event),
            _recorders,
            scope.GetRequiredService<EventRecording>());
    }
}

/// <summary>
/// Takes part in every save of the request's context before its domain events are recorded: it may change other tracked
/// aggregates in the same save (their events are recorded with the rest). Scoped; keep it cheap when it has nothing to do.
/// </summary>
public interface ISaveParticipant
{
    ValueTask BeforeSaveAsync(HuiFangDbContext db, CancellationToken cancellationToken);
}
