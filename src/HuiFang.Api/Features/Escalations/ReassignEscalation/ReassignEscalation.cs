using HuiFang.Api.Domain.Common;
using System.ComponentModel.DataAnnotations;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;

namespace HuiFang.Api.Features.Escalations.ReassignEscalation;

/// <summary>Hand the escalation to another department or person; the SLA clocks keep running.</summary>
/// <param name="Department">The new responsible department (required).</param>
/// <param name="Owner">The person responsible there, if one is named.</param>
/// <param name="Reason">Why.</param>
/// <param name="By">The person reassigning.</param>
public sealed record ReassignEscalationRequest([property: Required] string? Department, string? Owner = null, string? Reason = null, string? By = null);

public sealed record ReassignEscalation(Guid Id, string? Department, string? Owner, string? Reason, string? By, IfMatch? IfMatch = null) : ICommand<Result<EscalationResponse>>, ITransactional;

public sealed class ReassignEscalationValidator : AbstractValidator<ReassignEscalation>
{
    public ReassignEscalationValidator()
    {
        RuleFor(x => x.Department).NotEmpty().MaximumLength(FieldLimits.Code);
        RuleFor(x => x.Owner).MaximumLength(FieldLimits.Name);
        RuleFor(x => x.Reason).MaximumLength(FieldLimits.Reason);
        RuleFor(x => x.By).MaximumLength(FieldLimits.Name);
    }
}

public sealed class ReassignEscalationHandler(EscalationChange change) : ICommandHandler<ReassignEscalation, Result<EscalationResponse>>
{
    public ValueTask<Result<EscalationResponse>> Handle(ReassignEscalation command, CancellationToken cancellationToken) =>
        change.ApplyAsync(command.Id, command.IfMatch, (e, calendar) => e.Reassign(command.Department!, command.Owner, command.Reason, command.By, change.Now, calendar), cancellationToken);
}
