using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Services.Planning;

namespace HuiFang.Api.Features.VisitTasks.CreateVisitTask;

public sealed class CreateVisitTaskValidator : AbstractValidator<CreateVisitTask>
{
    public CreateVisitTaskValidator(TimeProvider clock)
    {
        RuleFor(x => x.Customer).NotNull().SetValidator(new CustomerInputValidator());
        RuleFor(x => x.ServiceRecord).NotNull().SetValidator(new ServiceRecordInputValidator(clock));
        RuleFor(x => x.Purpose).NotNull().IsInEnum();
        RuleFor(x => x.Channel).IsInEnum();
        RuleFor(x => x.Assignee).NotEmpty().MaximumLength(FieldLimits.Name).When(x => x.Assignee is not null);
        RuleFor(x => x.DueWindow!.By).NotNull().OverridePropertyName("dueWindow.by").When(x => x.DueWindow is not null);
        RuleFor(x => x.DueWindow!.By)
            .Must(by => by > clock.GetUtcNow()).WithMessage(_ => Messages.Get("validation.future"))
            .OverridePropertyName("dueWindow.by")
            .When(x => x.DueWindow?.By is not null);
        RuleFor(x => x.DueWindow!.By)
            .Must((x, by) => by >= x.DueWindow!.From).WithMessage(_ => Messages.Get("validation.dueByBeforeDueFrom"))
            .OverridePropertyName("dueWindow.by")
            .When(x => x.DueWindow is { From: not null, By: not null });
        RuleFor(x => x.DueWindow!.By).NotTooFarAhead(clock).OverridePropertyName("dueWindow.by").When(x => x.DueWindow is not null);
        RuleFor(x => x.DueWindow!.From).NotTooFarAhead(clock).OverridePropertyName("dueWindow.from").When(x => x.DueWindow is not null);
        RuleFor(x => x.DoNotDisturbOverride!.Reason)
            .NotEmpty().MaximumLength(FieldLimits.Reason)
            .OverridePropertyName("doNotDisturbOverride.reason")
            .When(x => x.DoNotDisturbOverride is not null);
    }
}
