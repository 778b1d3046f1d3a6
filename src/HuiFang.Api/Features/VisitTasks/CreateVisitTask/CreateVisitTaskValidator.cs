using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Infrastructure.Persistence;

namespace HuiFang.Api.Features.VisitTasks.CreateVisitTask;

public sealed class CreateVisitTaskValidator : AbstractValidator<CreateVisitTask>
{
    /// <summary>Clocks of calling systems drift; a completion time this far ahead is still accepted.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

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

    public sealed class CustomerInputValidator : AbstractValidator<CustomerInput>
    {
        public CustomerInputValidator()
        {
            RuleFor(x => x.ExternalId).NotEmpty().MaximumLength(FieldLimits.ExternalId);
            RuleFor(x => x.Name).NotEmpty().MaximumLength(FieldLimits.Name);
            RuleFor(x => x.Phone!).PhoneNumber().When(x => x.Phone is not null);
            RuleFor(x => x.PreferredChannel).IsInEnum();
        }
    }

    public sealed class ServiceRecordInputValidator : AbstractValidator<ServiceRecordInput>
    {
        public ServiceRecordInputValidator(TimeProvider clock)
        {
            RuleFor(x => x.WorkOrderNo).NotEmpty().MaximumLength(FieldLimits.WorkOrderNo);
            RuleFor(x => x.ServiceType).NotEmpty().MaximumLength(FieldLimits.Code).Code();
            RuleFor(x => x.Description).MaximumLength(FieldLimits.LongText);
            RuleFor(x => x.CompletedAt).NotNull();
            RuleFor(x => x.CompletedAt)
                .Must(at => at <= clock.GetUtcNow() + ClockSkew).WithMessage(_ => Messages.Get("validation.notFuture"))
                .When(x => x.CompletedAt is not null);
            RuleFor(x => x.CompletedAt)
                .Must(at => at >= clock.GetUtcNow() - ValidationRules.MaxAge).WithMessage(_ => Messages.Get("validation.tooOld", (int)ValidationRules.MaxAge.TotalDays))
                .When(x => x.CompletedAt is not null);
            RuleFor(x => x.Staff).MaximumLength(FieldLimits.Name);
            RuleFor(x => x.Department).MaximumLength(FieldLimits.Code);
        }
    }
}
