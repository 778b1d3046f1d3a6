using HuiFang.Api.Domain.Common;
using System.ComponentModel.DataAnnotations;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Escalations;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Services.Tenants;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Escalations.ResolveEscalation;

/// <summary>The department reports the problem fixed.</summary>
/// <param name="Resolution">What was done (required); the customer is told and asked on the revisit.</param>
/// <param name="By">The person reporting it.</param>
public sealed record ResolveEscalationRequest([property: Required] string? Resolution, string? By = null);

public sealed record ResolveEscalation(Guid Id, string? Resolution, string? By, IfMatch? IfMatch = null) : ICommand<Result<EscalationResponse>>, ITransactional;

public sealed class ResolveEscalationValidator : AbstractValidator<ResolveEscalation>
{
    public ResolveEscalationValidator()
    {
        RuleFor(x => x.Resolution).NotEmpty().MaximumLength(FieldLimits.LongText);
        RuleFor(x => x.By).MaximumLength(FieldLimits.Name);
    }
}

/// <summary>
/// Resolving plans the revisit (二次回访): a complaint follow-up of the same customer and work order,
/// due within the tenant's revisit time (24 h by default), linked to the escalation. Its feedback
/// closes the loop or reopens the escalation.
/// </summary>
public sealed class ResolveEscalationHandler(EscalationChange change, HuiFangDbContext db, TenantSettings tenant)
    : ICommandHandler<ResolveEscalation, Result<EscalationResponse>>
{
    public async ValueTask<Result<EscalationResponse>> Handle(ResolveEscalation command, CancellationToken cancellationToken)
    {
        var now = change.Now;
        var policy = await tenant.GetEscalationPolicyAsync(cancellationToken);
        return await change.ApplyAsync(
            command.Id,
            command.IfMatch,
            async (e, calendar) =>
            {
                // Tasks are never deleted: the original is there whenever the escalation is.
                var original = await db.VisitTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == e.TaskId, cancellationToken);
                if (original is null)
                {
                    return VisitTaskErrors.NotFound(e.TaskId);
                }

                var revisit = VisitTask.CreateRevisit(Guid.CreateVersion7(now), original, e.Id, policy.RevisitWithin, now, calendar);
                var outcome = e.Resolve(command.Resolution!, command.By, new EscalationRevisit(revisit.Id, revisit.DueBy), now, calendar);
                if (!outcome.IsSuccess)
                {
                    return outcome;
                }

                // Planned only when the escalation takes it: the revisit's history entry and creation event (on the
                // task's stream) are recorded only for a tracked task.
                db.VisitTasks.Add(revisit);
                return Outcome.Ok;
            },
            cancellationToken);
    }
}
