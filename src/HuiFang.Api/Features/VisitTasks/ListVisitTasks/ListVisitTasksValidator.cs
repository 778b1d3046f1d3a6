using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Infrastructure.Persistence;

namespace HuiFang.Api.Features.VisitTasks.ListVisitTasks;

public sealed class ListVisitTasksValidator : AbstractValidator<ListVisitTasks>
{
    public ListVisitTasksValidator()
    {
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.Purpose).IsInEnum();
        RuleFor(x => x.Channel).IsInEnum();
        RuleFor(x => x.Assignee).MaximumLength(FieldLimits.Name);
        RuleFor(x => x.CustomerId).MaximumLength(FieldLimits.ExternalId);
        RuleFor(x => x.WorkOrderNo).MaximumLength(FieldLimits.WorkOrderNo);
        RuleFor(x => x.Limit)
            .InclusiveBetween(1, ListVisitTasks.MaxLimit).WithMessage(_ => Messages.Get("validation.range", 1, ListVisitTasks.MaxLimit));
        RuleFor(x => x.DueBeforeValue)
            .NotNull().WithMessage(_ => Messages.Get("validation.offsetRequired"))
            .OverridePropertyName("dueBefore")
            .When(x => x.DueBefore is not null);
        RuleFor(x => x.DueAfterValue)
            .NotNull().WithMessage(_ => Messages.Get("validation.offsetRequired"))
            .OverridePropertyName("dueAfter")
            .When(x => x.DueAfter is not null);
        RuleFor(x => x.DueAfterValue)
            .LessThanOrEqualTo(x => x.DueBeforeValue).WithMessage(_ => Messages.Get("validation.afterBefore"))
            .OverridePropertyName("dueAfter")
            .When(x => x is { DueAfterValue: not null, DueBeforeValue: not null });
        RuleFor(x => x.Position)
            .NotNull().WithMessage(_ => Messages.Get("validation.cursor"))
            .OverridePropertyName("cursor")
            .When(x => x.Cursor is not null);
    }
}
