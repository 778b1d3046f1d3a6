using HuiFang.Api.Domain.Common;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.FollowUp;
using HuiFang.Api.Features.ServiceRecords.GetServiceRecord;
using HuiFang.Api.Features.ServiceRecords.ReceiveServiceRecord;
using HuiFang.Api.Features.ServiceRecords.ReceiveServiceRecordBatch;
using HuiFang.Api.Infrastructure.Idempotency;
using HuiFang.Api.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Batch = HuiFang.Api.Features.ServiceRecords.ReceiveServiceRecordBatch.ReceiveServiceRecordBatch;
using Receive = HuiFang.Api.Features.ServiceRecords.ReceiveServiceRecord.ReceiveServiceRecord;

namespace HuiFang.Api.Features.ServiceRecords;

public static class ServiceRecordEndpoints
{
    public const string Route = "/api/v1/service-records";

    public static IEndpointRouteBuilder MapServiceRecords(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Route).WithTags("Service records");

        group.MapPost("/", ReceiveAsync)
            .WithName("ReceiveServiceRecord")
            .WithSummary("Report a completed job; the follow-up policy decides whether the customer is visited")
            .WithDescription("""
                HuiFang applies the tenant's follow-up policy (`GET /api/v1/policies/follow-up`): the rule of the service
                type (the default rule when no rule names it — the decision says so), the record's position in the rule's
                month (by the tenant-local completion date), the sampling decision (keyed hash against the tier's share,
                kept within one visit of the month's target), and for a chosen record a visit task due by the service
                type's timing — unless the customer had another follow-up within the do-not-disturb window (outcome
                `DoNotDisturb`; the month's quota then chooses another record). 201 with the record and its decision.
                Idempotent per work-order number: the same work order again returns 200 with the first decision; with a
                different customer, service type or completion time it is refused (409 `service-record-conflict`).
                The same message can be published to RabbitMQ as `ServiceRecordCompleted`.
                """)
            .Produces<ServiceRecordDetails>(StatusCodes.Status201Created)
            .Produces<ServiceRecordDetails>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireScope(Scopes.TasksWrite)
            .WithIdempotency();

        group.MapPost("/batch", ReceiveBatchAsync)
            .WithName("ReceiveServiceRecordBatch")
            .WithSummary("Report many completed jobs at once")
            .WithDescription("""
                Up to 500 items (setting HuiFang:VisitTasks:MaxBatchSize), each shaped like the body of
                `POST /api/v1/service-records`, decided one by one in request order (send a month's orders in completion
                order to reproduce a decision run). A bad item gets its own problem in `results` and does not sink the
                others. 200 with one result per item whenever the batch itself is well-formed.
                """)
            .Produces<ServiceRecordBatchResponse>()
            .ProducesValidationProblem()
            .RequireScope(Scopes.TasksWrite)
            .WithIdempotency();

        group.MapGet("/{workOrderNo}", GetAsync)
            .WithName("GetServiceRecord")
            .WithSummary("Get a service record and the follow-up decision about it")
            .WithDescription("""
                The record as received and the decision: outcome, rule, tier, the month's volume so far, chosen count and
                target, hash score, purpose, channel, timing and due window, the visit task, the policy version, and an
                explanation in words (English or Chinese by Accept-Language).
                """)
            .Produces<ServiceRecordDetails>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(Scopes.TasksRead);

        return app;
    }

    private static async Task<Results<Created<ServiceRecordDetails>, Ok<ServiceRecordDetails>, ProblemHttpResult>> ReceiveAsync(
        ServiceRecordRequest body, IMediator mediator, CancellationToken ct)
    {
        var result = await mediator.Send(new Receive(body, IntakeSource.Api), ct);
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        var record = result.Value.Record;
        return result.Value.Created
            ? TypedResults.Created($"{Route}/{Uri.EscapeDataString(record.WorkOrderNo)}", record)
            : TypedResults.Ok(record);
    }

    private static async Task<Results<Ok<ServiceRecordBatchResponse>, ProblemHttpResult>> ReceiveBatchAsync(
        Batch body, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(body, ct)).ToOk();

    private static async Task<Results<Ok<ServiceRecordDetails>, ProblemHttpResult>> GetAsync(string workOrderNo, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(new GetServiceRecord.GetServiceRecord(workOrderNo), ct)).ToOk();
}
