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
        change.ApplyAsync(command.Id, command.IfMatch, (e, calendar) => e.Remind(command.Note, command.By, change.Now, calendar), cancellationToken);
}
