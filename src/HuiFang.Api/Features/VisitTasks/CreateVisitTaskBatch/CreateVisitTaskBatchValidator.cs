using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Infrastructure.Configuration;
using Microsoft.Extensions.Options;

namespace HuiFang.Api.Features.VisitTasks.CreateVisitTaskBatch;

/// <summary>Checks the batch's shape only; every item is validated on its own so one bad item fails alone.</summary>
public sealed class CreateVisitTaskBatchValidator : AbstractValidator<CreateVisitTaskBatch>
{
    public CreateVisitTaskBatchValidator(IOptions<VisitTaskOptions> options)
    {
        var max = options.Value.MaxBatchSize;
        RuleFor(x => x.Items).NotNull();
        RuleFor(x => x.Items!.Count)
            .InclusiveBetween(1, max).WithMessage(_ => Messages.Get("validation.batchSize", max))
            .OverridePropertyName("items")
            .When(x => x.Items is not null);
    }
}
