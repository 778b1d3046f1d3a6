using HuiFang.Api.Common;
using HuiFang.Api.Features.CorrectiveActions.AcceptCorrectiveAction;
using HuiFang.Api.Features.CorrectiveActions.CloseCorrectiveAction;
using HuiFang.Api.Features.CorrectiveActions.DismissCorrectiveAction;
using HuiFang.Api.Features.CorrectiveActions.GetCorrectiveActionHistory;
using HuiFang.Api.Features.CorrectiveActions.ImplementCorrectiveAction;
using HuiFang.Api.Features.CorrectiveActions.LinkCorrectiveAction;
using HuiFang.Api.Features.CorrectiveActions.ListCorrectiveActions;
using HuiFang.Api.Features.CorrectiveActions.ReopenCorrectiveAction;
using HuiFang.Api.Features.CorrectiveActions.UpdateCorrectiveAction;
using HuiFang.Api.Features.CorrectiveActions.VerifyCorrectiveAction;
using HuiFang.Api.Infrastructure.Idempotency;
using HuiFang.Api.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Open = HuiFang.Api.Features.CorrectiveActions.OpenCorrectiveAction.OpenCorrectiveAction;

namespace HuiFang.Api.Features.CorrectiveActions;

public static class CorrectiveActionEndpoints
{
    public const string Route = "/api/v1/corrective-actions";

