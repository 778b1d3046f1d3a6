using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HuiFang.Api.Common;

/// <summary>
/// The one writer of problem responses: every problem, whoever raised it (a handler, the exception handler,
/// authentication, a limiter, the status-code pages, the framework's own results), leaves here as
/// <c>application/problem+json</c> with <c>type</c>, <c>title</c>, <c>status</c>, <c>code</c> and
/// <c>traceId</c>.
/// </summary>
/// <remarks>
/// It writes whatever the request's <c>Accept</c> says. The framework's default writer declines a request
/// that does not accept JSON, and then nothing answers: a browser (<c>Accept: text/html</c>) got a 500 with
/// an empty body, the status-code pages a <c>text/plain</c> line. A service that speaks only JSON answers
/// an Accept it cannot honour with the problem it has (RFC 9110 §12.5.1 lets it ignore the header).
/// </remarks>
public sealed class ProblemJsonWriter(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IProblemDetailsWriter
{
    public const string ContentType = "application/problem+json";

    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        Complete(problem, http);

        // A problem replaces whatever a failed endpoint had begun to say about its body.
        http.Response.Headers.ContentLength = null;
        http.Response.Headers.ContentDisposition = default;
        var typeInfo = json.Value.SerializerOptions.GetTypeInfo(problem.GetType());
        return new ValueTask(http.Response.WriteAsJsonAsync(problem, typeInfo, ContentType, http.RequestAborted));
    }

    /// <summary>
    /// Fills in what a problem raised outside <see cref="Problems"/> lacks: the status of the response, a
    /// <c>urn:huifang:problem:</c> type and its code instead of the framework's RFC links, a title in the
    /// caller's language, and the trace id.
    /// </summary>
    public static void Complete(ProblemDetails problem, HttpContext http)
    {
        problem.Status ??= http.Response.StatusCode is >= 400 and var status ? status : StatusCodes.Status500InternalServerError;

        if (problem.Type is null || !problem.Type.StartsWith(Problems.TypePrefix, StringComparison.Ordinal))
        {
            // The framework's defaults (ProblemDetailsDefaults) are links to RFC sections; ours are stable URNs.
            var (code, titleKey) = ForStatus(problem.Status.Value);
            problem.Type = Problems.TypePrefix + code;
            problem.Title = Messages.Get(titleKey, problem.Status.Value);
        }

        problem.Title ??= Messages.Get("problem.status.title", problem.Status.Value);
        if (!problem.Extensions.ContainsKey("code"))
        {
            problem.Extensions["code"] = problem.Type[Problems.TypePrefix.Length..];
        }

        problem.Extensions["traceId"] = Activity.Current?.Id ?? http.TraceIdentifier;

        if (http.GetEndpoint() is null && problem.Status is 404 or 405)
        {
            // The path as sent, percent-encoded: a decoded one carried control and bidi characters into the text.
            problem.Detail ??= Messages.Get("problem.route.detail", http.Request.Method, http.Request.Path.ToUriComponent());
        }
    }

    /// <summary>The code and title of a status answered without one of ours (a route that does not exist, a framework limit).</summary>
    public static (string Code, string TitleKey) ForStatus(int status) => status switch
    {
        400 => ("malformed-request", "problem.badRequest.title"),
        401 => ("unauthenticated", "auth.unauthenticated.title"),
        403 => ("forbidden", "auth.forbidden.title"),
        404 => ("not-found", "problem.notFound.title"),
        405 => ("method-not-allowed", "problem.status.title"),
        406 => ("not-acceptable", "problem.status.title"),
        408 => ("request-timeout", "problem.status.title"),
        411 => ("length-required", "problem.status.title"),
        413 => ("body-too-large", "limits.bodyTooLarge.title"),
        414 => ("uri-too-long", "problem.status.title"),
        415 => ("unsupported-media-type", "problem.status.title"),
        431 => ("headers-too-large", "problem.status.title"),
        429 => ("rate-limited", "limits.rateLimited.title"),
        500 => ("unexpected", "problem.unexpected.title"),
        503 => ("unavailable", "problem.unavailable.title"),
        _ => ("http-" + status, "problem.status.title"),
    };
}
