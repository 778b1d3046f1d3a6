using HuiFang.Api.Domain.Common;
using System.ComponentModel.DataAnnotations;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Services.Tenants;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Contracts;
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
        VisitTask? revisit = null;
        return await change.ApplyAsync(
            command.Id,
            command.IfMatch,
            "resolved",
            async (e, calendar) =>
            {
                var revisitId = Guid.CreateVersion7(now);
                var outcome = e.Resolve(command.Resolution!, command.By, revisitId, now, calendar);
                if (!outcome.IsSuccess)
                {
                    return outcome;
                }

                var original = await db.VisitTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == e.TaskId, cancellationToken);
                if (original is null)
                {
                    return VisitTaskErrors.NotFound(e.TaskId);
                }

                revisit = VisitTask.CreateRevisit(revisitId, original, e.Id, policy.RevisitWithin, now, calendar);
                db.VisitTasks.Add(revisit);
                return Outcome.Ok;
            },
            e => new { status = e.Status, revisitTaskId = e.RevisitTaskId, resolutionBreached = e.ResolutionBreachedAt is not null },
            command.Resolution,
            e => new IIntegrationEvent[]
            {
                EscalationEvents.Resolved(e, revisit!.DueBy, now),
            },
            cancellationToken);
    }
}
