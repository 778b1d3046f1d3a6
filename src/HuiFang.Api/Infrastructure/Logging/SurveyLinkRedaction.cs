using System.Collections.Concurrent;
using System.Text;
using HuiFang.Api.Domain.Surveys;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HuiFang.Api.Infrastructure.Logging;

/// <summary>
/// Keeps survey tokens out of every log: a survey link's path is the secret itself, and ASP.NET Core writes the
/// request's path into the scope of every line logged while it runs (<c>RequestPath</c>, shown by the JSON and
/// simple console with <c>IncludeScopes</c>) and into its own request lines (<c>Request starting …</c>). Every
/// logger the service hands out passes its scopes and log states through here first, so every provider (console,
/// debug, event source, a test's) sees <c>/s/{token}</c> where the request had the token; other paths are untouched.
/// </summary>
public static class SurveyLinkRedaction
{
    /// <summary>What a token is written as.</summary>
    public const string Placeholder = "{token}";

    /// <summary>
    /// The service's logger factory, wrapped: the factory itself is built as the host builds it (its providers,
    /// filter rules and activity tracking), only the loggers it answers redact.
    /// </summary>
    public static ILoggingBuilder RedactSurveyLinks(this ILoggingBuilder logging)
    {
        logging.Services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => new RedactingLoggerFactory(new LoggerFactory(
            sp.GetServices<ILoggerProvider>(),
            sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            sp.GetService<IOptions<LoggerFactoryOptions>>(),
            sp.GetService<IExternalScopeProvider>()))));
        return logging;
    }

    /// <summary><paramref name="text"/> with the segment after every <c>/s/</c> written as the placeholder; null when there is none.</summary>
    public static string? Redact(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var at = text.IndexOf(SurveyToken.PathPrefix, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var result = new StringBuilder(text.Length);
        var copied = 0;
        while (at >= 0)
        {
            var start = at + SurveyToken.PathPrefix.Length;
            var end = start;
            while (end < text.Length && !EndsSegment(text[end]))
            {
                end++;
            }

            result.Append(text, copied, start - copied);
            if (end > start)
            {
                result.Append(Placeholder);
            }

            copied = end;
            at = text.IndexOf(SurveyToken.PathPrefix, end, StringComparison.Ordinal);
        }

        return result.Append(text, copied, text.Length - copied).ToString();
    }

    private static bool EndsSegment(char c) => c is '/' or '?' or '#' or '"' or '\'' or '<' or '>' || char.IsWhiteSpace(c);

    private static string? RedactValue(object? value) => value switch
    {
        string s => Redact(s),
        PathString p => Redact(p.Value),
        Uri u => Redact(u.OriginalString),
        _ => null,
    };

    /// <summary>A structured state or scope with a token in one of its values, copied with each written as the placeholder.</summary>
    internal static RedactedState? TryRedact<TState>(TState state, Func<string> message)
    {
        if (state is not IReadOnlyList<KeyValuePair<string, object?>> pairs)
        {
            return null;
        }

        KeyValuePair<string, object?>[]? copy = null;
        for (var i = 0; i < pairs.Count; i++)
        {
            var redacted = RedactValue(pairs[i].Value);
            if (redacted is null)
            {
                continue;
            }

            copy ??= [.. pairs];
            copy[i] = new(pairs[i].Key, redacted);
        }

        if (copy is null)
        {
            return null;
        }

        var text = message();
        return new RedactedState(copy, Redact(text) ?? text);
    }

    /// <summary>The values of a state or scope, and its message, with no token left.</summary>
    internal sealed class RedactedState(KeyValuePair<string, object?>[] pairs, string message) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public KeyValuePair<string, object?> this[int index] => pairs[index];

        public int Count => pairs.Length;

        public string Message => message;

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)pairs).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => message;
    }

    private sealed class RedactingLoggerFactory(LoggerFactory inner) : ILoggerFactory
    {
        private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

        public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, name => new RedactingLogger(inner.CreateLogger(name)));

        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

        public void Dispose() => inner.Dispose();
    }

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            if (state is string text && Redact(text) is { } redactedText)
            {
                return inner.BeginScope(redactedText);
            }

            return TryRedact(state, () => state.ToString() ?? "") is { } redacted ? inner.BeginScope(redacted) : inner.BeginScope(state);
        }

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (TryRedact(state, () => formatter(state, exception)) is { } redacted)
            {
                inner.Log(logLevel, eventId, redacted, exception, static (s, _) => s.Message);
                return;
            }

            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
