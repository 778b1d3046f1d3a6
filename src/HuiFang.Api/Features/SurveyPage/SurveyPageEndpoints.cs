using System.Globalization;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Infrastructure.Http;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace HuiFang.Api.Features.SurveyPage;

/// <summary>
/// <c>/s/{token}</c>, the page a customer answers a survey on. It is for people, not for API clients: it is not in
/// the OpenAPI document (its answers are HTML pages; the link reaches integrators through the invitation, and a
/// client that does not take HTML gets the problems below), it needs no credentials (the link's token is one),
/// and every answer carries the security headers of a public page (<see cref="PageResponses.SecureHeaders"/>).
/// </summary>
public static class SurveyPageEndpoints
{
    public const string Route = HuiFang.Api.Domain.Surveys.SurveyToken.Route;

    public static IServiceCollection AddSurveyPage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SurveyPageOptions>().Bind(configuration.GetSection(SurveyPageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SurveyPageLimiter>();
        services.AddScoped<SurveyPageService>();
        services.AddScoped<SurveyFeedback>();
        services.AddPageAntiforgery(new PageAntiforgery.Page(Route, "hf-survey-af"));
        return services;
    }

    public static IEndpointRouteBuilder MapSurveyPage(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Route).ExcludeFromDescription().AllowAnonymous();
        group.MapGet("/{token}", ShowAsync);
        group.MapPost("/{token}", AnswerAsync);
        return app;
    }

    private static async Task ShowAsync(string token, HttpContext http, SurveyPageService page, SurveyPageLimiter limiter, IAntiforgery antiforgery, CancellationToken ct)
    {
        var html = PageResponses.AcceptsHtml(http.Request);
        if (await LimitedAsync(http, limiter, html))
        {
            return;
        }

        // A link may preselect the overall score (?s=4); anything else in s is ignored: the customer did nothing wrong.
        int? preselect = int.TryParse(http.Request.Query["s"].FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null;
        var outcome = await page.ShowAsync(token, preselect, BrowserLanguage(), ct);
        await WriteAsync(http, outcome, html, antiforgery);
    }

    private static async Task AnswerAsync(string token, HttpContext http, SurveyPageService page, SurveyPageLimiter limiter, IAntiforgery antiforgery, IOptions<SurveyPageOptions> options, CancellationToken ct)
    {
        var html = PageResponses.AcceptsHtml(http.Request);
        if (await LimitedAsync(http, limiter, html))
        {
            return;
        }

        var limit = options.Value.MaxFormBytes;
        if (http.Request.ContentLength > limit)
        {
            await TooLargeAsync(http, html, limit);
            return;
        }

        if (!http.Request.HasFormContentType)
        {
            await NoticeAsync(http, html, StatusCodes.Status415UnsupportedMediaType, "unsupported", "unsupported.title", "unsupported.body",
                "unsupported-media-type", "surveyPage.unsupportedMediaType.title", "surveyPage.unsupportedMediaType");
            return;
        }

        // Only a browser is given the page: nothing is recorded for a client that could not read the answer.
        if (!html)
        {
            await PageResponses.ProblemAsync(http, StatusCodes.Status406NotAcceptable, "not-acceptable", "surveyPage.notAcceptable.title", "surveyPage.notAcceptable.detail");
            return;
        }

        IFormCollection form;
        try
        {
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = limit;
            }

            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions
            {
                ValueLengthLimit = limit,
                MultipartBodyLengthLimit = limit,
                MultipartHeadersLengthLimit = 4096,
                ValueCountLimit = 256,
                KeyLengthLimit = 256,
            }));
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (InvalidDataException e) when (InvalidCharacters(e))
        {
            // ASP.NET Core's form reader refuses a NUL (or another character it cannot take) in a name or value:
            // that is not the customer's answer being too long. Nothing is recorded; the page says what is wrong.
            await PageResponses.HtmlAsync(http, StatusCodes.Status400BadRequest,
                PageRenderer.Notice(BrowserLanguage(), "invalid-characters", "invalidCharacters.title", "invalidCharacters.body", http.Request.Path), BrowserLanguage());
            return;
        }
        catch (Exception e) when (e is InvalidDataException || (e is BadHttpRequestException bad && bad.StatusCode == StatusCodes.Status413PayloadTooLarge))
        {
            await TooLargeAsync(http, html, limit);
            return;
        }

