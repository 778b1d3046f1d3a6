using HuiFang.Api.Domain.Common;
using System.ComponentModel.DataAnnotations;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;

namespace HuiFang.Api.Features.Escalations.AddEscalationProgress;

/// <summary>A progress note, e.g. "contacted engineering, fix expected in 3 working days".</summary>
/// <param name="Note">The progress (required).</param>
/// <param name="By">The person reporting it.</param>
public sealed record EscalationProgressRequest([property: Required] string? Note, string? By = null);

public sealed record AddEscalationProgress(Guid Id, string? Note, string? By, IfMatch? IfMatch = null) : ICommand<Result<EscalationResponse>>, ITransactional;

public sealed class AddEscalationProgressValidator : AbstractValidator<AddEscalationProgress>
{
    public AddEscalationProgressValidator()
    {
        RuleFor(x => x.Note).NotEmpty().MaximumLength(FieldLimits.LongText);
        RuleFor(x => x.By).MaximumLength(FieldLimits.Name);
    }
}

public sealed class AddEscalationProgressHandler(EscalationChange change) : ICommandHandler<AddEscalationProgress, Result<EscalationResponse>>
{
    public ValueTask<Result<EscalationResponse>> Handle(AddEscalationProgress command, CancellationToken cancellationToken) =>
        change.ApplyAsync(command.Id, command.IfMatch, (e, calendar) => e.AddProgress(command.Note!, command.By, change.Now, calendar), cancellationToken);
}