    public static IEndpointRouteBuilder MapCorrectiveActions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Route).WithTags("Corrective actions");

        group.MapPost("/", OpenAsync)
            .WithName("OpenCorrectiveAction")
            .WithSummary("Open a corrective and preventive action by hand")
            .WithDescription("""
                Opens an action (不合格/纠正预防措施报告) for a non-conformity, with its owner, due date (by default the quality
                policy's `correctiveActionDueDays` after today, tenant-local), the feedback records and escalations it is about
                (each must be the tenant's: 422 `corrective-action-unknown-link` otherwise) and optionally the recurring problem it
                answers — one live action (Proposed, Open, Implemented) per problem: 409 `corrective-action-already-open` names the
                one there is. Status Open; `CorrectiveActionOpened` is published. The caller is recorded as the opener.
                """)
            .Produces<CorrectiveActionResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireScope(Scopes.QualityWrite)
            .WithIdempotency();

        group.MapGet("/", ListAsync)
            .WithName("ListCorrectiveActions")
            .WithSummary("List corrective actions")
            .WithDescription("""
                The tenant's corrective actions, newest first, paged with an opaque cursor. Filters: status, department,
                overdue (past the due date and not implemented), source (Manual, Review, Recurrence), feedbackId, escalationId.
                """)
            .Produces<CorrectiveActionPage>()
            .ProducesValidationProblem()
            .RequireScope(Scopes.ReportsRead);

        group.MapGet("/{id:guid}", GetAsync)
            .WithName("GetCorrectiveAction")
            .WithSummary("Get a corrective action")
            .WithDescription("The action with its measures, links, verification and evidence. The ETag is its version: send it as If-Match on a change (412 when it changed since).")
            .Produces<CorrectiveActionResponse>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(Scopes.ReportsRead);

        group.MapGet("/{id:guid}/history", HistoryAsync)
            .WithName("GetCorrectiveActionHistory")
            .WithSummary("Get a corrective action's history")
            .WithDescription("The audit trail: every step by people and by the overdue monitor, oldest first.")
            .Produces<CorrectiveActionHistory>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(Scopes.ReportsRead);

        group.MapPatch("/{id:guid}", UpdateAsync)
            .WithName("UpdateCorrectiveAction")
            .WithSummary("Change a corrective action's fields")
            .WithDescription("""
                Sets the non-conformity, root cause, corrective and preventive action, owner or due date; a field left out stays.
                Not once closed or dismissed (409), the due date not once implemented. Honours If-Match (412). Audited.
                """)
            .Produces<CorrectiveActionResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .RequireScope(Scopes.QualityWrite);

        Transition(group, "/accept", AcceptAsync, "AcceptCorrectiveAction", "Take a proposed corrective action",
            "A proposal of the recurrence rule becomes an open action (only a Proposed one: 409 otherwise). Honours If-Match (412).");
        Transition(group, "/dismiss", DismissAsync, "DismissCorrectiveAction", "Dismiss a proposed corrective action",
            "A proposal not taken: Dismissed, with the reason. It lets go of its problem, which the rule may propose again on a later recurrence. Honours If-Match (412).");
        Transition(group, "/implement", ImplementAsync, "ImplementCorrectiveAction", "Report a corrective action implemented",
            "An open action whose root cause and corrective action are written down (409 `corrective-action-incomplete` otherwise) is Implemented, waiting for its verification; it is no longer overdue. Honours If-Match (412).");
        Transition(group, "/verify", VerifyAsync, "VerifyCorrectiveAction", "Verify a corrective action's effectiveness",
            """
            The quality department's check (the caller is the verifier): the recurrence rule is re-run over the period from
            implementation to now — the problem's occurrences, the most within one window, the threshold — and stored as the
            evidence with the verdict. `effective` defaults to what the evidence says (no recurrence); an action without a problem
            needs it. Once per implementation (409 after). Then close it, or reopen it when not effective. Honours If-Match (412).
            """);
        Transition(group, "/close", CloseAsync, "CloseCorrectiveAction", "Close a verified corrective action",
            "A verified action (409 `corrective-action-not-verified` otherwise) is Closed, as effective or not as its verification found; `CorrectiveActionClosed` is published. Honours If-Match (412).");
        Transition(group, "/reopen", ReopenAsync, "ReopenCorrectiveAction", "Reopen a corrective action found not effective",
            "An implemented action whose verification found it not effective is Open again for a new root cause and measures, optionally with a new due date; its verification is cleared (kept in the history). Honours If-Match (412).");
        Transition(group, "/links", LinkAsync, "LinkCorrectiveAction", "Link feedback and escalations to a corrective action",
            "Links more of the tenant's feedback records and escalations (422 `corrective-action-unknown-link` for one that is not the tenant's); those linked already stay. Not once closed or dismissed. Honours If-Match (412).");

        return app;
    }

    private static void Transition(RouteGroupBuilder group, string path, Delegate handler, string name, string summary, string description) =>
        group.MapPost("/{id:guid}" + path, handler)
            .WithName(name)
            .WithSummary(summary)
            .WithDescription(description)
            .Produces<CorrectiveActionResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireScope(Scopes.QualityWrite);

    private static async Task<Results<Created<CorrectiveActionResponse>, ProblemHttpResult>> OpenAsync(Open body, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var result = await mediator.Send(body, ct);
        if (result.IsSuccess)
        {
            http.Response.Headers.ETag = ETags.For(result.Value.Version);
        }

        return result.ToCreated(a => $"{Route}/{a.Id}");
    }

    private static async Task<Results<Ok<CorrectiveActionPage>, ProblemHttpResult>> ListAsync([AsParameters] ListCorrectiveActions.ListCorrectiveActions query, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(query, ct)).ToOk();

    private static async Task<Results<Ok<CorrectiveActionResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetAsync(
        Guid id, [FromHeader(Name = "If-None-Match")] string? ifNoneMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.Read(await mediator.Send(new GetCorrectiveAction.GetCorrectiveAction(id), ct), ifNoneMatch, http);

    private static async Task<Results<Ok<CorrectiveActionHistory>, ProblemHttpResult>> HistoryAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(new GetCorrectiveActionHistory.GetCorrectiveActionHistory(id), ct)).ToOk();

    private static Task<Results<Ok<CorrectiveActionResponse>, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateCorrectiveActionRequest body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.ChangeAsync(ifMatch, http, precondition => mediator.Send(new UpdateCorrectiveAction.UpdateCorrectiveAction(id, body, precondition), ct));

    private static Task<Results<Ok<CorrectiveActionResponse>, ProblemHttpResult>> AcceptAsync(
        Guid id, AcceptCorrectiveActionRequest? body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.ChangeAsync(ifMatch, http, precondition => mediator.Send(new AcceptCorrectiveAction.AcceptCorrectiveAction(id, body?.Note, precondition), ct));

    private static Task<Results<Ok<CorrectiveActionResponse>, ProblemHttpResult>> DismissAsync(
        Guid id, DismissCorrectiveActionRequest? body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.ChangeAsync(ifMatch, http, precondition => mediator.Send(new DismissCorrectiveAction.DismissCorrectiveAction(id, body?.Reason, precondition), ct));

    private static Task<Results<Ok<CorrectiveActionResponse>, ProblemHttpResult>> ImplementAsync(
        Guid id, ImplementCorrectiveActionRequest? body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.ChangeAsync(ifMatch, http, precondition => mediator.Send(new ImplementCorrectiveAction.ImplementCorrectiveAction(id, body?.Note, precondition), ct));

    private static Task<Results<Ok<CorrectiveActionResponse>, ProblemHttpResult>> VerifyAsync(
        Guid id, VerifyCorrectiveActionRequest? body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.ChangeAsync(ifMatch, http, precondition => mediator.Send(new VerifyCorrectiveAction.VerifyCorrectiveAction(id, body?.Effective, body?.Note, precondition), ct));

    private static Task<Results<Ok<CorrectiveActionResponse>, ProblemHttpResult>> CloseAsync(
        Guid id, CloseCorrectiveActionRequest? body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.ChangeAsync(ifMatch, http, precondition => mediator.Send(new CloseCorrectiveAction.CloseCorrectiveAction(id, body?.Note, precondition), ct));

    private static Task<Results<Ok<CorrectiveActionResponse>, ProblemHttpResult>> ReopenAsync(
        Guid id, ReopenCorrectiveActionRequest? body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.ChangeAsync(ifMatch, http, precondition => mediator.Send(new ReopenCorrectiveAction.ReopenCorrectiveAction(id, body?.Reason, body?.DueDate, precondition), ct));

    private static Task<Results<Ok<CorrectiveActionResponse>, ProblemHttpResult>> LinkAsync(
        Guid id, LinkCorrectiveActionRequest body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.ChangeAsync(ifMatch, http, precondition => mediator.Send(new LinkCorrectiveAction.LinkCorrectiveAction(id, body.FeedbackIds ?? [], body.EscalationIds ?? [], precondition), ct));
}