        if (!await antiforgery.IsRequestValidAsync(http))
        {
            await NoticeAsync(http, html, StatusCodes.Status400BadRequest, "stale", "stale.title", "stale.body",
                "survey-form-stale", "surveyPage.stale.title", "surveyPage.stale.detail");
            return;
        }

        var outcome = await page.AnswerAsync(token, form, BrowserLanguage(), ct);
        await WriteAsync(http, outcome, html, antiforgery);
    }

    private static async Task WriteAsync(HttpContext http, PageOutcome outcome, bool html, IAntiforgery antiforgery)
    {
        if (!html)
        {
            await (outcome switch
            {
                ExpiredPage => PageResponses.ProblemAsync(http, StatusCodes.Status410Gone, "survey-link-invalid", "surveyPage.linkInvalid.title", "surveyPage.linkInvalid.detail"),
                AnsweredPage { Status: StatusCodes.Status409Conflict } => PageResponses.ProblemAsync(http, StatusCodes.Status409Conflict, "survey-already-answered", "surveyPage.answered.title", "surveyPage.answered.detail"),
                FormPage { Status: StatusCodes.Status400BadRequest } form => ValidationProblemAsync(http, form),
                _ => PageResponses.ProblemAsync(http, StatusCodes.Status406NotAcceptable, "not-acceptable", "surveyPage.notAcceptable.title", "surveyPage.notAcceptable.detail"),
            });
            return;
        }

        var body = outcome switch
        {
            FormPage form => PageRenderer.Form(form.Survey, form.Form, http.Request.Path, antiforgery.GetAndStoreTokens(http).RequestToken!),
            ThanksPage thanks => PageRenderer.Thanks(thanks.Survey, thanks.FollowUp, thanks.OptedOut),
            OptedOutPage opted => PageRenderer.OptedOut(opted.Survey),
            AnsweredPage answered => PageRenderer.Answered(answered.Survey, answered.AnsweredOn, answered.Answer),
            _ => PageRenderer.Notice(outcome.Language, "expired", "expired.title", "expired.body"),
        };
        await PageResponses.HtmlAsync(http, outcome.Status, body, outcome.Language);
    }

    private static Task ValidationProblemAsync(HttpContext http, FormPage form)
    {
        PageResponses.SecureHeaders(http.Response);
        return Problems.WriteAsync(http, Error.Validation(form.Form.Errors.ToDictionary(e => $"answers[{e.Key}]", e => new[] { e.Value })));
    }

    private static async Task<bool> LimitedAsync(HttpContext http, SurveyPageLimiter limiter, bool html)
    {
        var (acquired, retryAfter) = limiter.TryAcquire(http);
        if (acquired)
        {
            return false;
        }

        http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        if (html)
        {
            await PageResponses.HtmlAsync(http, StatusCodes.Status429TooManyRequests, PageRenderer.Notice(BrowserLanguage(), "rate-limited", "limited.title", "limited.body"), BrowserLanguage());
        }
        else
        {
            await PageResponses.ProblemAsync(http, StatusCodes.Status429TooManyRequests, "rate-limited", "limits.rateLimited.title", "limits.rateLimited.detail", retryAfter);
        }

        return true;
    }

    /// <summary>The form reader's "The form value contains invalid characters." (its size limits throw the same type).</summary>
    private static bool InvalidCharacters(InvalidDataException e) => e.Message.Contains("invalid characters", StringComparison.OrdinalIgnoreCase);

    private static Task TooLargeAsync(HttpContext http, bool html, int limit) => html
        ? PageResponses.HtmlAsync(http, StatusCodes.Status413PayloadTooLarge, PageRenderer.Notice(BrowserLanguage(), "too-large", "tooLarge.title", "tooLarge.body"), BrowserLanguage())
        : PageResponses.ProblemAsync(http, StatusCodes.Status413PayloadTooLarge, "body-too-large", "limits.bodyTooLarge.title", "limits.bodyTooLarge.detail", limit);

    private static Task NoticeAsync(HttpContext http, bool html, int status, string state, string titleKey, string bodyKey, string code, string problemTitleKey, string problemDetailKey) => html
        ? PageResponses.HtmlAsync(http, status, PageRenderer.Notice(BrowserLanguage(), state, titleKey, bodyKey, http.Request.Path), BrowserLanguage())
        : PageResponses.ProblemAsync(http, status, code, problemTitleKey, problemDetailKey);

    /// <summary>The request's language (Accept-Language, through the request localization), as one of the page's two.</summary>
    private static string BrowserLanguage() => PageTexts.For(CultureInfo.CurrentUICulture);
}
