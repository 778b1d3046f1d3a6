using Microsoft.Extensions.Options;

namespace HuiFang.Api.Services.Surveys;

/// <summary>Settings under <c>HuiFang:Surveys</c>.</summary>
public sealed class SurveyOptions
{
    public const string Section = "HuiFang:Surveys";

    /// <summary>
    /// Where customers reach the survey page: links are <c>{PublicBaseUrl}/s/{token}</c>. An absolute http or https
    /// URL without query or fragment (a path prefix is allowed, e.g. behind a reverse proxy).
    /// </summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5076";
}

public sealed class SurveyOptionsValidator : IValidateOptions<SurveyOptions>
{
    public ValidateOptionsResult Validate(string? name, SurveyOptions o) =>
        Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{SurveyOptions.Section}:PublicBaseUrl must be an absolute http or https URL without query, fragment or user info (was '{o.PublicBaseUrl}').");
}
