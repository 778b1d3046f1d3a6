using HuiFang.Api.Domain.Common;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Infrastructure.Configuration;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Services.Tenants;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Api.Services.Changes;
using HuiFang.Api.Services.VisitTasks;
using Mediator;
using Microsoft.Extensions.Options;

namespace HuiFang.Api.Features.VisitTasks.RecordContactAttempt;

/// <summary>A contact attempt that did not reach the customer.</summary>
/// <param name="Outcome">What happened: NoAnswer, Busy, WrongNumber, Refused or CallbackRequested.</param>
/// <param name="Note">Free text from the agent.</param>
/// <param name="CallbackAt">Required with CallbackRequested: when the customer wants to be called back.</param>
/// <param name="RecordedBy">Who made the attempt.</param>
public sealed record RecordContactAttemptRequest([property: System.ComponentModel.DataAnnotations.Required] AttemptOutcome? Outcome, string? Note = null, DateTimeOffset? CallbackAt = null, string? RecordedBy = null);

public sealed record RecordContactAttempt(Guid Id, AttemptOutcome? Outcome, string? Note, DateTimeOffset? CallbackAt, string? RecordedBy, IfMatch? IfMatch = null)
    : ICommand<Result<VisitTaskResponse>>, ITransactional;

public sealed class RecordContactAttemptValidator : AbstractValidator<RecordContactAttempt>
{
    public RecordContactAttemptValidator(TimeProvider clock)
    {
        RuleFor(x => x.CallbackAt).NotTooFarAhead(clock);
        RuleFor(x => x.Outcome).NotNull().IsInEnum();
        RuleFor(x => x.Note).MaximumLength(FieldLimits.LongText);
        RuleFor(x => x.RecordedBy).MaximumLength(FieldLimits.Name);
        RuleFor(x => x.CallbackAt).NotNull().WithMessage(_ => Messages.Get("validation.callbackRequired"))
            .When(x => x.Outcome == AttemptOutcome.CallbackRequested);
        RuleFor(x => x.CallbackAt).Null().WithMessage(_ => Messages.Get("validation.callbackOnlyWithCallback"))
            .When(x => x.Outcome is not null && x.Outcome != AttemptOutcome.CallbackRequested);
    }
}

public sealed class RecordContactAttemptHandler(
    VersionedChange change,
    TenantSettings tenant,
    TimeProvider clock,
    ICurrentCaller caller,
    IOptions<VisitTaskOptions> options) : ICommandHandler<RecordContactAttempt, Result<VisitTaskResponse>>
{
    public async ValueTask<Result<VisitTaskResponse>> Handle(RecordContactAttempt command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var calendar = await tenant.GetCalendarAsync(cancellationToken);
        var rules = new AttemptRules(options.Value.MaxFailedAttempts, options.Value.RetryAfter);
        var recorded = await change.ApplyAsync(
            VisitTaskResource.Instance,
            command.Id,
            command.IfMatch,
            t => t.RecordAttempt(Guid.CreateVersion7(now), command.Outcome!.Value, command.Note, command.CallbackAt, command.RecordedBy, now, calendar, rules),
            cancellationToken);
        return recorded.Map(t => VisitTaskResponse.From(t, now, caller.Has(Scopes.PiiRead)));
    }
}
