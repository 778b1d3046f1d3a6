using HuiFang.Api.Domain.Common;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Api.Services.Changes;
using HuiFang.Api.Services.VisitTasks;
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

public sealed class CancelVisitTaskHandler(VersionedChange change, TimeProvider clock, ICurrentCaller caller) : ICommandHandler<CancelVisitTask, Result<VisitTaskResponse>>
{
    public async ValueTask<Result<VisitTaskResponse>> Handle(CancelVisitTask command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cancelled = await change.ApplyAsync(VisitTaskResource.Instance, command.Id, command.IfMatch, t => t.Cancel(command.Reason!, now), cancellationToken);
        return cancelled.Map(t => VisitTaskResponse.From(t, now, caller.Has(Scopes.PiiRead)));
    }
}
