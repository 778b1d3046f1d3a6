using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.CorrectiveActions;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Api.Services.Changes;
using HuiFang.Api.Services.CorrectiveActions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.CorrectiveActions.VerifyCorrectiveAction;

/// <summary>Record the verification of an implemented action's effectiveness (the caller is the verifier).</summary>
/// <param name="Effective">Whether it worked. For an action with a problem, by default what the evidence says: effective when the problem did not recur after implementation; required for an action without one.</param>
/// <param name="Note">What the verifier found.</param>
public sealed record VerifyCorrectiveActionRequest(bool? Effective = null, string? Note = null);

public sealed record VerifyCorrectiveAction(Guid Id, bool? Effective, string? Note, IfMatch? IfMatch = null) : ICommand<Result<CorrectiveActionResponse>>, ITransactional;

public sealed class VerifyCorrectiveActionValidator : AbstractValidator<VerifyCorrectiveAction>
{
    public VerifyCorrectiveActionValidator() => RuleFor(x => x.Note).MaximumLength(FieldLimits.LongText);
}

/// <summary>
/// The evidence is the tenant's recurrence rule re-run over the period from implementation to now: the problem's current
/// occurrences in it, the most within one window, against the threshold. Stored on the action with the verdict.
/// </summary>
public sealed class VerifyCorrectiveActionHandler(HuiFangDbContext db, VersionedChange change, CorrectiveActionRules rules, ICurrentCaller caller, TimeProvider clock)
    : ICommandHandler<VerifyCorrectiveAction, Result<CorrectiveActionResponse>>
{
    public async ValueTask<Result<CorrectiveActionResponse>> Handle(VerifyCorrectiveAction command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rule = await rules.RecurrenceAsync(cancellationToken);
        var verified = await change.ApplyAsync(
            CorrectiveActionResource.Instance,
            command.Id,
            command.IfMatch,
            async (a, ct) =>
            {
                RecurrenceEvidence? evidence = null;
                if (a.Problem is { } problem && a.ImplementedAt is { } implementedAt)
                {
                    var times = await RecurrenceDetection.Occurrences(db, problem, implementedAt)
                        .Where(f => f.RecordedAt <= now)
                        .Select(f => f.RecordedAt)
                        .ToListAsync(ct);
                    evidence = rule.Evaluate(times, implementedAt, now);
                }

                var effective = command.Effective ?? (evidence is null ? null : !evidence.Recurred);
                if (effective is null && a.Status == CorrectiveActionStatus.Implemented && a.VerifiedAt is null)
                {
                    return Error.InvalidField("effective", "correctiveAction.effectiveRequired");
                }

                return a.Verify(effective ?? false, evidence, CorrectiveActionRules.Who(caller), command.Note, now);
            },
            cancellationToken);
        return verified.Map(a => CorrectiveActionResponse.From(a, now));
    }
}
