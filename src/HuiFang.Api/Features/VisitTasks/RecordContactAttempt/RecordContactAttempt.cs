using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Calendar;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Infrastructure.Configuration;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.Extensions.Options;

namespace HuiFang.Api.Features.VisitTasks.RecordContactAttempt;

/// <summary>A contact attempt that did not reach the customer.</summary>
/// <param name="Outcome">What happened: NoAnswer, Busy, WrongNumber, Refused or CallbackRequested.</param>
/// <param name="Note">Free text from the agent.</param>
/// <param name="CallbackAt">Required with CallbackRequested: when the customer wants to be called back.</param>
/// <param name="RecordedBy">Who made the attempt.</param>
public sealed record RecordContactAttemptRequest(AttemptOutcome? Outcome, string? Note, DateTimeOffset? CallbackAt, string? RecordedBy);

public sealed record RecordContactAttempt(Guid Id, AttemptOutcome? Outcome, string? Note, DateTimeOffset? CallbackAt, string? RecordedBy)
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
    HuiFangDbContext db,
    TimeProvider clock,
    BusinessCalendar calendar,
    IOptions<VisitTaskOptions> options) : ICommandHandler<RecordContactAttempt, Result<VisitTaskResponse>>
{
    public ValueTask<Result<VisitTaskResponse>> Handle(RecordContactAttempt command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rules = new AttemptRules(options.Value.MaxFailedAttempts, options.Value.RetryAfter);
        return VisitTaskChange.ApplyAsync(
            db,
            command.Id,
            now,
            t => t.RecordAttempt(Guid.CreateVersion7(now), command.Outcome!.Value, command.Note, command.CallbackAt, command.RecordedBy, now, calendar, rules),
            cancellationToken);
    }
}
