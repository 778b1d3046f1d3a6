using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using HuiFang.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace HuiFang.IntegrationTests.SurveyPage;

/// <summary>
/// The logging of appsettings.Production.json (JSON console with scopes), with the hosting's request lines turned
/// on and a warning written inside every request: a survey link's token is in no line, neither in the request's
/// scope nor in a message, while every other request keeps its real path.
/// </summary>
public sealed class SurveyLinkLogTests(SurveyLinkLogFixture fixture) : SurveyPageTestBase(fixture), IClassFixture<SurveyLinkLogFixture>
{
    [Fact]
    public async Task A_survey_links_token_is_written_by_no_console_formatter_while_other_requests_keep_their_path()
    {
        var (taskId, token, _) = await InviteAsync();
        var lines = Fixture.App.Services.GetRequiredService<ConsoleLines>();
        lines.Clear();

        Assert.Equal(HttpStatusCode.OK, (await Browser().GetAsync($"/s/{token}?s=4")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/v1/visit-tasks/{taskId}")).StatusCode);

        var json = lines.Json.ToList();
        var simple = lines.Simple.ToList();
        Assert.All(json.Concat(simple), line => Assert.DoesNotContain(token, line, StringComparison.Ordinal));

        // The warning inside the page's request still says which page it was, without the secret.
        var paths = json.Select(l => JsonDocument.Parse(l))
            .Where(d => d.RootElement.GetProperty("Category").GetString() == RequestProbe.Category)
            .SelectMany(d => d.RootElement.GetProperty("Scopes").EnumerateArray())
            .Where(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("RequestPath", out _))
            .Select(s => s.GetProperty("RequestPath").GetString())
            .ToList();
        Assert.Contains("/s/{token}", paths);
        Assert.Contains($"/api/v1/visit-tasks/{taskId}", paths);
        Assert.Contains(simple, l => l.Contains("RequestPath:/s/{token}", StringComparison.Ordinal));
        Assert.Contains(json, l => l.Contains("Request starting HTTP/1.1 GET http://localhost/s/{token}?s=4", StringComparison.Ordinal));
        Assert.Contains(json, l => l.Contains($"Request starting HTTP/1.1 GET http://localhost/api/v1/visit-tasks/{taskId}", StringComparison.Ordinal));
    }
}

public sealed class SurveyLinkLogFixture : SqliteApiFixture
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>(SurveyPageSettings.Unlimited)
    {
        // As appsettings.Production.json configures the console.
        ["Logging:Console:FormatterName"] = "json",
        ["Logging:Console:FormatterOptions:IncludeScopes"] = "true",

        // As an operator might lower it while looking for a problem.
        ["Logging:LogLevel:Microsoft.AspNetCore.Hosting"] = "Information",
    };

    protected override void ExtraServices(IServiceCollection services)
    {
        services.AddSingleton<ConsoleLines>();
        services.AddSingleton<ILoggerProvider, ConsoleLines.Provider>();
        services.AddSingleton<IStartupFilter, RequestProbe>();
    }
}

/// <summary>A warning written inside every request, before any of the service's middleware, as a fault would be.</summary>
internal sealed class RequestProbe(ILoggerFactory loggers) : IStartupFilter
{
    public const string Category = "HuiFang.Tests.RequestProbe";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        var logger = loggers.CreateLogger(Category);
        app.Use(async (context, following) =>
        {
            logger.LogWarning("Something went wrong while serving a request");
            await following(context);
        });
        next(app);
    };
}

/// <summary>
/// What the console would print: each line written by the console's own formatters (JSON and simple, with the
/// configured options, so with scopes), through the same external scopes the console provider is given.
/// </summary>
internal sealed class ConsoleLines
{
    private readonly ConcurrentQueue<string> _json = new();
    private readonly ConcurrentQueue<string> _simple = new();

    public IEnumerable<string> Json => _json;

    public IEnumerable<string> Simple => _simple;

    public void Clear()
    {
        _json.Clear();
        _simple.Clear();
    }

    internal sealed class Provider(ConsoleLines lines, IEnumerable<ConsoleFormatter> formatters) : ILoggerProvider, ISupportExternalScope
    {
        private readonly ConsoleFormatter _json = formatters.Single(f => f.Name == ConsoleFormatterNames.Json);
        private readonly ConsoleFormatter _simple = formatters.Single(f => f.Name == ConsoleFormatterNames.Simple);
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();
        public ConsoleLines Lines { get; } = lines;

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(Provider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => provider._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var entry = new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter);
                provider.Lines._json.Enqueue(Write(provider._json, entry));
                provider.Lines._simple.Enqueue(Write(provider._simple, entry));
            }

            private string Write<TState>(ConsoleFormatter formatter, LogEntry<TState> entry)
            {
                using var writer = new StringWriter();
                formatter.Write(entry, provider._scopes, writer);
                return writer.ToString().TrimEnd();
            }
        }
    }
}
