using HuiFang.Api.Domain.Common;
using HuiFang.Api.Common;
using HuiFang.Api.Features.VisitTasks.CreateVisitTask;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;

namespace HuiFang.Api.Features.VisitTasks.CreateVisitTaskBatch;

/// <summary>Plan many visits at once. Each item is validated and stored on its own: a bad item does not sink the good ones.</summary>
/// <param name="Items">The tasks to create, each shaped like the body of POST /api/v1/visit-tasks.</param>
public sealed record CreateVisitTaskBatch(IReadOnlyList<CreateVisitTask.CreateVisitTask>? Items) : ICommand<Result<BatchResponse>>;

/// <summary>The outcome of a batch, one result per item in request order.</summary>
/// <param name="Succeeded">Items created.</param>
/// <param name="Failed">Items refused.</param>
/// <param name="Results">One result per item.</param>
public sealed record BatchResponse(int Succeeded, int Failed, IReadOnlyList<BatchItemResult> Results);

/// <summary>The outcome of one batch item.</summary>
/// <param name="Index">Zero-based position of the item in the request.</param>
/// <param name="Status">The HTTP status the item would have had on its own (201, 400, 409).</param>
/// <param name="Task">The created task, when the item succeeded.</param>
/// <param name="Problem">Why the item was refused, as an RFC 9457 problem; <c>errors</c> names the invalid fields of a 400 item.</param>
public sealed record BatchItemResult(int Index, int Status, VisitTaskResponse? Task, HttpValidationProblemDetails? Problem);

public sealed class CreateVisitTaskBatchHandler(IMediator mediator, HuiFangDbContext db) : ICommandHandler<CreateVisitTaskBatch, Result<BatchResponse>>
{
    public async ValueTask<Result<BatchResponse>> Handle(CreateVisitTaskBatch command, CancellationToken cancellationToken)
    {
        var results = new List<BatchItemResult>(command.Items!.Count);
        for (var i = 0; i < command.Items.Count; i++)
        {
            var item = command.Items[i];
            if (item is null)
            {
                results.Add(Failure(i, Error.Validation("$", Messages.Get("problem.emptyBody"))));
                continue;
            }

            // Each item is its own command: validated and committed (or rolled back) on its own.
            var result = await mediator.Send(item, cancellationToken);
            results.Add(result.IsSuccess ? new BatchItemResult(i, StatusCodes.Status201Created, result.Value, null) : Failure(i, result.Error!));

            // Items are independent; keeping them tracked would make every later save slower.
            db.ChangeTracker.Clear();
        }

        var succeeded = results.Count(r => r.Task is not null);
        return new BatchResponse(succeeded, results.Count - succeeded, results);
    }

    private static BatchItemResult Failure(int index, Error error)
    {
        var problem = error.ToItemProblem();
        return new BatchItemResult(index, problem.Status!.Value, null, problem);
    }
}
