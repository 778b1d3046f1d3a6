using Microsoft.Extensions.Time.Testing;

namespace HuiFang.IntegrationTests.Infrastructure;

/// <summary>
/// The service's clock in tests: a <see cref="FakeTimeProvider"/> that each test can replace, so every
/// test starts at the same instant although the host (and its singletons) live for the whole class.
/// </summary>
public sealed class TestClock : TimeProvider
{
    /// <summary>Wednesday 2026-11-25 10:00 in Beijing: a working day, inside working hours.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Fake { get; private set; } = new(Start);

    public void Reset(DateTimeOffset? at = null) => Fake = new FakeTimeProvider(at ?? Start);

    public void Advance(TimeSpan by) => Fake.Advance(by);

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override TimeZoneInfo LocalTimeZone => Fake.LocalTimeZone;

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        Fake.CreateTimer(callback, state, dueTime, period);
}
