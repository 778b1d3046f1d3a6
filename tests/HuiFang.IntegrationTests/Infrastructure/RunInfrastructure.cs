namespace HuiFang.IntegrationTests.Infrastructure;

/// <summary>
/// One piece of test infrastructure for the whole run, found in the project's order: the environment
/// variable first, else a Testcontainers container when a Docker engine answers, else a reason naming
/// what is missing. Resolved once; every caller gets the same answer.
/// </summary>
public sealed class RunInfrastructure<T>(string name, string variable, Func<string, T> fromEnvironment, Func<Task<(T Value, IAsyncDisposable Container)>> startContainer)
    where T : class
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (T? Value, string? Unavailable)? _resolved;

    public async Task<(T? Value, string? Unavailable)> GetAsync()
    {
        await _gate.WaitAsync();
        try
        {
            return _resolved ??= await ResolveAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(T? Value, string? Unavailable)> ResolveAsync()
    {
        if (TestEnvironment.FromEnvironment(variable) is { } given)
        {
            return (fromEnvironment(given), null);
        }

        if (!TestEnvironment.DockerEngineLikely)
        {
            return (null, $"{name} is not available: set {variable}, or start a Docker engine for Testcontainers.");
        }

        try
        {
            var (value, container) = await startContainer();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return (value, null);
        }
        catch (Exception e)
        {
            return (null, $"{name} is not available: {variable} is not set and Testcontainers could not start a container ({e.GetType().Name}: {e.Message}).");
        }
    }
}
