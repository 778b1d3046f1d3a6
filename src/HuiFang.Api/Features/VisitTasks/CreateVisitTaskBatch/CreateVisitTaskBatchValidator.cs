using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Infrastructure.Configuration;
using Microsoft.Extensions.Options;

namespace HuiFang.Api.Features.VisitTasks.CreateVisitTaskBatch;

/// <summary>Checks the batch's shape only; every item is validated on its own so one bad item fails alone.</summary>
public sealed class CreateVisitTaskBatchValidator : AbstractValidator<CreateVisitTaskBatch>
{
    public CreateVisitTaskBatchValidator(IOptions<VisitTaskOptions> options) =>
        RuleFor(x => x.Items).BatchOf(options.Value.MaxBatchSize);
}
