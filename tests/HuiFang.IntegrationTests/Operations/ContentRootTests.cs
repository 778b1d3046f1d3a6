using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HuiFang.IntegrationTests.Operations;

/// <summary>
/// The built service started as an operator starts it, from another folder (a systemd unit without
/// WorkingDirectory, a script): it finds its settings next to its own files; and where there are none, it
/// stops saying which file it looked for and where.
/// </summary>
public sealed class ContentRootTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Started_from_another_folder_the_service_finds_its_settings_and_answers()
    {
        var elsewhere = Directory.CreateTempSubdirectory("huifang-elsewhere-").FullName;
        var port = FreePort();
        using var process = Start(elsewhere, [], port);
        var output = Collect(process);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
            var deadline = DateTime.UtcNow + Patience;
            HttpStatusCode? status = null;
            while (DateTime.UtcNow < deadline && !process.HasExited && status != HttpStatusCode.OK)
            {
                try
                {
                    status = (await http.GetAsync("/health/live")).StatusCode;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(250);
                }
            }

            Assert.True(status == HttpStatusCode.OK, $"the service did not answer; it wrote:\n{output}");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Fact]
    public async Task Given_a_content_root_without_settings_the_service_stops_naming_the_file_and_the_folder()
    {
        var empty = Directory.CreateTempSubdirectory("huifang-empty-").FullName;
        using var process = Start(empty, ["--contentRoot", empty], FreePort());
        var output = Collect(process);
        try
        {
            await process.WaitForExitAsync(new CancellationTokenSource(Patience).Token);

            Assert.NotEqual(0, process.ExitCode);
            Assert.Contains("appsettings.json was not found in the content root " + empty, output.ToString());
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            Directory.Delete(empty, recursive: true);
        }
    }

    /// <summary>The service's own build output (the tests are built with it, in the same configuration).</summary>
    private static string ServiceAssembly()
    {
        var tests = AppContext.BaseDirectory; // …/tests/HuiFang.IntegrationTests/bin/<Configuration>/net10.0/
        var framework = new DirectoryInfo(tests).Name;
        var configuration = new DirectoryInfo(tests).Parent!.Name;
        var root = new DirectoryInfo(tests);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "HuiFang.sln")))
        {
            root = root.Parent;
        }

        var path = Path.Combine(root!.FullName, "src", "HuiFang.Api", "bin", configuration, framework, "HuiFang.Api.dll");
        Assert.True(File.Exists(path), $"not built: {path}");
        return path;
    }

    private static Process Start(string workingDirectory, string[] args, int port)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(ServiceAssembly());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // As an operator's unit would run it: no environment name (Production), embedded storage in a file of
        // its own so that runs do not share one, and a port of its own.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_", StringComparison.Ordinal) || k.StartsWith("HuiFang__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["HuiFang__Database__SqlitePath"] = Path.Combine(Path.GetTempPath(), "huifang-tests", $"content-root-{Guid.NewGuid():N}.db");
        return Process.Start(start)!;
    }

    private static StringBuilder Collect(Process process)
    {
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return output;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
