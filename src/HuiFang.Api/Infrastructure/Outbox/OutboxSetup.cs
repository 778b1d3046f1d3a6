using HuiFang.Api.Infrastructure.Health;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace HuiFang.Api.Infrastructure.Outbox;

public static class OutboxSetup
{
    /// <summary>The outbox's writer, dispatcher, purge, status and health check.</summary>
    public static IServiceCollection AddHuiFangOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>();
        services.AddOutboxSignal();
        services.AddSingleton<OutboxStatus>();
        services.AddScoped<EventOutbox>();
        services.AddScoped<OutboxPurger>();
        services.AddHostedService<OutboxPurgeService>();
        if (configuration.GetSection(OutboxOptions.Section).Get<OutboxOptions>()?.DispatcherEnabled ?? true)
        {
            services.AddSingleton<OutboxDispatcher>();
            services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        }

        services.AddHealthChecks().AddCheck<OutboxHealthCheck>("outbox", HealthStatus.Degraded, ["ready", HealthEndpoints.DetailTag]);
        return services;
    }

    /// <summary>The commit signal and the interceptor that raises it; the database context needs both.</summary>
    public static IServiceCollection AddOutboxSignal(this IServiceCollection services)
    {
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<OutboxCommitInterceptor>();
        return services;
    }
}
