using HuiFang.Api.Domain.Common;
using HuiFang.Api.Common;
using HuiFang.Api.Features.Escalations.AcknowledgeEscalation;
using HuiFang.Api.Features.Escalations.AddEscalationProgress;
using HuiFang.Api.Features.Escalations.GetEscalationHistory;
using HuiFang.Api.Features.Escalations.GetEscalationSla;
using HuiFang.Api.Features.Escalations.ListEscalations;
using HuiFang.Api.Features.Escalations.PauseEscalation;
using HuiFang.Api.Features.Escalations.ReassignEscalation;
using HuiFang.Api.Features.Escalations.ResolveEscalation;
using HuiFang.Api.Infrastructure.Idempotency;
using HuiFang.Api.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HuiFang.Api.Features.Escalations;

public static class EscalationEndpoints
{
    public const string Route = "/api/v1/escalations";

    public static IEndpointRouteBuilder MapEscalations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Route).WithTags("Escalations");

        group.MapPost("/", OpenAsync)
            .WithName("OpenEscalation")
            .WithSummary("Open an escalation by hand")
            .WithDescription("""
                Hands a problem found on a visit task to a department under an SLA (urgent: respond within 2 h,
                general: 24 h, by default). Without `department` the tenant's routing rules choose. A task with
                an escalation that is not closed gets no second one (409 `escalation-already-open`); a revisit
                task's problems reopen its escalation through feedback (409 `revisit-task`).
                """)
            .Produces<EscalationResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireScope(Scopes.EscalationsWrite)
            .WithIdempotency();

        group.MapGet("/", ListAsync)
            .WithName("ListEscalations")
            .WithSummary("The escalation queue")
            .WithDescription("""
                The tenant's escalations, nearest unmet deadline first (those without a running deadline —
                paused, resolved, closed — last), paged with an opaque cursor. Filters: status, department,
                owner, severity, level, breached, dueBefore, taskId, customerId.
                """)
            .Produces<EscalationPage>()
            .ProducesValidationProblem()
            .RequireScope(Scopes.EscalationsRead);

        group.MapGet("/{id:guid}", GetAsync)
            .WithName("GetEscalation")
            .WithSummary("Get an escalation")
            .WithDescription("The escalation with its SLA targets, level, cycle and progress column. The ETag is its version: send it as If-Match on a change so that two agents cannot both act on the same state.")
            .Produces<EscalationResponse>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(Scopes.EscalationsRead);

        group.MapGet("/{id:guid}/history", HistoryAsync)
            .WithName("GetEscalationHistory")
            .WithSummary("Get an escalation's history")
            .WithDescription("The audit trail: every step by people and by the SLA monitor (warnings, breaches, automatic reminders), oldest first.")
            .Produces<EscalationHistory>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(Scopes.EscalationsRead);

        group.MapGet("/{id:guid}/sla", SlaAsync)
            .WithName("GetEscalationSla")
            .WithSummary("Explain an escalation's deadlines")
            .WithDescription("""
                For the current cycle, each target's duration, clock (wall-clock or business hours), the calendar
                used (time zone, working hours, holidays and make-up days in range), the pauses, and the exact
                intervals counted to reach the deadline; elapsed and remaining time as of now.
                """)
            .Produces<EscalationSlaExplanation>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(Scopes.EscalationsRead);

        Step(group, "/{id:guid}/acknowledge", AcknowledgeAsync, "AcknowledgeEscalation", "Acknowledge (first response)",
            "Open → Acknowledged; meets the response target (a late one is recorded as breached, once).");
        Step(group, "/{id:guid}/progress", ProgressAsync, "AddEscalationProgress", "Add a progress note",
            "Acknowledged or InProgress → InProgress, with a note in the progress column.");
        Step(group, "/{id:guid}/pause", PauseAsync, "PauseEscalation", "Pause while waiting on the customer",
            "Open, Acknowledged or InProgress → Paused: both SLA clocks stop; the time paused is recorded. Pausing a paused escalation: 409.");
        Step(group, "/{id:guid}/resume", ResumeAsync, "ResumeEscalation", "Resume after a pause",
            "Paused → the status it had; the deadlines move by the time paused (counted on each target's own clock).");
        Step(group, "/{id:guid}/resolve", ResolveAsync, "ResolveEscalation", "Report the problem fixed",
            "Acknowledged or InProgress → Resolved, and plans the revisit task (complaint follow-up, due within 24 h by default). An escalation never acknowledged cannot be resolved: 409 `escalation-not-acknowledged`.");
        Step(group, "/{id:guid}/reassign", ReassignAsync, "ReassignEscalation", "Reassign to another department or owner",
            "Any status before Resolved; the SLA clocks keep running.");
        Step(group, "/{id:guid}/remind", RemindAsync, "RemindEscalation", "Chase the department (催办)",
            "Records a reminder with a note and publishes EscalationReminderSent. The SLA monitor also reminds automatically while a target is breached, within working hours only.");

        return app;
    }

    private static void Step(RouteGroupBuilder group, string pattern, Delegate handler,
        string name, string summary, string description) =>
        group.MapPost(pattern, handler)
            .WithName(name)
            .WithSummary(summary)
            .WithDescription(description + " Honours If-Match (412 when the escalation changed since you read it).")
            .Produces<EscalationResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .RequireScope(Scopes.EscalationsWrite)
            .WithIdempotency();

    private static async Task<Results<Created<EscalationResponse>, ProblemHttpResult>> OpenAsync(OpenEscalation.OpenEscalation body, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var result = await mediator.Send(body, ct);
        if (result.IsSuccess)
        {
            http.Response.Headers.ETag = ETags.For(result.Value.Version);
        }

        return result.ToCreated(e => $"{Route}/{e.Id}");
    }

    private static async Task<Results<Ok<EscalationPage>, ProblemHttpResult>> ListAsync([AsParameters] ListEscalations.ListEscalations query, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(query, ct)).ToOk();

    private static async Task<Results<Ok<EscalationResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetAsync(
        Guid id, [FromHeader(Name = "If-None-Match")] string? ifNoneMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.Read(await mediator.Send(new GetEscalation.GetEscalation(id), ct), ifNoneMatch, http);

    private static async Task<Results<Ok<EscalationHistory>, ProblemHttpResult>> HistoryAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(new GetEscalationHistory.GetEscalationHistory(id), ct)).ToOk();

    private static async Task<Results<Ok<EscalationSlaExplanation>, ProblemHttpResult>> SlaAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(new GetEscalationSla.GetEscalationSla(id), ct)).ToOk();

    private static Task<Results<Ok<EscalationResponse>, ProblemHttpResult>> AcknowledgeAsync(
        Guid id, EscalationStepRequest body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.ChangeAsync(ifMatch, http, p => mediator.Send(new AcknowledgeEscalation.AcknowledgeEscalation(id, body.Note, body.By, p), ct));

    private static Task<Results<Ok<EscalationResponse>, ProblemHttpResult>> ProgressAsync(
        Guid id, EscalationProgressRequest body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.ChangeAsync(ifMatch, http, p => mediator.Send(new AddEscalationProgress.AddEscalationProgress(id, body.Note, body.By, p), ct));

    private static Task<Results<Ok<EscalationResponse>, ProblemHttpResult>> PauseAsync(
        Guid id, PauseEscalationRequest body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.ChangeAsync(ifMatch, http, p => mediator.Send(new PauseEscalation.PauseEscalation(id, body.Reason, body.By, p), ct));

    private static Task<Results<Ok<EscalationResponse>, ProblemHttpResult>> ResumeAsync(
        Guid id, EscalationStepRequest body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.ChangeAsync(ifMatch, http, p => mediator.Send(new ResumeEscalation.ResumeEscalation(id, body.Note, body.By, p), ct));

    private static Task<Results<Ok<EscalationResponse>, ProblemHttpResult>> ResolveAsync(
        Guid id, ResolveEscalationRequest body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.ChangeAsync(ifMatch, http, p => mediator.Send(new ResolveEscalation.ResolveEscalation(id, body.Resolution, body.By, p), ct));

    private static Task<Results<Ok<EscalationResponse>, ProblemHttpResult>> ReassignAsync(
        Guid id, ReassignEscalationRequest body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.ChangeAsync(ifMatch, http, p => mediator.Send(new ReassignEscalation.ReassignEscalation(id, body.Department, body.Owner, body.Reason, body.By, p), ct));

    private static Task<Results<Ok<EscalationResponse>, ProblemHttpResult>> RemindAsync(
        Guid id, EscalationStepRequest body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.ChangeAsync(ifMatch, http, p => mediator.Send(new RemindEscalation.RemindEscalation(id, body.Note, body.By, p), ct));
}
