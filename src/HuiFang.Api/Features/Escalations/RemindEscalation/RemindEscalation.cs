using HuiFang.Api.Domain.Common;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;

namespace HuiFang.Api.Features.Escalations.RemindEscalation;

public sealed record RemindEscalation(Guid Id, string? Note, string? By, IfMatch? IfMatch = null) : ICommand<Result<EscalationResponse>>, ITransactional;

public sealed class RemindEscalationValidator : AbstractValidator<RemindEscalation>
{
    public RemindEscalationValidator()
    {
        RuleFor(x => x.Note).MaximumLength(FieldLimits.LongText);
        RuleFor(x => x.By).MaximumLength(FieldLimits.Name);
    }
}

public sealed class RemindEscalationHandler(EscalationChange change) : ICommandHandler<RemindEscalation, Result<EscalationResponse>>
{
    public ValueTask<Result<EscalationResponse>> Handle(RemindEscalation command, CancellationToken cancellationToken) =>
        change.ApplyAsync(
            command.Id,
            command.IfMatch,
            "reminder-sent",
            (e, calendar) => ValueTask.FromResult(e.Remind(command.Note, command.By, change.Now, calendar)),
            e => new { reminderCount = e.ReminderCount, automatic = false },
            command.Note,
            e => [EscalationEvents.Reminder(e, automatic: false, command.Note, change.Now)],
            cancellationToken);
}
