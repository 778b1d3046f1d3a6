using HuiFang.Api.Domain.Common;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using HuiFang.IntegrationTests.Infrastructure;

namespace HuiFang.IntegrationTests.Operations;

/// <summary>
/// The built service run as an operator runs it: <c>dotnet HuiFang.Api.dll …</c> as a process of its own, from the
/// folder it was built into, with no environment name (Production).
/// </summary>
public sealed partial class CommandLineTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task Api_keys_create_on_a_fresh_database_prints_only_the_key_on_stdout_and_no_error_lines(string provider)
    {
        var (settings, cleanUp) = await FreshDatabaseAsync(provider);
        try
        {
            var run = await RunAsync(settings, "api-keys", "create", "--tenant", "acme", "--name", "admin", "--scopes", "all");

            Assert.True(run.ExitCode == 0, run.ToString());

            // KEY=$(dotnet HuiFang.Api.dll api-keys create …) captures the key and nothing else.
            Assert.Matches(KeyLine(), run.Stdout);

            // The rest is for the person at the terminal, on stderr: what was created, and the log lines.
            Assert.Contains("Created API key 'admin'", run.Stderr);
            Assert.Contains("Applied", run.Stderr);
            Assert.DoesNotContain("\"LogLevel\":\"Error\"", run.Stderr);
            Assert.DoesNotContain("\"LogLevel\":\"Critical\"", run.Stderr);
        }
        finally
        {
            await cleanUp();
        }
    }

    [Fact]
    public async Task An_embedded_production_start_without_a_key_says_how_to_create_the_first_one_and_stops_saying_it_once_one_exists()
    {
        var (settings, cleanUp) = await FreshDatabaseAsync("Sqlite");
        try
        {
            var banner = await StartUntilBannerAsync(settings);
            Assert.Contains("HuiFang started in EMBEDDED mode", banner);
            Assert.Contains("no API key exists yet", banner);
            Assert.Contains("api-keys create --tenant", banner);

            var created = await RunAsync(settings, "api-keys", "create", "--tenant", "acme", "--name", "admin", "--scopes", "all");
            Assert.True(created.ExitCode == 0, created.ToString());

            var again = await StartUntilBannerAsync(settings);
            Assert.Contains("HuiFang started in EMBEDDED mode", again);
            Assert.DoesNotContain("no API key exists yet", again);
        }
        finally
        {
            await cleanUp();
        }
    }

    [GeneratedRegex(@"\Ahfk_[A-Za-z0-9_-]{20,}\r?\n\z")]
    private static partial Regex KeyLine();

    private static async Task<(Dictionary<string, string> Settings, Func<Task> CleanUp)> FreshDatabaseAsync(string provider)
    {
        if (provider == "Sqlite")
        {
            var directory = Path.Combine(Path.GetTempPath(), "huifang-cli-tests", Guid.NewGuid().ToString("N"));
            var settings = new Dictionary<string, string>
            {
                ["HuiFang__Database__Provider"] = "Sqlite",
                ["HuiFang__Database__SqlitePath"] = Path.Combine(directory, "huifang.db"),
            };
            return (settings, () =>
            {
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }

                return Task.CompletedTask;
            });
        }

        var (connectionString, unavailable) = await PostgresServer.CreateDatabaseAsync();
        if (connectionString is null)
        {
            TestEnvironment.SkipOrFail(unavailable!);
        }

        return (new Dictionary<string, string>
        {
            ["HuiFang__Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__HuiFang"] = connectionString!,
        }, () => PostgresServer.DropDatabaseAsync(connectionString!));
    }

    private static ProcessStartInfo StartInfo(Dictionary<string, string> settings, params string[] args)
    {
        var folder = AppContext.BaseDirectory;
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(Path.Combine(folder, "HuiFang.Api.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // No environment name: the published build's default, Production.
        foreach (var variable in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_URLS", "ConnectionStrings__HuiFang" })
        {
            info.Environment.Remove(variable);
        }

        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        return info;
    }

    private static async Task<ProcessRun> RunAsync(Dictionary<string, string> settings, params string[] args)
    {
        using var process = Process.Start(StartInfo(settings, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new ProcessRun(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts the service on a free loopback port and returns its start-up line; the process is stopped then.</summary>
    private static async Task<string> StartUntilBannerAsync(Dictionary<string, string> settings)
    {
        using var process = Process.Start(StartInfo(settings, "--urls", "http://127.0.0.1:0"))!;
        var seen = new StringBuilder();
        var banner = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Read(string? line)
        {
            if (line is null)
            {
                banner.TrySetException(new InvalidOperationException("The service ended before its start-up line:\n" + seen));
                return;
            }

            lock (seen)
            {
                seen.AppendLine(line);
            }

            if (line.Contains("HuiFang started in", StringComparison.Ordinal))
            {
                banner.TrySetResult(line);
            }
        }

        process.OutputDataReceived += (_, e) => Read(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (seen)
                {
                    seen.AppendLine(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            return await banner.Task.WaitAsync(Patience);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
        }
    }

    private sealed record ProcessRun(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
    }
}
