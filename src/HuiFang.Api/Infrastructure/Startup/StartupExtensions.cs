using HuiFang.Api.Domain.Calendar;
using HuiFang.Api.Infrastructure.Configuration;
using HuiFang.Api.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace HuiFang.Api.Infrastructure.Startup;

public static class StartupExtensions
{
    public static IServiceCollection AddHuiFangOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CalendarOptions>().Bind(configuration.GetSection(CalendarOptions.Section)).ValidateOnStart();
        services.AddOptions<VisitTaskOptions>().Bind(configuration.GetSection(VisitTaskOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CalendarOptions>, CalendarOptionsValidator>();
        services.AddSingleton<IValidateOptions<VisitTaskOptions>, VisitTaskOptionsValidator>();
        services.AddSingleton<IValidateOptions<MessagingOptions>, MessagingOptionsValidator>();
        services.AddSingleton(sp => CalendarOptionsValidator.Build(sp.GetRequiredService<IOptions<CalendarOptions>>().Value));
        return services;
    }

    /// <summary>
    /// One line that tells a newcomer which mode this is, where the data is and where to click — and, while no
    /// API key exists at all, how to create the first one (in Production no key is ever printed).
    /// </summary>
    public static void LogStartupBanner(this WebApplication app, DatabaseTarget database, string bus, string? firstKey)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var first = addresses.FirstOrDefault()?.Replace("[::]", "localhost").Replace("0.0.0.0", "localhost").Replace("+", "localhost");
            var mode = database.Provider == DatabaseProvider.Sqlite && !bus.StartsWith("RabbitMQ", StringComparison.Ordinal)
                ? "EMBEDDED"
                : database.Provider == DatabaseProvider.PostgreSql && bus.StartsWith("RabbitMQ", StringComparison.Ordinal) ? "PRODUCTION" : "MIXED";
            app.Logger.LogInformation(
                "HuiFang started in {Mode} mode: {Database}; {Bus}; listening on {Urls}; Swagger UI at {Swagger}{FirstKey}",
                mode,
                database.Description,
                bus,
                string.Join(", ", addresses),
                first is null ? "/swagger" : $"{first.TrimEnd('/')}/swagger",
                firstKey is null ? "" : "; " + firstKey);
        });
    }
}
