using HuiFang.Api.Domain.Common;
using HuiFang.Api.Common;
using HuiFang.Api.Features.VisitTasks.AssignVisitTask;
using HuiFang.Api.Features.VisitTasks.CancelVisitTask;
using HuiFang.Api.Features.VisitTasks.CreateVisitTaskBatch;
using HuiFang.Api.Features.VisitTasks.GetVisitTask;
using HuiFang.Api.Features.VisitTasks.GetVisitTaskHistory;
using HuiFang.Api.Features.VisitTasks.ListVisitTasks;
using HuiFang.Api.Features.VisitTasks.RecordContactAttempt;
using HuiFang.Api.Features.VisitTasks.RescheduleVisitTask;
using HuiFang.Api.Infrastructure.Idempotency;
using HuiFang.Api.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Assign = HuiFang.Api.Features.VisitTasks.AssignVisitTask.AssignVisitTask;
using Batch = HuiFang.Api.Features.VisitTasks.CreateVisitTaskBatch.CreateVisitTaskBatch;
using Cancel = HuiFang.Api.Features.VisitTasks.CancelVisitTask.CancelVisitTask;
using Create = HuiFang.Api.Features.VisitTasks.CreateVisitTask.CreateVisitTask;
using Get = HuiFang.Api.Features.VisitTasks.GetVisitTask.GetVisitTask;
using History = HuiFang.Api.Features.VisitTasks.GetVisitTaskHistory.GetVisitTaskHistory;
using List = HuiFang.Api.Features.VisitTasks.ListVisitTasks.ListVisitTasks;
using RecordAttempt = HuiFang.Api.Features.VisitTasks.RecordContactAttempt.RecordContactAttempt;
using Reschedule = HuiFang.Api.Features.VisitTasks.RescheduleVisitTask.RescheduleVisitTask;

namespace HuiFang.Api.Features.VisitTasks;

public static class VisitTaskEndpoints
{
    public const string Route = "/api/v1/visit-tasks";

