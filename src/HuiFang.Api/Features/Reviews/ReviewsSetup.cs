using HuiFang.Api.Features.Reviews.MonitorReviews;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Services.Reviews;
using Microsoft.Extensions.Options;

namespace HuiFang.Api.Features.Reviews;

public static class ReviewsSetup
{
    /// <summary>Weekly reviews: opening, the follow-ups a decision plans, the recorder and the review monitor.</summary>
    public static IServiceCollection AddHuiFangReviews(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ReviewOpening>();
        services.AddScoped<ReviewFollowUps>();
        services.AddDomainEventRecorder<ReviewRecorder>();
        services.AddOptions<ReviewMonitorOptions>().Bind(configuration.GetSection(ReviewMonitorOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReviewMonitorOptions>, ReviewMonitorOptionsValidator>();
        services.AddSingleton<ReviewMonitor>();
        services.AddHostedService<ReviewMonitorService>();
        return services;
    }
}
