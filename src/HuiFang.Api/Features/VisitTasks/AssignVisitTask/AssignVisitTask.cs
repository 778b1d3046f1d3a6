using HuiFang.Api.Domain.Common;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Infrastructure.Persistence;
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

public sealed class AssignVisitTaskHandler(VisitTaskChange change) : ICommandHandler<AssignVisitTask, Result<VisitTaskResponse>>
{
    public ValueTask<Result<VisitTaskResponse>> Handle(AssignVisitTask command, CancellationToken cancellationToken)
    {
        return change.ApplyAsync(command.Id, command.IfMatch, t => t.Assign(command.Assignee!, change.Now), cancellationToken);
    }
}
