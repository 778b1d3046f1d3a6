using HuiFang.Api.Common;
using HuiFang.Api.Features.Surveys.CreateSurveyInvitation;
using HuiFang.Api.Features.Surveys.RevokeSurveyInvitation;
using HuiFang.Api.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Create = HuiFang.Api.Features.Surveys.CreateSurveyInvitation.CreateSurveyInvitation;
using Get = HuiFang.Api.Features.Surveys.GetSurveyInvitation.GetSurveyInvitation;
using List = HuiFang.Api.Features.Surveys.ListSurveyInvitations.ListSurveyInvitations;
using Revoke = HuiFang.Api.Features.Surveys.RevokeSurveyInvitation.RevokeSurveyInvitation;

namespace HuiFang.Api.Features.Surveys;

public static class SurveyEndpoints
{
    public const string Route = "/api/v1/survey-invitations";

    public const string TaskRoute = "/api/v1/visit-tasks/{taskId:guid}/survey-invitations";

    public static IEndpointRouteBuilder MapSurveyInvitations(this IEndpointRouteBuilder app)
    {
        var ofTask = app.MapGroup(TaskRoute).WithTags("Survey invitations");

        // No Idempotency-Key here: a stored answer to replay would keep the link's token, which is shown once and never
        // kept. A retry creates a new invitation, which revokes the one before (one open invitation per task).
        ofTask.MapPost("/", CreateAsync)
            .WithName("CreateSurveyInvitation")
            .WithSummary("Invite the task's customer to answer a survey from a link")
            .WithDescription("""
                Creates a survey link `{PublicBaseUrl}/s/{token}` for an open task (Pending, Assigned) and answers 201 with the
                link and its token. They are shown this once — HuiFang keeps only a SHA-256 hash of the token — and are a
                secret: whoever holds the link can answer in the customer's name, so do not log them. The same link goes out
                in the `SurveyInvitationCreated` event for an SMS or e-mail gateway. The link works for the survey policy's
                `expiryDays` (default 14); one reminder falls due after `reminderAfterDays` unanswered, inside working hours.
                A task has at most one open invitation: a new one revokes the open one (`SurveyInvitationRevoked`, reason
                `Replaced`). A closed task is refused (409 `invalid-transition`), as is a customer who asked not to be
                contacted (409 `do-not-contact`). Not idempotent by key: a retry makes a new link and revokes the first.
                """)
            .Produces<CreatedSurveyInvitationResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireScope(Scopes.TasksWrite);

        ofTask.MapGet("/", ListAsync)
            .WithName("ListSurveyInvitations")
            .WithSummary("List a task's survey invitations")
            .WithDescription("The task's invitations, newest first, at most one of them open. Links are not shown: only their hash is kept.")
            .Produces<SurveyInvitationList>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(Scopes.TasksRead);

        var one = app.MapGroup(Route).WithTags("Survey invitations");

        one.MapGet("/{id:guid}", GetAsync)
            .WithName("GetSurveyInvitation")
            .WithSummary("Get a survey invitation")
            .WithDescription("""
                The invitation's status (Open, Answered, Expired, Revoked), its times, the feedback an answer became and the
                fallback an expiry took. The `ETag` carries its version, for `If-Match` on a revocation. The link is not shown.
                """)
            .Produces<SurveyInvitationResponse>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(Scopes.TasksRead);

        one.MapPost("/{id:guid}/revoke", RevokeAsync)
            .WithName("RevokeSurveyInvitation")
            .WithSummary("Revoke a survey invitation")
            .WithDescription("""
                Withdraws an open invitation: its link stops working at once (the page shows it like an expired one) and
                `SurveyInvitationRevoked` tells the gateway not to send it. Only an open invitation can be revoked (409
                otherwise). Honours If-Match (412). Audited, with the optional reason.
                """)
            .Produces<SurveyInvitationResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .RequireScope(Scopes.TasksWrite);

        return app;
    }

    private static async Task<Results<Created<CreatedSurveyInvitationResponse>, ProblemHttpResult>> CreateAsync(
        Guid taskId, CreateSurveyInvitationRequest? body, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var result = await mediator.Send(new Create(taskId, body?.Language), ct);
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        // The answer holds a secret shown once: no cache, no proxy keeps it.
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.ETag = ETags.For(result.Value.Invitation.Version);
        return TypedResults.Created($"{Route}/{result.Value.Invitation.Id}", result.Value);
    }

    private static async Task<Results<Ok<SurveyInvitationList>, ProblemHttpResult>> ListAsync(Guid taskId, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(new List(taskId), ct)).ToOk();

    private static async Task<Results<Ok<SurveyInvitationResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetAsync(
        Guid id, [FromHeader(Name = "If-None-Match")] string? ifNoneMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.Read(await mediator.Send(new Get(id), ct), ifNoneMatch, http);

    private static Task<Results<Ok<SurveyInvitationResponse>, ProblemHttpResult>> RevokeAsync(
        Guid id, RevokeSurveyInvitationRequest? body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.ChangeAsync(ifMatch, http, precondition => mediator.Send(new Revoke(id, body?.Reason, precondition), ct));
}
