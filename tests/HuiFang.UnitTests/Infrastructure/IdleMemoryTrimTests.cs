using HuiFang.Api.Infrastructure.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HuiFang.UnitTests.Infrastructure;

/// <summary>The GC heap is the process's: these tests must not share it with tests allocating beside them.</summary>
[CollectionDefinition(nameof(ProcessHeap), DisableParallelization = true)]
public sealed class ProcessHeap;

[Collection(nameof(ProcessHeap))]
public sealed class IdleMemoryTrimTests
{
    private const long Mb = 1024 * 1024;

    [Fact]
    public void The_first_sample_only_sets_the_baseline()
    {
        var policy = new IdleTrimPolicy(quietAllocationBytes: 32 * Mb, minimumGrowthBytes: 32 * Mb);

        Assert.False(policy.ShouldTrim(totalAllocatedBytes: 0, committedBytes: 100 * Mb));
    }

    [Fact]
    public void A_heap_that_grew_is_trimmed_once_the_service_is_quiet_and_not_while_it_is_busy()
    {
        var policy = new IdleTrimPolicy(quietAllocationBytes: 32 * Mb, minimumGrowthBytes: 32 * Mb);
        policy.ShouldTrim(0, 50 * Mb);

        // The burst: a gigabyte allocated in one interval, the heap at 150 MB.
        Assert.False(policy.ShouldTrim(1024 * Mb, 150 * Mb));

        // Quiet: 1 MB in the next interval.
        Assert.True(policy.ShouldTrim(1025 * Mb, 150 * Mb));
    }

    [Fact]
    public void A_quiet_service_whose_heap_grew_less_than_the_minimum_is_left_alone()
    {
        var policy = new IdleTrimPolicy(quietAllocationBytes: 32 * Mb, minimumGrowthBytes: 32 * Mb);
        policy.ShouldTrim(0, 50 * Mb);

        Assert.False(policy.ShouldTrim(Mb, 80 * Mb));
        Assert.False(policy.ShouldTrim(2 * Mb, 81 * Mb));
    }

    [Fact]
    public void After_a_trim_the_next_one_needs_as_much_growth_again()
    {
        var policy = new IdleTrimPolicy(quietAllocationBytes: 32 * Mb, minimumGrowthBytes: 32 * Mb);
        policy.ShouldTrim(0, 50 * Mb);
        Assert.True(policy.ShouldTrim(Mb, 150 * Mb));

        // The trim left 60 MB live: quiet ticks after it do nothing until the heap grows by 32 MB more.
        policy.Trimmed(60 * Mb);
        Assert.False(policy.ShouldTrim(2 * Mb, 60 * Mb));
        Assert.False(policy.ShouldTrim(3 * Mb, 91 * Mb));
        Assert.True(policy.ShouldTrim(4 * Mb, 92 * Mb));
    }

    [Fact]
    public void The_baseline_follows_the_heap_down_when_the_collector_gave_memory_back_itself()
    {
        var policy = new IdleTrimPolicy(quietAllocationBytes: 32 * Mb, minimumGrowthBytes: 32 * Mb);
        policy.ShouldTrim(0, 80 * Mb);
        Assert.False(policy.ShouldTrim(Mb, 40 * Mb));

        Assert.True(policy.ShouldTrim(2 * Mb, 72 * Mb));
    }

    [Theory]
    [InlineData("00:00:00", 1, 1, "CheckInterval")]
    [InlineData("00:00:10", 0, 1, "QuietAllocationBytes")]
    [InlineData("00:00:10", 1, -1, "MinimumGrowthBytes")]
    public void Settings_out_of_range_are_refused_with_their_name(string interval, long quiet, long growth, string setting)
    {
        var result = new MemoryOptionsValidator().Validate(null, new MemoryOptions
        {
            CheckInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture),
            QuietAllocationBytes = quiet,
            MinimumGrowthBytes = growth,
        });

        Assert.True(result.Failed);
        Assert.Contains($"HuiFang:Memory:{setting}", result.FailureMessage);
    }

    [Fact]
    public void The_defaults_are_valid() =>
        Assert.True(new MemoryOptionsValidator().Validate(null, new MemoryOptions()).Succeeded);

    [Fact]
    public void After_the_heap_grew_a_quiet_check_collects_the_whole_heap_and_says_what_it_returned()
    {
        var logger = new Captured();
        using var service = new IdleMemoryTrimService(Options.Create(new MemoryOptions()), TimeProvider.System, logger);
        var policy = new IdleTrimPolicy(quietAllocationBytes: long.MaxValue, minimumGrowthBytes: 8 * Mb);

        // The first check sets the baseline — on a heap with nothing left committed but what is live, or free
        // space that earlier tests left committed could take the burst without the heap growing (a failure seen
        // once in CI); then the heap grows by 64 MB (kept alive, so that no collection of the test host's own can
        // take the growth away before the quiet check sees it).
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        Assert.False(service.Check(policy));
        var burst = Burst(64);
        var fullCollections = GC.CollectionCount(GC.MaxGeneration);

        Assert.True(service.Check(policy));
        GC.KeepAlive(burst);

        Assert.True(GC.CollectionCount(GC.MaxGeneration) > fullCollections);
        Assert.StartsWith("Quiet after a burst: resident memory ", Assert.Single(logger.Entries));

        // Right after the trim nothing has grown: the next quiet check leaves the heap alone.
        Assert.False(service.Check(policy));
    }

    [Fact]
    public void A_busy_check_does_not_collect_however_much_the_heap_grew()
    {
        var logger = new Captured();
        using var service = new IdleMemoryTrimService(Options.Create(new MemoryOptions()), TimeProvider.System, logger);
        var policy = new IdleTrimPolicy(quietAllocationBytes: 8 * Mb, minimumGrowthBytes: 1);

        service.Check(policy);
        var burst = Burst(64);

        Assert.False(service.Check(policy));
        GC.KeepAlive(burst);
        Assert.Empty(logger.Entries);
    }

    [Fact]
    public async Task Turned_off_the_service_stops_at_once()
    {
        var options = Options.Create(new MemoryOptions { TrimWhenIdle = false });
        using var service = new IdleMemoryTrimService(options, new FakeTimeProvider(), new Captured());

        await service.StartAsync(TestContext.Current.CancellationToken);

        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.True(service.ExecuteTask.IsCompletedSuccessfully);
    }

    private static List<byte[]> Burst(int megabytes)
    {
        var kept = new List<byte[]>();
        for (var i = 0; i < megabytes * 16; i++)
        {
            kept.Add(new byte[64 * 1024]);
        }

        return kept;
    }

    private sealed class Captured : ILogger<IdleMemoryTrimService>
    {
        public List<string> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Entries)
            {
                Entries.Add(formatter(state, exception));
            }
        }
    }
}
