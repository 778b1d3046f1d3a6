using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Services.CorrectiveActions;

namespace HuiFang.Api.Features.CorrectiveActions;

public static class CorrectiveActionsSetup
{
    /// <summary>Corrective actions: opening (shared with the weekly reviews), the tenant's rules, and the recorder.</summary>
    public static IServiceCollection AddHuiFangCorrectiveActions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddScoped<CorrectiveActionRules>();
        services.AddScoped<CorrectiveActionOpening>();
        services.AddDomainEventRecorder<CorrectiveActionRecorder>();
        return services;
    }
}
