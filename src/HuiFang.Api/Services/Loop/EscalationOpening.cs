using HuiFang.Api.Domain.Escalations;
using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Services.Tenants;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;

namespace HuiFang.Api.Services.Loop;

/// <summary>
/// Opens an escalation for a visit task: routes it by the tenant's rules, fixes its SLA from the
/// severity and links the feedback — in the caller's unit of work. The escalation raises
/// <see cref="EscalationOpened"/>, whose history entry and ComplaintEscalated event are recorded at the save.
/// Used by feedback (the tenant's rules) and by the escalations feature (by hand).
/// </summary>
public sealed class EscalationOpening(HuiFangDbContext db, TenantSettings tenant, ICurrentCaller caller)
{
    public async Task<Escalation> OpenAsync(
        VisitTask task,
        FeedbackRecord? feedback,
        EscalationSeverity severity,
        EscalationTrigger trigger,
        string? reason,
        RouteOverride? routeOverride,
        EscalationPolicy policy,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var calendar = await tenant.GetCalendarAsync(cancellationToken);
        var route = policy.RouteFor(task.ServiceType, task.ServiceDepartment);
        if (routeOverride?.Department is { } department)
        {
            route = route with { Department = department, Owner = routeOverride.Owner };
        }

        var escalation = Escalation.Open(
            Guid.CreateVersion7(now),
            caller.TenantId!,
            new EscalationSubject(task.Id, feedback?.Id, task.CustomerExternalId, task.WorkOrderNo, task.ServiceType),
            severity,
            trigger,
            route,
            EscalationSlaRules.From(policy, severity),
            reason,
            now,
            calendar);
        db.Escalations.Add(escalation);
        feedback?.LinkEscalation(escalation.Id);
        return escalation;
    }
}
