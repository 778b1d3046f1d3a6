using HuiFang.Api.Services.Surveys;

namespace HuiFang.Api.Features.Surveys;

public static class SurveysSetup
{
    /// <summary>Survey invitations: the look-ups the API and the customer's page share.</summary>
    public static IServiceCollection AddHuiFangSurveys(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<SurveyInvitations>();
        return services;
    }
}
