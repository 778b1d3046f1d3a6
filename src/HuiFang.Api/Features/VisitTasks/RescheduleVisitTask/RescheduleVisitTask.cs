using HuiFang.Api.Domain.Common;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Api.Services.Changes;
using HuiFang.Api.Services.VisitTasks;
using Mediator;

namespace HuiFang.Api.Features.VisitTasks.RescheduleVisitTask;

/// <summary>Move the next contact of a task.</summary>
/// <param name="ScheduledFor">When to contact the customer next; must be in the future.</param>
/// <param name="DueBy">A new deadline (optional); must not be before scheduledFor.</param>
/// <param name="Reason">Why the visit moves (optional); kept in the task's history.</param>
public sealed record RescheduleVisitTaskRequest([property: System.ComponentModel.DataAnnotations.Required] DateTimeOffset? ScheduledFor, DateTimeOffset? DueBy = null, string? Reason = null);

public sealed record RescheduleVisitTask(Guid Id, DateTimeOffset? ScheduledFor, DateTimeOffset? DueBy, string? Reason = null, IfMatch? IfMatch = null) : ICommand<Result<VisitTaskResponse>>, ITransactional;

public sealed class RescheduleVisitTaskValidator : AbstractValidator<RescheduleVisitTask>
{
    public RescheduleVisitTaskValidator(TimeProvider clock)
    {
        RuleFor(x => x.ScheduledFor).NotNull().NotTooFarAhead(clock);
        RuleFor(x => x.DueBy).NotTooFarAhead(clock);
        RuleFor(x => x.Reason).MaximumLength(FieldLimits.Reason);
        RuleFor(x => x.DueBy)
            .Must((x, dueBy) => dueBy >= x.ScheduledFor).WithMessage(_ => Messages.Get("validation.dueByBeforeScheduled"))
            .When(x => x is { DueBy: not null, ScheduledFor: not null });
    }
}

public sealed class RescheduleVisitTaskHandler(VersionedChange change, TimeProvider clock, ICurrentCaller caller) : ICommandHandler<RescheduleVisitTask, Result<VisitTaskResponse>>
{
    public async ValueTask<Result<VisitTaskResponse>> Handle(RescheduleVisitTask command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rescheduled = await change.ApplyAsync(
            VisitTaskResource.Instance, command.Id, command.IfMatch, t => t.Reschedule(command.ScheduledFor!.Value, command.DueBy, command.Reason, now), cancellationToken);
        return rescheduled.Map(t => VisitTaskResponse.From(t, now, caller.Has(Scopes.PiiRead)));
    }
}
