using HuiFang.Api.Domain.Common;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.FollowUp;
using HuiFang.Api.Features.ServiceRecords.ReceiveServiceRecord;
using HuiFang.Api.Infrastructure.Configuration;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.Extensions.Options;

namespace HuiFang.Api.Features.ServiceRecords.ReceiveServiceRecordBatch;

/// <summary>Receive many service records at once, e.g. a month's work orders.</summary>
/// <param name="Items">The records, each shaped like the body of POST /api/v1/service-records, decided in this order.</param>
public sealed record ReceiveServiceRecordBatch(IReadOnlyList<ServiceRecordRequest?>? Items) : ICommand<Result<ServiceRecordBatchResponse>>;

/// <summary>The outcome of a batch, one result per item in request order.</summary>
/// <param name="Received">Items received now (201 each).</param>
/// <param name="Repeated">Items that repeat a record received before (200 each, the first decision).</param>
/// <param name="Failed">Items refused (400 or 409 each).</param>
/// <param name="Selected">Items received now or before that the policy chose.</param>
/// <param name="Results">One result per item.</param>
public sealed record ServiceRecordBatchResponse(int Received, int Repeated, int Failed, int Selected, IReadOnlyList<ServiceRecordBatchItem> Results);

/// <summary>The outcome of one batch item.</summary>
/// <param name="Index">Zero-based position of the item in the request.</param>
/// <param name="Status">The HTTP status the item would have had on its own (201, 200, 400, 409).</param>
/// <param name="Record">The record and its decision, when the item was taken.</param>
/// <param name="Problem">Why the item was refused, as an RFC 9457 problem.</param>
public sealed record ServiceRecordBatchItem(int Index, int Status, ServiceRecordDetails? Record, HttpValidationProblemDetails? Problem);

public sealed class ReceiveServiceRecordBatchValidator : AbstractValidator<ReceiveServiceRecordBatch>
{
    public ReceiveServiceRecordBatchValidator(IOptions<VisitTaskOptions> options) =>
        RuleFor(x => x.Items).BatchOf(options.Value.MaxBatchSize);
}

/// <summary>Each item is its own command and transaction, decided in request order: a bad item fails alone.</summary>
public sealed class ReceiveServiceRecordBatchHandler(IMediator mediator, HuiFangDbContext db) : ICommandHandler<ReceiveServiceRecordBatch, Result<ServiceRecordBatchResponse>>
{
    public async ValueTask<Result<ServiceRecordBatchResponse>> Handle(ReceiveServiceRecordBatch command, CancellationToken cancellationToken)
    {
        var results = new List<ServiceRecordBatchItem>(command.Items!.Count);
        for (var i = 0; i < command.Items.Count; i++)
        {
            if (command.Items[i] is not { } item)
            {
                results.Add(Failure(i, Error.Validation("$", Messages.Get("problem.emptyBody"))));
                continue;
            }

            var result = await mediator.Send(new ReceiveServiceRecord.ReceiveServiceRecord(item, IntakeSource.Api), cancellationToken);
            results.Add(result.IsSuccess
                ? new ServiceRecordBatchItem(i, result.Value.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK, result.Value.Record, null)
                : Failure(i, result.Error!));
            db.ChangeTracker.Clear();
        }

        return new ServiceRecordBatchResponse(
            results.Count(r => r.Status == StatusCodes.Status201Created),
            results.Count(r => r.Status == StatusCodes.Status200OK),
            results.Count(r => r.Record is null),
            results.Count(r => r.Record?.Decision.Selected == true),
            results);
    }

    private static ServiceRecordBatchItem Failure(int index, Error error)
    {
        var problem = error.ToItemProblem();
        return new ServiceRecordBatchItem(index, problem.Status!.Value, null, problem);
    }
}
