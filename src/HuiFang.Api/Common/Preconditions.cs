using HuiFang.Api.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace HuiFang.Api.Common;

/// <summary>
/// An <c>If-Match</c> precondition (RFC 9110 §13.1.1): <c>*</c> or a list of strong entity tags. A
/// resource's entity tag is its version in quotes (<c>"3"</c>); weak tags never match.
/// </summary>
public sealed record IfMatch(bool Any, IReadOnlyList<string> Tags)
{
    public bool Matches(int version) => Any || Tags.Contains(ETags.For(version));

    /// <summary>Null when the header is absent; an error when it is not a valid If-Match value.</summary>
    public static Result<IfMatch?> Parse(string? header)
    {
        if (header is null)
        {
            return (IfMatch?)null;
        }

        if (header.Trim() == "*")
        {
            return new IfMatch(true, []);
        }

        if (!EntityTagHeaderValue.TryParseStrictList([header], out var tags) || tags.Count == 0)
        {
            return Error.Validation("If-Match", Messages.Get("validation.ifMatch"));
        }

        return new IfMatch(false, [.. tags.Where(t => !t.IsWeak).Select(t => t.Tag.ToString())]);
    }
}

public static class ETags
{
    /// <summary>If-Match named another version than the resource's current one (412, with <c>currentETag</c>).</summary>
    public static Error PreconditionFailed(string messageKey, object?[] args, int currentVersion) =>
        new(ErrorKind.PreconditionFailed, "precondition-failed", messageKey, args,
            new Dictionary<string, object?> { ["currentETag"] = For(currentVersion) });

    public static string For(int version) => $"\"{version}\"";

    /// <summary>
    /// True when an <c>If-None-Match</c> header names this version (weak comparison, RFC 9110 §13.1.2), so
    /// that a GET can answer 304. A header that cannot be parsed matches nothing.
    /// </summary>
    public static bool NoneMatchNames(string? header, int version) =>
        header is not null
        && (header.Trim() == "*"
            || (EntityTagHeaderValue.TryParseList([header], out var tags) && tags.Any(t => t.Compare(new EntityTagHeaderValue(For(version)), useStrongComparison: false))));
}

/// <summary>A resource that carries a version, answered with it as its ETag.</summary>
public interface IVersioned
{
    int Version { get; }
}

/// <summary>The HTTP side of versions, shared by every endpoint that reads or changes a versioned resource.</summary>
public static class VersionedResults
{
    /// <summary>200 with the ETag, or 304 when <paramref name="ifNoneMatch"/> names the current version.</summary>
    public static Results<Ok<T>, StatusCodeHttpResult, ProblemHttpResult> Read<T>(Result<T> result, string? ifNoneMatch, HttpContext http)
        where T : IVersioned
    {
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        http.Response.Headers.ETag = ETags.For(result.Value.Version);
        return ETags.NoneMatchNames(ifNoneMatch, result.Value.Version)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(result.Value);
    }

    /// <summary>Parses If-Match (400 when malformed), runs the change, and answers 200 with the new ETag.</summary>
    public static async Task<Results<Ok<T>, ProblemHttpResult>> ChangeAsync<T>(string? ifMatch, HttpContext http, Func<IfMatch?, ValueTask<Result<T>>> send)
        where T : IVersioned
    {
        var precondition = IfMatch.Parse(ifMatch);
        if (!precondition.IsSuccess)
        {
            return precondition.Error!.ToProblem();
        }

        var result = await send(precondition.Value);
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        http.Response.Headers.ETag = ETags.For(result.Value.Version);
        return TypedResults.Ok(result.Value);
    }
}
