using HuiFang.Api.Domain.Common;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;

namespace HuiFang.Api.Features.VisitTasks.CancelVisitTask;

/// <summary>Cancel a task that is no longer needed.</summary>
/// <param name="Reason">Why the task is cancelled; stored on the task.</param>
public sealed record CancelVisitTaskRequest(string? Reason);

public sealed record CancelVisitTask(Guid Id, string? Reason, IfMatch? IfMatch = null) : ICommand<Result<VisitTaskResponse>>, ITransactional;

public sealed class CancelVisitTaskValidator : AbstractValidator<CancelVisitTask>
{
    public CancelVisitTaskValidator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(FieldLimits.Reason);
}

public sealed class CancelVisitTaskHandler(VisitTaskChange change) : ICommandHandler<CancelVisitTask, Result<VisitTaskResponse>>
{
    public ValueTask<Result<VisitTaskResponse>> Handle(CancelVisitTask command, CancellationToken cancellationToken) =>
        change.ApplyAsync(
            command.Id,
            command.IfMatch,
            "cancelled",
            t => t.Cancel(command.Reason!, change.Now),
            t => new { status = t.Status },
            command.Reason,
            (t, _) => VisitTaskEvents.Cancelled(t, t.TenantId, change.Now),
            cancellationToken);
}
