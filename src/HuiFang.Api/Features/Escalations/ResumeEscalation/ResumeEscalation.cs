using HuiFang.Api.Domain.Common;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;

namespace HuiFang.Api.Features.Escalations.ResumeEscalation;

public sealed record ResumeEscalation(Guid Id, string? Note, string? By, IfMatch? IfMatch = null) : ICommand<Result<EscalationResponse>>, ITransactional;

public sealed class ResumeEscalationValidator : AbstractValidator<ResumeEscalation>
{
    public ResumeEscalationValidator()
    {
        RuleFor(x => x.Note).MaximumLength(FieldLimits.LongText);
        RuleFor(x => x.By).MaximumLength(FieldLimits.Name);
    }
}

public sealed class ResumeEscalationHandler(EscalationChange change) : ICommandHandler<ResumeEscalation, Result<EscalationResponse>>
{
    public ValueTask<Result<EscalationResponse>> Handle(ResumeEscalation command, CancellationToken cancellationToken) =>
        change.ApplyAsync(command.Id, command.IfMatch, (e, calendar) => e.Resume(command.Note, command.By, change.Now, calendar), cancellationToken);
}
