using HuiFang.Api.Domain.Common;
using System.ComponentModel.DataAnnotations;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;

namespace HuiFang.Api.Features.Escalations.PauseEscalation;

/// <summary>Stop the SLA clocks while waiting on the customer.</summary>
/// <param name="Reason">What the department waits for (required), e.g. "customer away until Monday".</param>
/// <param name="By">The person pausing.</param>
public sealed record PauseEscalationRequest([property: Required] string? Reason, string? By = null);

public sealed record PauseEscalation(Guid Id, string? Reason, string? By, IfMatch? IfMatch = null) : ICommand<Result<EscalationResponse>>, ITransactional;

public sealed class PauseEscalationValidator : AbstractValidator<PauseEscalation>
{
    public PauseEscalationValidator()
    {
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(FieldLimits.Reason);
        RuleFor(x => x.By).MaximumLength(FieldLimits.Name);
    }
}

public sealed class PauseEscalationHandler(EscalationChange change) : ICommandHandler<PauseEscalation, Result<EscalationResponse>>
{
    public ValueTask<Result<EscalationResponse>> Handle(PauseEscalation command, CancellationToken cancellationToken) =>
        change.ApplyAsync(command.Id, command.IfMatch, (e, calendar) => e.Pause(command.Reason!, command.By, change.Now, calendar), cancellationToken);
}
