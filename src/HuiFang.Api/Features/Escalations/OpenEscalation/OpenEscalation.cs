using HuiFang.Api.Domain.Common;
using System.ComponentModel.DataAnnotations;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Escalations;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Services.VisitTasks;
using HuiFang.Api.Services.Tenants;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Services.Loop;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Escalations.OpenEscalation;

/// <summary>Open an escalation by hand (a supervisor assigns a problem to a department).</summary>
/// <param name="TaskId">The visit task the problem came up in.</param>
/// <param name="Severity">Urgent (respond within 2 h by default) or General (24 h).</param>
/// <param name="Reason">What the problem is.</param>
/// <param name="Department">The responsible department; omit it to route by the tenant's rules.</param>
/// <param name="Owner">The person responsible there (only with a department).</param>
public sealed record OpenEscalation(
    [property: Required] Guid? TaskId,
    [property: Required] EscalationSeverity? Severity,
    [property: Required] string? Reason,
    string? Department = null,
    string? Owner = null) : ICommand<Result<EscalationResponse>>, ITransactional;

public sealed class OpenEscalationValidator : AbstractValidator<OpenEscalation>
{
    public OpenEscalationValidator()
    {
        RuleFor(x => x.TaskId).NotNull();
        RuleFor(x => x.Severity).NotNull().IsInEnum();
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(FieldLimits.Reason);
        RuleFor(x => x.Department).MaximumLength(FieldLimits.Code).NotEmpty().When(x => x.Department is not null);
        RuleFor(x => x.Owner).MaximumLength(FieldLimits.Name);
        RuleFor(x => x.Owner).Null().When(x => x.Department is null).WithMessage(_ => Messages.Get("escalation.ownerNeedsDepartment"));
    }
}

public sealed class OpenEscalationHandler(HuiFangDbContext db, EscalationOpening opening, TenantSettings tenant, TimeProvider clock)
    : ICommandHandler<OpenEscalation, Result<EscalationResponse>>
{
    public async ValueTask<Result<EscalationResponse>> Handle(OpenEscalation command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var taskId = command.TaskId!.Value;
        var task = await VisitTaskQueries.ReadOnlyAsync(db, taskId, cancellationToken);
        if (task is null)
        {
            return VisitTaskErrors.NotFound(taskId);
        }

        if (task.EscalationId is not null)
        {
            // A revisit belongs to its escalation's loop: its problems reopen that escalation.
            return EscalationErrors.RevisitTask(taskId);
        }

        if (await ActiveFor(taskId, cancellationToken) is { } existing)
        {
            return EscalationErrors.AlreadyActive(taskId, existing);
        }

        var escalation = await opening.OpenAsync(
            task, null, command.Severity!.Value, EscalationTrigger.Manual, command.Reason,
            new RouteOverride(command.Department, command.Owner), await tenant.GetEscalationPolicyAsync(cancellationToken), now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return EscalationErrors.AlreadyActive(taskId, await ActiveFor(taskId, cancellationToken) ?? Guid.Empty);
        }

        return EscalationResponse.From(escalation, now);
    }

    private async Task<Guid?> ActiveFor(Guid taskId, CancellationToken cancellationToken) =>
        await db.Escalations.AsNoTracking()
            .Where(e => e.TaskId == taskId && e.Status != EscalationStatus.Closed)
            .Select(e => (Guid?)e.Id)
            .FirstOrDefaultAsync(cancellationToken);
}
