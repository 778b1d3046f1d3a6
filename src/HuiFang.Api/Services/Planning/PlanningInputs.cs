using System.ComponentModel.DataAnnotations;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Infrastructure.Persistence;

namespace HuiFang.Api.Services.Planning;

// The customer and the completed job as callers send them: to POST /visit-tasks and to the intake of
// service records (over HTTP and from the message bus), which plan visits from the same inputs.

/// <summary>The customer to contact.</summary>
/// <param name="ExternalId">The customer's id in the calling system.</param>
/// <param name="Name">Name or short name.</param>
/// <param name="Phone">Contact phone number: digits, optionally a leading + and separators.</param>
/// <param name="PreferredChannel">The channel the customer prefers, if known.</param>
public sealed record CustomerInput(
    [property: Required] string ExternalId,
    [property: Required] string Name,
    string? Phone = null,
    ContactChannel? PreferredChannel = null);

/// <summary>The completed job a follow-up is about.</summary>
/// <param name="WorkOrderNo">Work-order number in the calling system.</param>
/// <param name="ServiceType">Service type code. Timing rules know Repair, EmergencyRepair, RoutineRepair, HelpService and Activity; other codes are timed by purpose.</param>
/// <param name="Description">What was done.</param>
/// <param name="CompletedAt">When the service was completed (ISO-8601 with offset; not in the future).</param>
/// <param name="Staff">Who did the work.</param>
/// <param name="Department">Department responsible for the work.</param>
public sealed record ServiceRecordInput(
    [property: Required] string WorkOrderNo,
    [property: Required] string ServiceType,
    string? Description = null,
    [property: Required] DateTimeOffset? CompletedAt = null,
    string? Staff = null,
    string? Department = null);

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
    /// <summary>Clocks of calling systems drift; a completion time this far ahead is still accepted.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

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
