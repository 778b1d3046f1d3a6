using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace HuiFang.IntegrationTests.Contract;

/// <summary>
/// The service's warnings and errors keyed by the trace id of the request that logged them: every sweep
/// case sends its own <c>traceparent</c>, so a failing case can show the exception behind it.
/// </summary>
public sealed class TraceLogs : ILoggerProvider
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _byTrace = new();

    public IReadOnlyList<string> For(string traceId) =>
        _byTrace.TryGetValue(traceId, out var lines) ? [.. lines] : [];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, TraceLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel < LogLevel.Warning || Activity.Current?.TraceId.ToHexString() is not { } trace)
            {
                return;
            }

            var message = formatter(state, exception);
            var text = $"{logLevel} {category}: {message[..Math.Min(message.Length, 400)]}";
            if (exception is not null)
            {
                var inner = exception;
                while (inner.InnerException is not null)
                {
                    inner = inner.InnerException;
                }

                // The frames where it was thrown, and the service's own frame nearest to them.
                var frames = inner.StackTrace?.Split('\n').Select(l => l.Trim()).ToList() ?? [];
                var where = frames.Take(3).Concat(frames.Where(l => l.Contains("HuiFang", StringComparison.Ordinal)).Take(1)).Distinct();
                text += $" | {inner.GetType().FullName}: {inner.Message} {string.Join(" ", where)}";
            }

            owner._byTrace.GetOrAdd(trace, _ => new ConcurrentQueue<string>()).Enqueue(text.ReplaceLineEndings(" "));
        }
    }
}
