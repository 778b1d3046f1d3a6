using HuiFang.Api.Features.CorrectiveActions.MonitorCorrectiveActions;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Services.CorrectiveActions;
using Microsoft.Extensions.Options;

namespace HuiFang.Api.Features.CorrectiveActions;

public static class CorrectiveActionsSetup
{
    /// <summary>Corrective actions: opening (shared with the weekly reviews), the tenant's rules, and the recorder.</summary>
    public static IServiceCollection AddHuiFangCorrectiveActions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<CorrectiveActionRules>();
        services.AddScoped<CorrectiveActionOpening>();
        services.AddScoped<ISaveParticipant, RecurrenceDetection>();
        services.AddDomainEventRecorder<CorrectiveActionRecorder>();
        services.AddOptions<CorrectiveActionMonitorOptions>().Bind(configuration.GetSection(CorrectiveActionMonitorOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CorrectiveActionMonitorOptions>, CorrectiveActionMonitorOptionsValidator>();
        services.AddSingleton<CorrectiveActionMonitor>();
        services.AddHostedService<CorrectiveActionMonitorService>();
        return services;
    }
}
