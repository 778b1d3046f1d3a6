using HuiFang.Api.Common;
using HuiFang.Api.Features.Questionnaires.CreateQuestionnaire;
using HuiFang.Api.Features.Questionnaires.GetCallScript;
using HuiFang.Api.Features.Questionnaires.GetQuestionnaire;
using HuiFang.Api.Features.Questionnaires.GetQuestionnaireVersion;
using HuiFang.Api.Features.Questionnaires.ListQuestionnaires;
using HuiFang.Api.Features.Questionnaires.ReplaceQuestionnaire;
using HuiFang.Api.Features.Questionnaires.RetireQuestionnaire;
using HuiFang.Api.Infrastructure.Idempotency;
using HuiFang.Api.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HuiFang.Api.Features.Questionnaires;

public static class QuestionnaireEndpoints
{
    public const string Route = "/api/v1/questionnaires";

    public static IEndpointRouteBuilder MapQuestionnaires(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Route).WithTags("Questionnaires");

        group.MapPost("/", CreateAsync)
            .WithName("CreateQuestionnaire")
            .WithSummary("Create a questionnaire with its call script")
            .WithDescription("""
                Stores a questionnaire (问卷) and its call script (话术) as version 1. It is chosen for tasks planned from
                now on whose purpose matches and — when given — whose service type (any letter case) and channel match;
                the most specific active match wins (service type and channel, then service type, then channel, then the
                purpose's default with neither), and the shipped default (`GET /api/v1/questionnaires/default`) when
                none matches. Two active questionnaires with the same purpose, service type and channel are refused
                (409 `questionnaire-selector-taken`), so there is at most one default per purpose. Every text is given
                in zh-CN and en; exactly one question is the required OverallScore (the feedback's score); keys are
                lowercase letters, digits, '-' and '_'. Audited.
                """)
            .Produces<QuestionnaireResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireScope(Scopes.Admin)
            .WithIdempotency();

        group.MapGet("/", ListAsync)
            .WithName("ListQuestionnaires")
            .WithSummary("List the tenant's questionnaires")
            .WithDescription("The tenant's questionnaires, oldest first, without their content: the active ones unless `status` or `all=true` says otherwise.")
            .Produces<QuestionnaireList>()
            .ProducesValidationProblem()
            .RequireScope(Scopes.TasksRead);

        group.MapGet("/default", GetShippedAsync)
            .WithName("GetShippedQuestionnaire")
            .WithSummary("Get the shipped default questionnaire")
            .WithDescription("The questionnaire tasks ask with when the tenant has no matching one of its own (questionnaireId null, version 1). It follows the example questions of the follow-up rules: overall score, response speed, professionalism, the staff's conduct, whether the problem was solved, anything else to tell (praise, suggestion, inquiry, complaint), details, NPS.")
            .Produces<QuestionnaireVersionResponse>()
            .Produces(StatusCodes.Status304NotModified)
            .RequireScope(Scopes.TasksRead);

        group.MapGet("/{id:guid}", GetAsync)
            .WithName("GetQuestionnaire")
            .WithSummary("Get a questionnaire with its current content")
            .Produces<QuestionnaireResponse>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(Scopes.TasksRead);

        group.MapPut("/{id:guid}", ReplaceAsync)
            .WithName("ReplaceQuestionnaire")
            .WithSummary("Replace a questionnaire: its content becomes a new version")
            .WithDescription("""
                Replaces name, selector (purpose, service type, channel) and content. The content becomes a new version
                (`currentVersion` + 1) used by tasks planned from now on; versions are never changed, so a task planned
                with an earlier version keeps being checked against — and scripted from — that one. Honours If-Match
                (412); a retired questionnaire cannot be replaced (409 `questionnaire-retired`); a selector another
                active questionnaire holds is refused (409 `questionnaire-selector-taken`). Audited.
                """)
            .Produces<QuestionnaireResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .RequireScope(Scopes.Admin);