    public static IEndpointRouteBuilder MapVisitTasks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Route).WithTags("Visit tasks");

        group.MapPost("/", CreateAsync)
            .WithName("CreateVisitTask")
            .WithSummary("Create a visit task")
            .WithDescription("""
                Plans a follow-up visit (回访任务) for one customer about one completed job. Without a `dueWindow`
                the timing rules plan it from the purpose and service type (after-sales: 3rd–7th working day;
                complaint follow-up: within 24 h; emergency repair: immediately; activity: within 5 days;
                routine repair: the monthly batch from the 26th; periodic: next month), inside working hours
                of the business calendar. A non-complaint visit for a customer with another follow-up within
                30 days is refused (409 `do-not-disturb`) unless `doNotDisturbOverride` gives a reason.
                One task per work order and purpose: a duplicate is refused (409 `duplicate-visit-task`).
                """)
            .Produces<VisitTaskResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireScope(Scopes.TasksWrite)
            .WithIdempotency();

        group.MapPost("/batch", CreateBatchAsync)
            .WithName("CreateVisitTaskBatch")
            .WithSummary("Create many visit tasks at once")
            .WithDescription("""
                Up to 500 items (setting HuiFang:VisitTasks:MaxBatchSize), each shaped like the body of
                `POST /api/v1/visit-tasks`. Items are validated and stored one by one, in order: a bad item
                gets its own problem in `results` and does not sink the good ones. The response is 200 with
                one result per item whenever the batch itself is well-formed.
                """)
            .Produces<BatchResponse>()
            .ProducesValidationProblem()
            .RequireScope(Scopes.TasksWrite)
            .WithIdempotency();

        group.MapGet("/{id:guid}", GetAsync)
            .WithName("GetVisitTask")
            .WithSummary("Get a visit task")
            .WithDescription("""
                The task with its due window, planned contact, attempts and status. The `ETag` header carries
                the task's version: send it back as `If-Match` on a change to make sure nobody changed the
                task since you read it, or as `If-None-Match` to get 304 when it is unchanged.
                """)
            .Produces<VisitTaskResponse>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(Scopes.TasksRead);

        group.MapGet("/{id:guid}/history", HistoryAsync)
            .WithName("GetVisitTaskHistory")
            .WithSummary("Get a visit task's history")
            .WithDescription("The audit trail of the task: who (API key, token subject or the system) did what and when, oldest first.")
            .Produces<VisitTaskHistory>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(Scopes.TasksRead);

        group.MapGet("/", ListAsync)
            .WithName("ListVisitTasks")
            .WithSummary("List visit tasks")
            .WithDescription("""
                Filters combine with AND. Results are ordered by the close of the due window, then id, and
                paged with an opaque cursor: pass `nextCursor` back as `cursor` until it is null. The order
                is stable, so a task is never returned twice while paging.
                """)
            .Produces<VisitTaskPage>()
            .ProducesValidationProblem()
            .RequireScope(Scopes.TasksRead);

        group.MapPost("/{id:guid}/assign", AssignAsync)
            .WithName("AssignVisitTask")
            .WithSummary("Assign or reassign a visit task")
            .WithDescription("Sets the agent responsible for the visit. Only open tasks (Pending, Assigned) can be assigned.")
            .Produces<VisitTaskResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .RequireScope(Scopes.TasksWrite)
            .WithIdempotency();

        group.MapPost("/{id:guid}/reschedule", RescheduleAsync)
            .WithName("RescheduleVisitTask")
            .WithSummary("Reschedule a visit task")
            .WithDescription("Moves the next contact to `scheduledFor` (in the future), optionally with a new deadline `dueBy`. Only open tasks can be rescheduled.")
            .Produces<VisitTaskResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .RequireScope(Scopes.TasksWrite)
            .WithIdempotency();

        group.MapPost("/{id:guid}/cancel", CancelAsync)
            .WithName("CancelVisitTask")
            .WithSummary("Cancel a visit task")
            .WithDescription("Closes an open task with a reason. A cancelled task no longer blocks a new task for the same work order and purpose.")
            .Produces<VisitTaskResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .RequireScope(Scopes.TasksWrite)
            .WithIdempotency();

        group.MapPost("/{id:guid}/attempts", RecordAttemptAsync)
            .WithName("RecordContactAttempt")
            .WithSummary("Record a contact attempt that did not reach the customer")
            .WithDescription("""
                NoAnswer, Busy, WrongNumber and Refused count as failed attempts: the next contact is planned
                two working hours later (setting HuiFang:VisitTasks:RetryAfter), and after 3 failed attempts
                (HuiFang:VisitTasks:MaxFailedAttempts) the task becomes Unreachable. CallbackRequested needs
                `callbackAt`: the next contact moves to the customer's time and does not count as failed.
                """)
            .Produces<VisitTaskResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .RequireScope(Scopes.TasksWrite)
            .WithIdempotency();

        return app;
    }

    private static async Task<Results<Created<VisitTaskResponse>, ProblemHttpResult>> CreateAsync(Create body, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var result = await mediator.Send(body, ct);
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        http.Response.Headers.ETag = ETags.For(result.Value.Version);
        return TypedResults.Created($"{Route}/{result.Value.Id}", result.Value);
    }

    private static async Task<Results<Ok<BatchResponse>, ProblemHttpResult>> CreateBatchAsync(Batch body, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(body, ct)).ToOk();

    private static async Task<Results<Ok<VisitTaskResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetAsync(
        Guid id, [FromHeader(Name = "If-None-Match")] string? ifNoneMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.Read(await mediator.Send(new Get(id), ct), ifNoneMatch, http);

    private static async Task<Results<Ok<VisitTaskHistory>, ProblemHttpResult>> HistoryAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(new History(id), ct)).ToOk();

    private static async Task<Results<Ok<VisitTaskPage>, ProblemHttpResult>> ListAsync([AsParameters] List query, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(query, ct)).ToOk();

    private static Task<Results<Ok<VisitTaskResponse>, ProblemHttpResult>> AssignAsync(
        Guid id, AssignVisitTaskRequest body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.ChangeAsync(ifMatch, http, precondition => mediator.Send(new Assign(id, body.Assignee, precondition), ct));

    private static Task<Results<Ok<VisitTaskResponse>, ProblemHttpResult>> RescheduleAsync(
        Guid id, RescheduleVisitTaskRequest body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.ChangeAsync(ifMatch, http, precondition => mediator.Send(new Reschedule(id, body.ScheduledFor, body.DueBy, body.Reason, precondition), ct));

    private static Task<Results<Ok<VisitTaskResponse>, ProblemHttpResult>> CancelAsync(
        Guid id, CancelVisitTaskRequest body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.ChangeAsync(ifMatch, http, precondition => mediator.Send(new Cancel(id, body.Reason, precondition), ct));

    private static Task<Results<Ok<VisitTaskResponse>, ProblemHttpResult>> RecordAttemptAsync(
        Guid id, RecordContactAttemptRequest body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.ChangeAsync(ifMatch, http, precondition => mediator.Send(new RecordAttempt(id, body.Outcome, body.Note, body.CallbackAt, body.RecordedBy, precondition), ct));
}
