using HuiFang.Api.Common;
using HuiFang.Api.Features.SpotChecks.CompleteSpotCheck;
using HuiFang.Api.Features.SpotChecks.GetSpotCheckHistory;
using HuiFang.Api.Features.SpotChecks.JudgeSpotCheckPick;
using HuiFang.Api.Features.SpotChecks.ListSpotChecks;
using HuiFang.Api.Infrastructure.Idempotency;
using HuiFang.Api.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Complete = HuiFang.Api.Features.SpotChecks.CompleteSpotCheck.CompleteSpotCheck;
using Get = HuiFang.Api.Features.SpotChecks.GetSpotCheck.GetSpotCheck;
using History = HuiFang.Api.Features.SpotChecks.GetSpotCheckHistory.GetSpotCheckHistory;
using Judge = HuiFang.Api.Features.SpotChecks.JudgeSpotCheckPick.JudgeSpotCheckPick;
using List = HuiFang.Api.Features.SpotChecks.ListSpotChecks.ListSpotChecks;
using Open = HuiFang.Api.Features.SpotChecks.OpenSpotCheck.OpenSpotCheck;
using Preview = HuiFang.Api.Features.SpotChecks.PreviewSpotCheck.PreviewSpotCheck;

namespace HuiFang.Api.Features.SpotChecks;

public static class SpotCheckEndpoints
{
    public const string Route = "/api/v1/spot-checks";

    private const string Sampling = """
        The sample: the month's completed visits (the latest feedback record of each visit recorded in the month, tenant
        time; revisits included), per agent (the task's assignee, else who recorded the feedback). Each agent's visits are
        ordered by a keyed hash score — HMAC-SHA256 under the follow-up policy's `samplingKey` (the tenant id by default)
        of `spot-check:{month}:{level}`, a line feed and the task id — and the lowest are taken: `percent` of them rounded
        up (at least one), or `countPerAgent` (all when fewer); without either, the quality policy's default (10 %). Same
        visits, month, level and rule → the same picks; another month or level → another sample. Every pick is explained.
        """;

    public static IEndpointRouteBuilder MapSpotChecks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Route).WithTags("Spot-checks");

        group.MapPost("/", OpenAsync)
            .WithName("OpenSpotCheck")
            .WithSummary("Open a monthly spot-check of the follow-up records")
            .WithDescription("""
                Opens a spot-check (月度抽查) of a month at a level (Supervisor, ProjectManager, QualityDepartment,
                RegionalDirector) and answers 201 with its picks, each with its explanation and the facts the service sees
                (recorded within 10 minutes, missing fields, subjective words). The caller is recorded as the opener.
                Opening the same month, level and rule again gives the same picks: a sample cannot be re-drawn. A month
                without visits gives an empty spot-check. Publishes `SpotCheckOpened`. Honours Idempotency-Key.
                """ + "\n\n" + Sampling)
            .Produces<SpotCheckResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .RequireScope(Scopes.QualityWrite)
            .WithIdempotency();

        group.MapGet("/preview", PreviewAsync)
            .WithName("PreviewSpotCheck")
            .WithSummary("Draw a month's sample without opening a spot-check")
            .WithDescription("What opening a spot-check with the same query would pick now, explained, without creating anything.\n\n" + Sampling)
            .Produces<SpotCheckPreview>()
            .ProducesValidationProblem()
            .RequireScope(Scopes.ReportsRead);

        group.MapGet("/", ListAsync)
            .WithName("ListSpotChecks")
            .WithSummary("List spot-checks")
            .WithDescription("The tenant's spot-checks, newest first, paged with an opaque cursor, without their picks. Filters: month, level, status, department.")
            .Produces<SpotCheckPage>()
            .ProducesValidationProblem()
            .RequireScope(Scopes.ReportsRead);

        group.MapGet("/{id:guid}", GetAsync)
            .WithName("GetSpotCheck")
            .WithSummary("Get a spot-check with its picks")
            .WithDescription("The spot-check with every pick: why it was picked (agent population, hash score, rank, how many were taken and why), the facts, and the judgment. The ETag is its version, for If-Match on a judgment or the completion.")
            .Produces<SpotCheckResponse>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(Scopes.ReportsRead);

        group.MapGet("/{id:guid}/history", HistoryAsync)
            .WithName("GetSpotCheckHistory")
            .WithSummary("Get a spot-check's history")
            .WithDescription("The audit trail, oldest first: opened, each pick judged (or judged again), completed — who and when.")
            .Produces<SpotCheckHistory>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(Scopes.ReportsRead);

        group.MapPost("/{id:guid}/picks/{pickId:guid}/judgment", JudgeAsync)
            .WithName("JudgeSpotCheckPick")
            .WithSummary("Judge a picked visit")
            .WithDescription("""
                Records whether the visit was real and the record complete, objective and on time (pass = all four), with
                reasons (at least one for a fail) and a note; the caller is recorded as the reviewer. A pick may be judged
                again while the spot-check is open; a completed one refuses (409). Honours If-Match (412).
                """)
            .Produces<SpotCheckResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .RequireScope(Scopes.QualityWrite)
            .WithIdempotency();

        group.MapPost("/{id:guid}/complete", CompleteAsync)
            .WithName("CompleteSpotCheck")
            .WithSummary("Complete a spot-check")
            .WithDescription("""
                Open → Completed once every pick is judged (409 `spot-check-picks-not-judged` otherwise, with how many wait);
                publishes `SpotCheckCompleted` with the pass and fail counts. Honours If-Match (412).
                """)
            .Produces<SpotCheckResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .RequireScope(Scopes.QualityWrite)
            .WithIdempotency();

        return app;
    }

    private static async Task<Results<Created<SpotCheckResponse>, ProblemHttpResult>> OpenAsync(Open body, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var result = await mediator.Send(body, ct);
        if (result.IsSuccess)
        {
            http.Response.Headers.ETag = ETags.For(result.Value.Version);
        }

        return result.ToCreated(s => $"{Route}/{s.Id}");
    }

    private static async Task<Results<Ok<SpotCheckPreview>, ProblemHttpResult>> PreviewAsync([AsParameters] Preview query, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(query, ct)).ToOk();

    private static async Task<Results<Ok<SpotCheckPage>, ProblemHttpResult>> ListAsync([AsParameters] List query, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(query, ct)).ToOk();

    private static async Task<Results<Ok<SpotCheckResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetAsync(
        Guid id, [FromHeader(Name = "If-None-Match")] string? ifNoneMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.Read(await mediator.Send(new Get(id), ct), ifNoneMatch, http);

    private static async Task<Results<Ok<SpotCheckHistory>, ProblemHttpResult>> HistoryAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(new History(id), ct)).ToOk();

    private static Task<Results<Ok<SpotCheckResponse>, ProblemHttpResult>> JudgeAsync(
        Guid id, Guid pickId, JudgeSpotCheckPickRequest body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.ChangeAsync(ifMatch, http, p => mediator.Send(new Judge(id, pickId, body.Real, body.Complete, body.Objective, body.OnTime, body.Reasons, body.Note, p), ct));

    private static Task<Results<Ok<SpotCheckResponse>, ProblemHttpResult>> CompleteAsync(
        Guid id, CompleteSpotCheckRequest? body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.ChangeAsync(ifMatch, http, p => mediator.Send(new Complete(id, body?.Note, p), ct));
}