        group.MapDelete("/{id:guid}", RetireAsync)
            .WithName("RetireQuestionnaire")
            .WithSummary("Retire a questionnaire")
            .WithDescription("New tasks no longer get it (the next most specific match, or the shipped default, takes its place); tasks planned with one of its versions keep it, and its versions stay readable. The record is kept for the audit trail (with `reason`, if given); retiring a retired questionnaire changes nothing. Honours If-Match (412). Audited.")
            .Produces<QuestionnaireResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .RequireScope(Scopes.Admin);

        group.MapGet("/{id:guid}/versions/{version:int}", GetVersionAsync)
            .WithName("GetQuestionnaireVersion")
            .WithSummary("Get one version of a questionnaire")
            .WithDescription("The content of one version, as tasks that pinned it (`questionnaireId`, `questionnaireVersion` on the task) see it; it never changes.")
            .Produces<QuestionnaireVersionResponse>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(Scopes.TasksRead);

        app.MapGet("/api/v1/visit-tasks/{id:guid}/script", GetScriptAsync)
            .WithTags("Questionnaires")
            .WithName("GetCallScript")
            .WithSummary("Get the agent's call script for a visit task")
            .WithDescription("""
                The call script (话术) of the questionnaire version the task was planned with: the opening, each
                question as the agent asks it with its kind, score range or options, and the closing. Placeholders are
                filled: `{serviceDate}` with the day of the service in the tenant's calendar time zone, `{serviceType}`,
                and `{customer}` with the customer's masked salutation (surname and title, e.g. 王先生/女士 or Mr/Ms
                Smith — never the full name or the phone). The language follows Accept-Language (zh-CN or en; English
                otherwise) and is named in `language` and Content-Language. Record the answers with
                `POST /api/v1/visit-tasks/{id}/feedback` (`answers`, one per question key).
                """)
            .Produces<CallScriptResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(Scopes.TasksRead);

        return app;
    }

    private static async Task<Results<Created<QuestionnaireResponse>, ProblemHttpResult>> CreateAsync(QuestionnaireInput body, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(new CreateQuestionnaire.CreateQuestionnaire(body), ct)).ToCreated(v => $"{Route}/{v.Id}");

    private static async Task<Results<Ok<QuestionnaireList>, ProblemHttpResult>> ListAsync([AsParameters] ListQuestionnaires.ListQuestionnaires query, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(query, ct)).ToOk();

    private static async Task<Results<Ok<QuestionnaireVersionResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetShippedAsync(
        [FromHeader(Name = "If-None-Match")] string? ifNoneMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.Read(await mediator.Send(new GetShippedQuestionnaire(), ct), ifNoneMatch, http);

    private static async Task<Results<Ok<QuestionnaireResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetAsync(
        Guid id, [FromHeader(Name = "If-None-Match")] string? ifNoneMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.Read(await mediator.Send(new GetQuestionnaire.GetQuestionnaire(id), ct), ifNoneMatch, http);

    private static Task<Results<Ok<QuestionnaireResponse>, ProblemHttpResult>> ReplaceAsync(
        Guid id, QuestionnaireInput body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.ChangeAsync(ifMatch, http, precondition => mediator.Send(new ReplaceQuestionnaire.ReplaceQuestionnaire(id, body, precondition), ct));

    private static Task<Results<Ok<QuestionnaireResponse>, ProblemHttpResult>> RetireAsync(
        Guid id, [FromQuery] string? reason, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.ChangeAsync(ifMatch, http, precondition => mediator.Send(new RetireQuestionnaire.RetireQuestionnaire(id, reason, precondition), ct));

    private static async Task<Results<Ok<QuestionnaireVersionResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetVersionAsync(
        Guid id, int version, [FromHeader(Name = "If-None-Match")] string? ifNoneMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.Read(await mediator.Send(new GetQuestionnaireVersion.GetQuestionnaireVersion(id, version), ct), ifNoneMatch, http);

    private static async Task<Results<Ok<CallScriptResponse>, ProblemHttpResult>> GetScriptAsync(Guid id, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var result = await mediator.Send(new GetCallScript.GetCallScript(id), ct);
        if (result.IsSuccess)
        {
            http.Response.Headers.ContentLanguage = result.Value.Language;
            http.Response.Headers.Vary = "Accept-Language";
        }

        return result.ToOk();
    }
}
