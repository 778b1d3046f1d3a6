using HuiFang.Api.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HuiFang.Api.Common;

/// <summary>
/// A handler's result as the endpoint's answer: the success status with the value, or the error as its
/// RFC 9457 problem (<see cref="Problems.ToProblem"/>). The one place the endpoints turn results into HTTP.
/// </summary>
public static class ResultHttp
{
    /// <summary>200 with the value, or the problem.</summary>
    public static Results<Ok<T>, ProblemHttpResult> ToOk<T>(this Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();

    /// <summary>201 with the value and the <c>Location</c> of what was created, or the problem.</summary>
    public static Results<Created<T>, ProblemHttpResult> ToCreated<T>(this Result<T> result, Func<T, string> location) =>
        result.IsSuccess ? TypedResults.Created(location(result.Value), result.Value) : result.Error!.ToProblem();
}
