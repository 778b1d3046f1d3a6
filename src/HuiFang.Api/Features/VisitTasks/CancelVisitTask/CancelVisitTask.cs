using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;

namespace HuiFang.Api.Features.VisitTasks.CancelVisitTask;

/// <summary>Cancel a task that is no longer needed.</summary>
/// <param name="Reason">Why the task is cancelled; stored on the task.</param>
public sealed record CancelVisitTaskRequest(string? Reason);

public sealed record CancelVisitTask(Guid Id, string? Reason) : ICommand<Result<VisitTaskResponse>>, ITransactional;

public sealed class CancelVisitTaskValidator : AbstractValidator<CancelVisitTask>
{
    public CancelVisitTaskValidator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(FieldLimits.Reason);
}

public sealed class CancelVisitTaskHandler(HuiFangDbContext db, TimeProvider clock) : ICommandHandler<CancelVisitTask, Result<VisitTaskResponse>>
{
    public ValueTask<Result<VisitTaskResponse>> Handle(CancelVisitTask command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return VisitTaskChange.ApplyAsync(db, command.Id, now, t => t.Cancel(command.Reason!, now), cancellationToken);
    }
}
