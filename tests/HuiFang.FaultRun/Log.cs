using System.Diagnostics;

namespace HuiFang.FaultRun;

/// <summary>One line per event of the run, stamped with the seconds since it began.</summary>
public static class Log
{
    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    public static TimeSpan Now => Clock.Elapsed;

    public static void Write(string message) =>
        Console.WriteLine(FormattableString.Invariant($"[fault-run +{Clock.Elapsed.TotalSeconds,6:0.0}s] {message}"));
}
