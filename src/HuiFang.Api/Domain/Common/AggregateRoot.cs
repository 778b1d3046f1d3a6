namespace HuiFang.Api.Domain.Common;

/// <summary>
/// An aggregate that says what happened to it: its transitions <see cref="Raise"/> domain events, which
/// wait on the aggregate until the unit of work is saved and are then taken off with
/// <see cref="DequeueEvents"/> (a method, not a property, so that EF Core never tries to map it).
/// </summary>
public abstract class AggregateRoot
{
    /// <summary>Orders the events of every aggregate of a unit of work as they were raised.</summary>
    private static long _lastSequence;

    private List<(long Sequence, IDomainEvent Event)>? _events;

    protected void Raise(IDomainEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        (_events ??= []).Add((Interlocked.Increment(ref _lastSequence), e));
    }

    /// <summary>The events raised since the last call, oldest first; the aggregate forgets them.</summary>
    public IReadOnlyList<IDomainEvent> DequeueEvents() => [.. DequeueSequenced().Select(s => s.Event)];

    /// <summary>
    /// As <see cref="DequeueEvents"/>, with each event's place in the order of raising across aggregates, so that
    /// a unit of work that changes several aggregates records their events in the order they happened.
    /// </summary>
    internal IReadOnlyList<(long Sequence, IDomainEvent Event)> DequeueSequenced()
    {
        if (_events is null || _events.Count == 0)
        {
            return [];
        }

        var events = _events;
        _events = null;
        return events;
    }
}
