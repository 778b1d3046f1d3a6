using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Services.SpotChecks;

namespace HuiFang.Api.Features.SpotChecks;

public static class SpotChecksSetup
{
    /// <summary>Spot-checks: the sampler the open and preview share, and the recorder of their history and events.</summary>
    public static IServiceCollection AddHuiFangSpotChecks(this IServiceCollection services)
    {
        services.AddScoped<SpotCheckSampler>();
        services.AddDomainEventRecorder<SpotCheckRecorder>();
        return services;
    }
}
