using System.Runtime;
using Microsoft.Extensions.Options;

namespace HuiFang.Api.Infrastructure.Runtime;

/// <summary>Settings under <c>HuiFang:Memory</c>.</summary>
public sealed class MemoryOptions
{
    public const string Section = "HuiFang:Memory";

    /// <summary>Give memory back to the system once the service goes quiet after a burst (see <see cref="IdleMemoryTrimService"/>).</summary>
    public bool TrimWhenIdle { get; set; } = true;

    /// <summary>How often the service looks at its allocation rate and heap.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Quiet means fewer bytes than this allocated during one <see cref="CheckInterval"/>.</summary>
    public long QuietAllocationBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Worth it means the GC heap has grown by at least this much since start-up or the last trim.</summary>
    public long MinimumGrowthBytes { get; set; } = 32L * 1024 * 1024;
}

public sealed class MemoryOptionsValidator : IValidateOptions<MemoryOptions>
{
    public ValidateOptionsResult Validate(string? name, MemoryOptions options)
    {
        var failures = new List<string>();
        if (options.CheckInterval < TimeSpan.FromSeconds(1) || options.CheckInterval > TimeSpan.FromHours(1))
        {
            failures.Add($"{MemoryOptions.Section}:CheckInterval must be between 00:00:01 and 01:00:00 (got {options.CheckInterval}).");
        }

        if (options.QuietAllocationBytes <= 0)
        {
            failures.Add($"{MemoryOptions.Section}:QuietAllocationBytes must be positive (got {options.QuietAllocationBytes}).");
        }

        if (options.MinimumGrowthBytes <= 0)
        {
            failures.Add($"{MemoryOptions.Section}:MinimumGrowthBytes must be positive (got {options.MinimumGrowthBytes}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>
/// When to trim: the heap has grown well past its size after start-up (or after the last trim), and the
/// service has gone quiet. A burst (thousands of connections, queued requests, buffered bodies) leaves
/// tens of megabytes of dead objects in the oldest generation; the garbage collector collects that
/// generation only when enough is allocated there again, which a quiet service never does, so the memory
/// stays committed and resident (bench/results, 2026-12-01-memory). One samples per check interval.
/// </summary>
public sealed class IdleTrimPolicy(long quietAllocationBytes, long minimumGrowthBytes)
{
    private long? _lastAllocated;
    private long? _baseline;

    /// <summary>
    /// Takes one sample (bytes allocated so far by the process, bytes the GC has committed now) and says
    /// whether to trim now. The first sample sets the baseline.
    /// </summary>
    public bool ShouldTrim(long totalAllocatedBytes, long committedBytes)
    {
        var allocated = _lastAllocated is { } last ? totalAllocatedBytes - last : long.MaxValue;
        _lastAllocated = totalAllocatedBytes;
        _baseline ??= committedBytes;

        // The baseline follows the heap down (a GC of its own gave memory back), never up.
        _baseline = Math.Min(_baseline.Value, committedBytes);
        return allocated < quietAllocationBytes && committedBytes - _baseline.Value >= minimumGrowthBytes;
    }

    /// <summary>The heap after a trim is the new baseline: the next trim needs as much growth again.</summary>
    public void Trimmed(long committedBytes) => _baseline = committedBytes;
}

/// <summary>
/// Gives the memory a burst left behind back to the system once the service is quiet: one full,
/// compacting collection that also decommits what it frees (<see cref="GCCollectionMode.Aggressive"/>).
/// It runs only when the process has allocated little for a whole check interval (no load to disturb:
/// the pause of a full collection of a heap of some tens of megabytes is tens of milliseconds) and the
/// heap has grown by <see cref="MemoryOptions.MinimumGrowthBytes"/> since the last time, so a service
/// that stays busy or stays small never pays for it.
/// </summary>
public sealed class IdleMemoryTrimService(IOptions<MemoryOptions> options, TimeProvider clock, ILogger<IdleMemoryTrimService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.TrimWhenIdle)
        {
            return;
        }

        var policy = new IdleTrimPolicy(settings.QuietAllocationBytes, settings.MinimumGrowthBytes);
        using var timer = new PeriodicTimer(settings.CheckInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            Check(policy);
        }
    }

    /// <summary>One check: a sample for the policy, and the trim when it says so. True when it trimmed.</summary>
    internal bool Check(IdleTrimPolicy policy)
    {
        var before = GC.GetGCMemoryInfo().TotalCommittedBytes;
        if (!policy.ShouldTrim(GC.GetTotalAllocatedBytes(), before))
        {
            return false;
        }

        var resident = Environment.WorkingSet;
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var after = GC.GetGCMemoryInfo();
        policy.Trimmed(after.TotalCommittedBytes);
        var native = NativeHeap.Trim();
        logger.LogInformation(
            "Quiet after a burst: resident memory {ResidentBefore} → {ResidentAfter} MB (garbage-collected heap {Before} → {After} MB committed, {Live} MB live, pause {Pause} ms; native heap trimmed: {Native})",
            resident / (1024 * 1024),
            Environment.WorkingSet / (1024 * 1024),
            before / (1024 * 1024),
            after.TotalCommittedBytes / (1024 * 1024),
            after.HeapSizeBytes / (1024 * 1024),
            after.PauseDurations[0].TotalMilliseconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture),
            native);
        return true;
    }
}

/// <summary>
/// The C library's allocator keeps what native code freed (the JIT, the runtime, socket and TLS buffers) in
/// per-thread arenas, and a burst that brings up many thread-pool threads leaves tens of megabytes there;
/// glibc's <c>malloc_trim</c> gives the free pages of every arena back. Other C libraries (musl) have no
/// such call: then nothing is trimmed.
/// </summary>
internal static class NativeHeap
{
    private static bool _unavailable = !OperatingSystem.IsLinux();

    /// <summary>Whether memory was given back; false where the call does not exist.</summary>
    public static bool Trim()
    {
        if (_unavailable)
        {
            return false;
        }

        try
        {
            return MallocTrim(0) != 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
            return false;
        }
    }

    // glibc's soname: "libc" alone can resolve to the linker script libc.so where development files are installed.
    [System.Runtime.InteropServices.DllImport("libc.so.6", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}

public static class RuntimeSetup
{
    public static IServiceCollection AddHuiFangMemoryTrim(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MemoryOptions>().Bind(configuration.GetSection(MemoryOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MemoryOptions>, MemoryOptionsValidator>();
        services.AddHostedService<IdleMemoryTrimService>();
        return services;
    }
}
