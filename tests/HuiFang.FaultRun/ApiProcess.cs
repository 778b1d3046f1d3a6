using System.Diagnostics;
using System.Globalization;

namespace HuiFang.FaultRun;

/// <summary>
/// The API as a child process in production mode (PostgreSQL, RabbitMQ, JSON logs), started from its own
/// folder. Every incarnation's output goes to one log file, so a 500's trace id can be found in it. An exit
/// the run did not cause is recorded: the service must survive its dependencies' faults.
/// </summary>
public sealed class ApiProcess : IDisposable
{
    private readonly Settings settings;
    private readonly StreamWriter log;
    private readonly Lock gate = new();
    private readonly HttpClient probe = new() { Timeout = TimeSpan.FromSeconds(3) };
    private Process? current;
    private int incarnation;
    private bool killing;

    public ApiProcess(Settings settings)
    {
        this.settings = settings;
        LogPath = Path.Combine(settings.WorkDirectory, "api.log");
        log = new StreamWriter(LogPath, append: true) { AutoFlush = true };
        BaseAddress = new Uri($"http://127.0.0.1:{settings.ApiPort}/");
    }

    public Uri BaseAddress { get; }

    public string LogPath { get; }

    /// <summary>Exits nobody asked for, with their exit codes.</summary>
    public List<string> UnexpectedExits { get; } = [];

    /// <summary>The environment of production: what docker-compose.yml sets, pointed at this run's servers.</summary>
    private Dictionary<string, string> Environment() => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/'),
        ["HuiFang__Database__Provider"] = "PostgreSql",
        ["ConnectionStrings__HuiFang"] = settings.Postgres,
        ["HuiFang__Messaging__Transport"] = "RabbitMq",
        ["HuiFang__Messaging__RabbitMq__Host"] = settings.Amqp.Host,
        ["HuiFang__Messaging__RabbitMq__Port"] = settings.Amqp.Port.ToString(CultureInfo.InvariantCulture),
        // The dispatcher's backoff grows to a minute by default; capped here so that the run's last outage is
        // followed by delivery within seconds rather than a minute of waiting.
        ["HuiFang__Outbox__RetryMaxDelay"] = "00:00:05",
    };

    public ProcessStartInfo StartInfo(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = settings.ApiDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(settings.ApiDirectory, "HuiFang.Api.dll"));
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (name, value) in Environment())
        {
            info.Environment[name] = value;
        }

        return info;
    }

    /// <summary>Starts an incarnation and waits until /health/ready answers 200 (Healthy or Degraded).</summary>
    public async Task StartAsync()
    {
        Process process;
        lock (gate)
        {
            if (current is { HasExited: false })
            {
                throw new InvalidOperationException("the API is already running");
            }

            var number = ++incarnation;
            process = new Process { StartInfo = StartInfo(), EnableRaisingEvents = true };
            process.OutputDataReceived += (_, e) => Write(number, e.Data);
            process.ErrorDataReceived += (_, e) => Write(number, e.Data);
            process.Exited += (_, _) =>
            {
                lock (gate)
                {
                    if (!killing || !ReferenceEquals(process, current))
                    {
                        UnexpectedExits.Add(FormattableString.Invariant($"incarnation {number} exited with code {process.ExitCode} at +{Log.Now.TotalSeconds:0.0}s"));
                    }
                }
            };
            killing = false;
            Write(number, "---- started by the fault run ----");
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            current = process;
            // For .ci/fault-test's exit trap, should this program be killed before it can stop the API itself.
            File.WriteAllText(Path.Combine(settings.WorkDirectory, "api.pid"), process.Id.ToString(CultureInfo.InvariantCulture));
        }

        var started = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the API exited during start-up (code {process.ExitCode}); see {LogPath}");
            }

            try
            {
                using var ready = await probe.GetAsync(new Uri(BaseAddress, "health/ready"));
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (started.Elapsed > TimeSpan.FromSeconds(90))
            {
                throw new InvalidOperationException($"the API did not become ready within 90 s; see {LogPath}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no draining, requests in flight cut off.</summary>
    public void Kill()
    {
        Process? process;
        lock (gate)
        {
            process = current;
            killing = true;
        }

        process?.Kill(entireProcessTree: false);
        process?.WaitForExit();
    }

    /// <summary>Runs a command-line verb of the service (same settings) and returns its standard output lines.</summary>
    public async Task<List<string>> RunCommandAsync(params string[] arguments)
    {
        using var process = Process.Start(StartInfo(arguments))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{string.Join(' ', arguments)}' exited with {process.ExitCode}: {await stderr}{string.Join('\n', lines)}");
        }

        return lines;
    }

    private void Write(int number, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(FormattableString.Invariant($"[{number}] {line}"));
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            killing = true;
        }

        if (current is { HasExited: false })
        {
            current.Kill();
            current.WaitForExit();
        }

        current?.Dispose();
        probe.Dispose();
        lock (log)
        {
            log.Dispose();
        }
    }
}
