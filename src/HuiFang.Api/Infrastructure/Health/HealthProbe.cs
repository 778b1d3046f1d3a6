using HuiFang.Api.Domain.Common;
namespace HuiFang.Api.Infrastructure.Health;

/// <summary>
/// `dotnet HuiFang.Api.dll healthcheck [url]`: the container's HEALTHCHECK, which needs no curl in the
/// image. Exits 0 when the liveness endpoint answers 2xx within five seconds.
/// </summary>
public static class HealthProbe
{
    public static async Task<int> RunAsync(string[] args)
    {
        var url = args.Length > 1 ? args[1] : $"http://127.0.0.1:{Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS")?.Split(';')[0] ?? "8080"}/health/live";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(url);
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"healthcheck: {url}: {e.Message}");
            return 1;
        }
    }
}
