using HuiFang.Api.Domain.Common;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;

namespace HuiFang.Api.Features.Escalations.AcknowledgeEscalation;

/// <summary>A note with an escalation step, and who took it.</summary>
/// <param name="Note">Free text for the progress column (optional here).</param>
/// <param name="By">The person who acted, e.g. the department's agent; the API caller is recorded anyway.</param>
public sealed record EscalationStepRequest(string? Note = null, string? By = null);

public sealed record AcknowledgeEscalation(Guid Id, string? Note, string? By, IfMatch? IfMatch = null) : ICommand<Result<EscalationResponse>>, ITransactional;

public sealed class AcknowledgeEscalationValidator : AbstractValidator<AcknowledgeEscalation>
{
    public AcknowledgeEscalationValidator()
    {
        RuleFor(x => x.Note).MaximumLength(FieldLimits.LongText);
        RuleFor(x => x.By).MaximumLength(FieldLimits.Name);
    }
}

public sealed class AcknowledgeEscalationHandler(EscalationChange change) : ICommandHandler<AcknowledgeEscalation, Result<EscalationResponse>>
{
    public ValueTask<Result<EscalationResponse>> Handle(AcknowledgeEscalation command, CancellationToken cancellationToken) =>
        change.ApplyAsync(command.Id, command.IfMatch, (e, calendar) => e.Acknowledge(command.Note, command.By, change.Now, calendar), cancellationToken);
}
