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
        RuleFor(x => x.DueBefore)
            .Must(v => StrictDateTimeOffsetConverter.TryParse(v, out _)).WithMessage(_ => Messages.Get("validation.offsetRequired"))
            .When(x => x.DueBefore is not null);
        RuleFor(x => x.DueAfter)
            .Must(v => StrictDateTimeOffsetConverter.TryParse(v, out _)).WithMessage(_ => Messages.Get("validation.offsetRequired"))
            .When(x => x.DueAfter is not null);
        RuleFor(x => x.DueAfter)
            .Must((x, after) => Parse(after) <= Parse(x.DueBefore)).WithMessage(_ => Messages.Get("validation.afterBefore"))
            .When(x => StrictDateTimeOffsetConverter.TryParse(x.DueBefore, out _) && StrictDateTimeOffsetConverter.TryParse(x.DueAfter, out _));
        RuleFor(x => x.Cursor)
            .Must(c => ListCursor.TryDecode(c, out _)).WithMessage(_ => Messages.Get("validation.cursor"))
            .When(x => x.Cursor is not null);
    }

    private static DateTimeOffset Parse(string? text) => StrictDateTimeOffsetConverter.TryParse(text, out var value) ? value : default;
}
