using HuiFang.Api.Common;
using HuiFang.Api.Features.Reviews.DecideReviewItem;
using HuiFang.Api.Features.Reviews.GetWeeklyReviewHistory;
using HuiFang.Api.Features.Reviews.ListWeeklyReviews;
using HuiFang.Api.Infrastructure.Idempotency;
using HuiFang.Api.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Complete = HuiFang.Api.Features.Reviews.CompleteWeeklyReview.CompleteWeeklyReview;
using Decide = HuiFang.Api.Features.Reviews.DecideReviewItem.DecideReviewItem;
using Get = HuiFang.Api.Features.Reviews.GetWeeklyReview.GetWeeklyReview;
using History = HuiFang.Api.Features.Reviews.GetWeeklyReviewHistory.GetWeeklyReviewHistory;
using List = HuiFang.Api.Features.Reviews.ListWeeklyReviews.ListWeeklyReviews;
using Open = HuiFang.Api.Features.Reviews.OpenWeeklyReview.OpenWeeklyReview;

namespace HuiFang.Api.Features.Reviews;

public static class ReviewEndpoints
{
    public const string Route = "/api/v1/reviews";

    public static IEndpointRouteBuilder MapReviews(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Route).WithTags("Weekly reviews");

        group.MapPost("/", OpenAsync)
            .WithName("OpenWeeklyReview")
            .WithSummary("Open a department's weekly review by hand")
            .WithDescription("""
                Opens the review of `department`'s ISO `week` (e.g. 2026-W48, Monday to Sunday in the tenant's time zone; the
                running week too): every unsatisfied feedback of the week — verdict Unsatisfied, latest correction, first visits
                and revisits — of that department becomes an item (omit `department` for the feedback without one). Feedback
                recorded later in the week joins the review while it is open. The review monitor opens the finished week's
                reviews by itself. Due by the tenant's quality policy (Monday 12:00 of the following week by default, moved to
                the next working day). One review per department and week (409 `weekly-review-exists` naming it); a week that
                has not begun is refused (400). Raises `WeeklyReviewOpened`.
                """)
            .Produces<WeeklyReviewResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireScope(Scopes.QualityWrite)
            .WithIdempotency();

        group.MapGet("/", ListAsync)
            .WithName("ListWeeklyReviews")
            .WithSummary("List weekly reviews")
            .WithDescription("Filters `week`, `department`, `status` combine with AND. Newest week first; paged by `limit` (1–200, default 50) and `cursor`. Items are not listed: get the review for them.")
            .Produces<WeeklyReviewPage>()
            .ProducesValidationProblem()
            .RequireScope(Scopes.ReportsRead);

        group.MapGet("/{id:guid}", GetAsync)
            .WithName("GetWeeklyReview")
            .WithSummary("Get a weekly review with its items")
            .WithDescription("The review, its deadline, whether it is overdue, and every item with its decision. The `ETag` carries its version, for `If-Match` on a decision or the completion.")
            .Produces<WeeklyReviewResponse>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(Scopes.ReportsRead);

        group.MapGet("/{id:guid}/history", HistoryAsync)
            .WithName("GetWeeklyReviewHistory")
            .WithSummary("Get a weekly review's history")
            .WithDescription("The audit trail of the review, oldest first: opened, items added, items decided (with the notes), completed, overdue.")
            .Produces<WeeklyReviewHistory>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(Scopes.ReportsRead);

        group.MapPost("/{id:guid}/items/{itemId:guid}/decision", DecideAsync)
            .WithName("DecideReviewItem")
            .WithSummary("Decide one item of a weekly review")
            .WithDescription("""
                `FollowUpAgain` plans a new complaint follow-up visit for the customer (due within the escalation policy's revisit
                time, 24 h by default; a follow-up already planned for the work order is refused, 409 `duplicate-visit-task`);
                `NoAction`; `CorrectiveAction` opens a corrective action for the problem (same service type and department) —
                or joins the live action of that problem — with the optional `nonConformity`, `owner` and `dueDate`. The
                caller is recorded as the reviewer. An item is decided once (409 `review-item-decided`); a completed review
                takes no decisions (409). Honours If-Match (412). Raises `WeeklyReviewItemDecided`.
                """)
            .Produces<WeeklyReviewResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .RequireScope(Scopes.QualityWrite)
            .WithIdempotency();

        group.MapPost("/{id:guid}/complete", CompleteAsync)
            .WithName("CompleteWeeklyReview")
            .WithSummary("Complete a weekly review")
            .WithDescription("The caller completes the review as its reviewer; every item must be decided (409 `review-items-undecided` with the count). Completed after the deadline it still counts as overdue in the report. Honours If-Match (412). Raises `WeeklyReviewCompleted`.")
            .Produces<WeeklyReviewResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .RequireScope(Scopes.QualityWrite)
            .WithIdempotency();

        return app;
    }

    private static async Task<Results<Created<WeeklyReviewResponse>, ProblemHttpResult>> OpenAsync(Open body, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var result = await mediator.Send(body, ct);
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        http.Response.Headers.ETag = ETags.For(result.Value.Version);
        return TypedResults.Created($"{Route}/{result.Value.Id}", result.Value);
    }

    private static async Task<Results<Ok<WeeklyReviewPage>, ProblemHttpResult>> ListAsync([AsParameters] List query, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(query, ct)).ToOk();

    private static async Task<Results<Ok<WeeklyReviewResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetAsync(
        Guid id, [FromHeader(Name = "If-None-Match")] string? ifNoneMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.Read(await mediator.Send(new Get(id), ct), ifNoneMatch, http);

    private static async Task<Results<Ok<WeeklyReviewHistory>, ProblemHttpResult>> HistoryAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(new History(id), ct)).ToOk();

    private static Task<Results<Ok<WeeklyReviewResponse>, ProblemHttpResult>> DecideAsync(
        Guid id, Guid itemId, DecideReviewItemRequest body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.ChangeAsync(ifMatch, http, precondition => mediator.Send(new Decide(id, itemId, body.Decision, body.Note, body.NonConformity, body.Owner, body.DueDate, precondition), ct));

    private static Task<Results<Ok<WeeklyReviewResponse>, ProblemHttpResult>> CompleteAsync(
        Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.ChangeAsync(ifMatch, http, precondition => mediator.Send(new Complete(id, precondition), ct));
}
