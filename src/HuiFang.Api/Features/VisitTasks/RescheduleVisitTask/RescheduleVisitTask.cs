using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;

namespace HuiFang.Api.Features.VisitTasks.RescheduleVisitTask;

/// <summary>Move the next contact of a task.</summary>
/// <param name="ScheduledFor">When to contact the customer next; must be in the future.</param>
/// <param name="DueBy">A new deadline (optional); must not be before scheduledFor.</param>
public sealed record RescheduleVisitTaskRequest(DateTimeOffset? ScheduledFor, DateTimeOffset? DueBy);

public sealed record RescheduleVisitTask(Guid Id, DateTimeOffset? ScheduledFor, DateTimeOffset? DueBy) : ICommand<Result<VisitTaskResponse>>, ITransactional;

public sealed class RescheduleVisitTaskValidator : AbstractValidator<RescheduleVisitTask>
{
    public RescheduleVisitTaskValidator(TimeProvider clock)
    {
        RuleFor(x => x.ScheduledFor).NotNull().NotTooFarAhead(clock);
        RuleFor(x => x.DueBy).NotTooFarAhead(clock);
        RuleFor(x => x.DueBy)
            .Must((x, dueBy) => dueBy >= x.ScheduledFor).WithMessage(_ => Messages.Get("validation.dueByBeforeScheduled"))
            .When(x => x is { DueBy: not null, ScheduledFor: not null });
    }
}

public sealed class RescheduleVisitTaskHandler(HuiFangDbContext db, TimeProvider clock) : ICommandHandler<RescheduleVisitTask, Result<VisitTaskResponse>>
{
    public ValueTask<Result<VisitTaskResponse>> Handle(RescheduleVisitTask command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return VisitTaskChange.ApplyAsync(db, command.Id, now, t => t.Reschedule(command.ScheduledFor!.Value, command.DueBy, now), cancellationToken);
    }
}
