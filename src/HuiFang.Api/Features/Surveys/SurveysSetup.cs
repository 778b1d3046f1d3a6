using HuiFang.Api.Features.Surveys.MonitorSurveys;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Services.Surveys;
using Microsoft.Extensions.Options;

namespace HuiFang.Api.Features.Surveys;

public static class SurveysSetup
{
    /// <summary>Survey invitations: the look-ups the API and the customer's page share, inviting, the recorder and the survey monitor.</summary>
    public static IServiceCollection AddHuiFangSurveys(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<SurveyInvitations>();
        services.AddScoped<SurveyInviting>();
        services.AddScoped<ISaveParticipant, SurveyTaskClosing>();
        services.AddDomainEventRecorder<SurveyRecorder>();
        services.AddOptions<SurveyOptions>().Bind(configuration.GetSection(SurveyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SurveyOptions>, SurveyOptionsValidator>();
        services.AddOptions<SurveyMonitorOptions>().Bind(configuration.GetSection(SurveyMonitorOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SurveyMonitorOptions>, SurveyMonitorOptionsValidator>();
        services.AddSingleton<SurveyMonitor>();
        services.AddHostedService<SurveyMonitorService>();
        return services;
    }
}
