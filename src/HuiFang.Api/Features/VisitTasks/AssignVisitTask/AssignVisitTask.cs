using HuiFang.Api.Domain.Common;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Api.Services.Changes;
using HuiFang.Api.Services.VisitTasks;
using Mediator;

namespace HuiFang.Api.Features.VisitTasks.AssignVisitTask;

/// <summary>Assign or reassign a task to an agent.</summary>
/// <param name="Assignee">The agent who will make the visit.</param>
public sealed record AssignVisitTaskRequest(string? Assignee);

public sealed record AssignVisitTask(Guid Id, string? Assignee, IfMatch? IfMatch = null) : ICommand<Result<VisitTaskResponse>>, ITransactional;

public sealed class AssignVisitTaskValidator : AbstractValidator<AssignVisitTask>
{
    public AssignVisitTaskValidator() => RuleFor(x => x.Assignee).NotEmpty().MaximumLength(FieldLimits.Name);
}

public sealed class AssignVisitTaskHandler(VersionedChange change, TimeProvider clock, ICurrentCaller caller) : ICommandHandler<AssignVisitTask, Result<VisitTaskResponse>>
{
    public async ValueTask<Result<VisitTaskResponse>> Handle(AssignVisitTask command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var assigned = await change.ApplyAsync(VisitTaskResource.Instance, command.Id, command.IfMatch, t => t.Assign(command.Assignee!, now), cancellationToken);
        return assigned.Map(t => VisitTaskResponse.From(t, now, caller.Has(Scopes.PiiRead)));
    }
}
