using HuiFang.Api.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HuiFang.Api.Common;

/// <summary>The one mapping from expected failures to RFC 9457 problem responses.</summary>
public static class Problems
{
    public const string TypePrefix = "urn:huifang:problem:";

    public static ProblemHttpResult ToProblem(this Error error) => TypedResults.Problem(error.ToProblemDetails());

    public static ProblemDetails ToProblemDetails(this Error error)
    {
        var (status, titleKey) = error.Kind switch
        {
            ErrorKind.Validation => (StatusCodes.Status400BadRequest, "problem.validation.title"),
            ErrorKind.NotFound => (StatusCodes.Status404NotFound, "problem.notFound.title"),
            ErrorKind.InvalidTransition => (StatusCodes.Status409Conflict, "problem.invalidTransition.title"),
            ErrorKind.PreconditionFailed => (StatusCodes.Status412PreconditionFailed, "problem.preconditionFailed.title"),
            ErrorKind.Unprocessable => (StatusCodes.Status422UnprocessableEntity, "problem.unprocessable.title"),
            ErrorKind.Forbidden => (StatusCodes.Status403Forbidden, "auth.forbidden.title"),
            ErrorKind.Gone => (StatusCodes.Status410Gone, "problem.gone.title"),
            _ => (StatusCodes.Status409Conflict, "problem.conflict.title"),
        };

        var fieldErrors = error.ValidationErrors
            ?? error.FieldRules?.ToDictionary(rule => rule.Key, rule => new[] { Messages.Get(rule.Value) });
        ProblemDetails problem = fieldErrors is { } errors
            ? new HttpValidationProblemDetails(errors)
            : new ProblemDetails();
        problem.Status = status;
        problem.Type = TypePrefix + error.Code;
        problem.Title = Messages.Get(titleKey);
        problem.Detail = Messages.Get(error.MessageKey, error.Args);
        problem.Extensions["code"] = error.Code;
        foreach (var (key, value) in error.Extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }

    /// <summary>
    /// The problem of one item of a batch. Always the validation shape, so that a 400 item keeps its
    /// per-field errors when serialized inside the batch response.
    /// </summary>
    public static HttpValidationProblemDetails ToItemProblem(this Error error)
    {
        var details = error.ToProblemDetails();
        var problem = details as HttpValidationProblemDetails ?? new HttpValidationProblemDetails
        {
            Type = details.Type,
            Title = details.Title,
            Status = details.Status,
            Detail = details.Detail,
        };
        foreach (var (key, value) in details.Extensions)
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }

    /// <summary>Writes <paramref name="error"/> straight to the response, as <see cref="ToProblem"/> would answer it from an endpoint.</summary>
    public static Task WriteAsync(HttpContext context, Error error)
    {
        var problem = error.ToProblemDetails();
        context.Response.StatusCode = problem.Status!.Value;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }).AsTask();
    }

    /// <summary>
    /// Writes a problem straight to the response, for the middleware that answers before any endpoint
    /// runs (authentication, authorization, rate and size limits).
    /// </summary>
    public static async Task WriteAsync(HttpContext context, int status, string code, string titleKey, string detail, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Type = TypePrefix + code,
            Title = Messages.Get(titleKey),
            Detail = detail,
        };
        problem.Extensions["code"] = code;
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
