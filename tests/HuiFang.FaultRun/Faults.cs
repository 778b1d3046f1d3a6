using System.Diagnostics;

namespace HuiFang.FaultRun;

public enum FaultKind
{
    /// <summary>SIGKILL the API, restart it after a pause.</summary>
    ApiKill,

    /// <summary>Stop the RabbitMQ node gracefully (rabbitmqctl stop), start it after a pause.</summary>
    BrokerStop,

    /// <summary>kill -9 the broker's Erlang VM, start it after a pause.</summary>
    BrokerKill,

    /// <summary>pg_ctl restart -m fast: sessions are ended, the server shuts down cleanly and starts.</summary>
    PostgresRestartFast,

    /// <summary>pg_ctl restart -m immediate: the server is stopped without a checkpoint and recovers at start.</summary>
    PostgresRestartImmediate,

    /// <summary>
    /// The server turns read-only (default_transaction_read_only, reloaded into every session), as an old
    /// primary does after a failover; back to read-write after a pause.
    /// </summary>
    PostgresReadOnly,
}

/// <summary>One fault of the schedule: after <see cref="Before"/> of load, injected, healed after <see cref="Down"/>.</summary>
public sealed record Fault(int Number, FaultKind Kind, TimeSpan Before, TimeSpan Down)
{
    public TimeSpan InjectedAt { get; set; }

    public TimeSpan HealedAt { get; set; }

    public override string ToString() =>
        FormattableString.Invariant($"#{Number} {Kind} after {Before.TotalSeconds:0.0}s of load, down {Down.TotalSeconds:0.0}s");
}

public static class FaultSchedule
{
    /// <summary>
    /// The schedule is a function of the seed alone: every kind once, then kinds drawn at random, in a
    /// shuffled order, with random gaps and outage lengths. The same seed gives the same schedule.
    /// </summary>
    public static List<Fault> Plan(int seed, int count)
    {
        var random = new Random(seed);
        var kinds = Enum.GetValues<FaultKind>().ToList();
        while (kinds.Count < count)
        {
            kinds.Add((FaultKind)random.Next(Enum.GetValues<FaultKind>().Length));
        }

        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(kinds));
        return kinds.Select((kind, i) => new Fault(
            i + 1,
            kind,
            TimeSpan.FromMilliseconds(random.Next(2000, 7000)),
            kind switch
            {
                FaultKind.ApiKill => TimeSpan.FromMilliseconds(random.Next(0, 2000)),
                FaultKind.BrokerStop or FaultKind.BrokerKill => TimeSpan.FromMilliseconds(random.Next(1000, 6000)),
                FaultKind.PostgresReadOnly => TimeSpan.FromMilliseconds(random.Next(1000, 5000)),
                _ => TimeSpan.Zero, // pg_ctl restart: down as long as the restart takes
            })).ToList();
    }
}

/// <summary>Injects and heals faults: the API directly, the servers through the shell commands .ci/fault-test gives.</summary>
public sealed class FaultInjector(Settings settings, ApiProcess api)
{
    public async Task InjectAsync(Fault fault)
    {
        fault.InjectedAt = Log.Now;
        Log.Write($"fault {fault}: injecting");
        switch (fault.Kind)
        {
            case FaultKind.ApiKill:
                api.Kill();
                await Task.Delay(fault.Down);
                await api.StartAsync();
                break;
            case FaultKind.BrokerStop:
                await ShellAsync(settings.BrokerStop);
                await Task.Delay(fault.Down);
                await ShellAsync(settings.BrokerStart);
                break;
            case FaultKind.BrokerKill:
                await ShellAsync(settings.BrokerKill);
                await Task.Delay(fault.Down);
                await ShellAsync(settings.BrokerStart);
                break;
            case FaultKind.PostgresRestartFast:
                await ShellAsync(settings.PostgresRestart.Replace("{mode}", "fast", StringComparison.Ordinal));
                break;
            case FaultKind.PostgresRestartImmediate:
                await ShellAsync(settings.PostgresRestart.Replace("{mode}", "immediate", StringComparison.Ordinal));
                break;
            case FaultKind.PostgresReadOnly:
                await ShellAsync(settings.PostgresReadOnly.Replace("{value}", "on", StringComparison.Ordinal));
                await Task.Delay(fault.Down);
                await ShellAsync(settings.PostgresReadOnly.Replace("{value}", "off", StringComparison.Ordinal));
                break;
        }

        fault.HealedAt = Log.Now;
        Log.Write(FormattableString.Invariant($"fault #{fault.Number} healed after {(fault.HealedAt - fault.InjectedAt).TotalSeconds:0.0}s"));
    }

    private static async Task ShellAsync(string command)
    {
        var info = new ProcessStartInfo("/bin/bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(command);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"'{command}' did not finish within 2 minutes");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{command}' exited with {process.ExitCode}: {await output}{await error}");
        }
    }
}
