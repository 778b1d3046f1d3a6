using HuiFang.Api.Common;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Domain.Common;

namespace HuiFang.UnitTests.Events;

public sealed class DomainEventRecordingTests
{
    private sealed record Happened(DateTimeOffset OccurredAt) : IDomainEvent;

    private sealed record Other(DateTimeOffset OccurredAt) : IDomainEvent;

    private sealed class Thing : AggregateRoot
    {
        public void Do(IDomainEvent e) => Raise(e);
    }

    private sealed class TakesHappened(List<IDomainEvent> seen) : IDomainEventRecorder
    {
        public bool TryRecord(IDomainEvent e, EventRecording into)
        {
            if (e is not Happened)
            {
                return false;
            }

            seen.Add(e);
            return true;
        }
    }

    [Fact]
    public void An_event_no_recorder_takes_stops_the_save()
    {
        var seen = new List<IDomainEvent>();
        var unrecorded = new Other(DateTimeOffset.UnixEpoch);

        var thrown = Assert.Throws<UnrecordedDomainEventException>(() =>
            EventRecording.RecordAll([new Happened(DateTimeOffset.UnixEpoch), unrecorded], [new TakesHappened(seen)], null!));

        Assert.Same(unrecorded, thrown.Event);
        Assert.Contains(nameof(Other), thrown.Message);
        Assert.Single(seen);
    }

    [Fact]
    public void Each_event_goes_to_the_first_recorder_that_takes_it_in_the_order_raised()
    {
        var first = new List<IDomainEvent>();
        var second = new List<IDomainEvent>();
        var a = new Happened(DateTimeOffset.UnixEpoch);
        var b = new Happened(DateTimeOffset.UnixEpoch.AddSeconds(1));

        EventRecording.RecordAll([a, b], [new TakesHappened(first), new TakesHappened(second)], null!);

        Assert.Equal([a, b], first);
        Assert.Empty(second);
    }

    [Fact]
    public void An_aggregate_hands_its_events_over_once()
    {
        var thing = new Thing();
        var a = new Happened(DateTimeOffset.UnixEpoch);
        var b = new Other(DateTimeOffset.UnixEpoch);
        thing.Do(a);
        thing.Do(b);

        Assert.Equal([a, b], thing.DequeueEvents());
        Assert.Empty(thing.DequeueEvents());
    }
}
