using HuiFang.Api.Domain.Common;
using HuiFang.Api.Common;
using HuiFang.Api.Features.Feedback.CorrectFeedback;
using HuiFang.Api.Features.Feedback.GetFeedback;
using HuiFang.Api.Features.Feedback.ListFeedback;
using HuiFang.Api.Features.Feedback.RecordFeedback;
using HuiFang.Api.Features.Feedback.ReplyToInquiry;
using HuiFang.Api.Infrastructure.Idempotency;
using HuiFang.Api.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HuiFang.Api.Features.Feedback;

public static class FeedbackEndpoints
{
    public const string Route = "/api/v1/feedback";

    public static IEndpointRouteBuilder MapFeedback(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/visit-tasks/{id:guid}/feedback", RecordAsync)
            .WithTags("Feedback")
            .WithName("RecordFeedback")
            .WithSummary("Record what the customer said; completes the visit task")
            .WithDescription("""
                Records the feedback (回访记录) of a visit and completes the task (status Completed). The verdict
                follows from the score by the tenant's thresholds (4–5 satisfied, 3 neutral, 1–2 unsatisfied).
                A complaint (needs `complaintLevel`) or an unsatisfied verdict opens an escalation under its SLA
                (urgent: respond within 2 h; general: within 24 h), routed by the tenant's rules; on a revisit the
                verdict closes the loop (FollowUpLoopClosed) or reopens the escalation at the next level
                (CustomerStillUnsatisfied). Feedback recorded more than 10 minutes after `callEndedAt` is
                accepted and flagged `recordedLate`. An unanswered inquiry (`pendingInquiry`) gets a promised
                reply time (24 h by default) that the SLA monitor tracks. A task that is not open (completed,
                cancelled, unreachable) takes no feedback: 409. Feedback is never changed afterwards; see
                corrections.
                """)
            .Produces<FeedbackResult>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireScope(Scopes.FeedbackWrite)
            .WithIdempotency();

        var group = app.MapGroup(Route).WithTags("Feedback");

        group.MapGet("/", ListAsync)
            .WithName("ListFeedback")
            .WithSummary("List feedback records")
            .WithDescription("Feedback records in the order they were recorded, paged with an opaque cursor. `inquiry=Overdue` is the list of customers still waiting for a promised answer.")
            .Produces<FeedbackPage>()
            .ProducesValidationProblem()
            .RequireScope(Scopes.TasksRead);

        group.MapGet("/{id:guid}", GetAsync)
            .WithName("GetFeedback")
            .WithSummary("Get a feedback record")
            .Produces<FeedbackResponse>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(Scopes.TasksRead);

        group.MapPost("/{id:guid}/corrections", CorrectAsync)
            .WithName("CorrectFeedback")
            .WithSummary("Correct a feedback record (appends; never overwrites)")
            .WithDescription("""
                Appends a new record with the corrected content and a reason; the corrected record keeps its
                content and points to the new one (`supersededBy`). Only the newest record of a chain can be
                corrected (409 `feedback-superseded`). A correction that makes first-visit feedback unsatisfied
                opens the escalation the tenant's rules call for.
                """)
            .Produces<FeedbackResult>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireScope(Scopes.FeedbackWrite)
            .WithIdempotency();

        group.MapPost("/{id:guid}/inquiry-reply", ReplyAsync)
            .WithName("ReplyToInquiry")
            .WithSummary("Record the answer to an inquiry that was promised a reply")
            .WithDescription("Closes the tracked inquiry of a feedback record. 409 `no-open-inquiry` when there is none or it was already answered.")
            .Produces<FeedbackResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireScope(Scopes.FeedbackWrite)
            .WithIdempotency();

        return app;
    }

    private static async Task<Results<Created<FeedbackResult>, ProblemHttpResult>> RecordAsync(Guid id, FeedbackInput body, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(new RecordFeedback.RecordFeedback(id, body), ct)).ToCreated(v => $"{Route}/{v.Feedback.Id}");

    private static async Task<Results<Ok<FeedbackPage>, ProblemHttpResult>> ListAsync([AsParameters] ListFeedback.ListFeedback query, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(query, ct)).ToOk();

    private static async Task<Results<Ok<FeedbackResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetAsync(
        Guid id, [FromHeader(Name = "If-None-Match")] string? ifNoneMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.Read(await mediator.Send(new GetFeedback.GetFeedback(id), ct), ifNoneMatch, http);

    private static async Task<Results<Created<FeedbackResult>, ProblemHttpResult>> CorrectAsync(Guid id, CorrectFeedbackRequest body, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(new CorrectFeedback.CorrectFeedback(id, body.Reason, body.Feedback), ct)).ToCreated(v => $"{Route}/{v.Feedback.Id}");

    private static async Task<Results<Ok<FeedbackResponse>, ProblemHttpResult>> ReplyAsync(Guid id, ReplyToInquiryRequest body, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(new ReplyToInquiry.ReplyToInquiry(id, body.Reply, body.By), ct)).ToOk();
}
