using HuiFang.Api.Common;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace HuiFang.Api.Infrastructure.Http;

/// <summary>
/// Turns what escapes an endpoint into a problem response. Bad requests the framework detects (malformed
/// JSON, wrong types, unknown enum values, impossible dates, unbindable parameters, wrong content type)
/// become 4xx with the offending field named; a database that is down or busy becomes 503 with
/// Retry-After; anything else is a logged 500.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException bad => FromBadRequest(bad, httpContext),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => null,
            _ when Infrastructure.Persistence.DbErrors.Classify(exception) is { } fault => Unavailable(httpContext, exception, fault),
            _ when Infrastructure.Persistence.DbErrors.RefusedValueState(exception) is { } state => UnstorableValue(exception, state),
            _ => Unexpected(exception),
        };

        if (problem is null)
        {
            return true;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>
    /// The database cannot be reached, lost the connection, takes no writes or lost a race: the caller did
    /// nothing wrong and may retry. The transaction was rolled back — unless the connection was lost while it
    /// committed, when the outcome is unknown and the detail says so (a retry with the same Idempotency-Key
    /// answers with what was stored, if anything was).
    /// </summary>
    private ProblemDetails Unavailable(HttpContext httpContext, Exception exception, Infrastructure.Persistence.DatabaseFault fault)
    {
        var uncertain = exception is Infrastructure.Persistence.CommitOutcomeUnknownException;
        logger.LogWarning(exception, "Database unavailable ({Kind}, {Code}){Uncertain}", fault.Kind, fault.Code, uncertain ? "; lost while committing, outcome unknown" : "");
        httpContext.Response.Headers.RetryAfter = fault.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Type = Problems.TypePrefix + "database-unavailable",
            Title = Messages.Get(fault.Kind switch
            {
                Infrastructure.Persistence.DatabaseFaultKind.ReadOnly => "problem.unavailable.readOnly.title",
                Infrastructure.Persistence.DatabaseFaultKind.Contention => "problem.unavailable.contention.title",
                _ => "problem.unavailable.title",
            }),
            Detail = Messages.Get(uncertain ? "problem.unavailable.uncertain" : "problem.unavailable.detail"),
        };
    }

    /// <summary>
    /// The database refused a value as it was bound (SQLSTATE class 22). The input rules and validators are meant
    /// to refuse every such value first; one that gets here is answered as the caller's 400, and logged as the gap
    /// in validation it is.
    /// </summary>
    private ProblemDetails UnstorableValue(Exception exception, string state)
    {
        logger.LogWarning(exception, "A value passed validation but the database refused it (SQLSTATE {SqlState}); a validation rule is missing", state);
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["$"] = [Messages.Get("problem.unstorable.detail")] })
        {
            Status = StatusCodes.Status400BadRequest,
            Type = Problems.TypePrefix + "unstorable-value",
            Title = Messages.Get("problem.badRequest.title"),
            Detail = Messages.Get("problem.unstorable.detail"),
        };
    }

    private ProblemDetails Unexpected(Exception exception)
    {
        logger.LogError(exception, "Unhandled exception");
        return new ProblemDetails
        {
            Status = StatusCodes.Status500InternalServerError,
            Title = Messages.Get("problem.unexpected.title"),
            Detail = Messages.Get("problem.unexpected.detail"),
        };
    }

    private static ProblemDetails FromBadRequest(BadHttpRequestException bad, HttpContext httpContext)
    {
        if (bad.StatusCode != StatusCodes.Status400BadRequest)
        {
            // The type and title come from the status (ProblemJsonWriter); the detail is ours, not the server's English.
            return new ProblemDetails
            {
                Status = bad.StatusCode,
                Detail = bad.StatusCode switch
                {
                    StatusCodes.Status415UnsupportedMediaType => Messages.Get("problem.unsupportedMediaType"),
                    StatusCodes.Status413PayloadTooLarge => Messages.Get("limits.bodyTooLarge.detail",
                        httpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Infrastructure.Security.LimitsOptions>>().Value.MaxRequestBodyBytes),
                    _ => bad.Message,
                },
            };
        }

        var errors = new Dictionary<string, string[]>();
        if (bad.InnerException is JsonException json)
        {
            // Broken syntax surfaces as a JsonException wrapping the reader's own (also a JsonException);
            // a well-formed value that does not fit its field has no such inner exception.
            var syntax = json.InnerException is JsonException;
            var path = syntax ? "$" : JsonPath(json.Path);
            var message = json is InvalidTimestampException or InvalidEnumValueException
                ? json.Message
                : syntax || path == "$"
                    ? Messages.Get("problem.malformedJson", (json.LineNumber ?? 0) + 1, (json.BytePositionInLine ?? 0) + 1)
                    : Messages.Get("problem.invalidJsonValue");
            errors[path] = [message];
        }
        // The framework reports binding failures only as English text; the bad-input tests pin these shapes.
        else if (BindFailure().Match(bad.Message) is { Success: true } bind)
        {
            errors[JsonNamingPolicy.CamelCase.ConvertName(bind.Groups["name"].Value)] = [Messages.Get("problem.invalidParameter", bind.Groups["value"].Value)];
        }
        else if (bad.Message.Contains("was not provided from body", StringComparison.Ordinal)
                 || bad.Message.Contains("Implicit body inferred", StringComparison.Ordinal))
        {
            errors["$"] = [Messages.Get("problem.emptyBody")];
        }
        else
        {
            errors["$"] = [bad.Message];
        }

        return new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = Messages.Get("problem.badRequest.title"),
            Detail = Messages.Get("problem.validation.detail"),
            Type = Problems.TypePrefix + "malformed-request",
        };
    }

    /// <summary>"$.customer.preferredChannel" → "customer.preferredChannel", the same keys validators use.</summary>
    private static string JsonPath(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    [GeneratedRegex("""Failed to bind parameter "[^"]*? (?<name>\w+)" from "(?<value>.*)"\.""")]
    private static partial Regex BindFailure();
}
