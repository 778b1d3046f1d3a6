using HuiFang.Api.Domain.Common;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Services.Tenants;
using HuiFang.Api.Infrastructure.Configuration;
using HuiFang.Api.Infrastructure.Outbox;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Services.Surveys;
using HuiFang.Api.Services.VisitTasks;
using HuiFang.Api.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HuiFang.Api.Services.Planning;

/// <summary>A visit to plan: everything but the id and the clock.</summary>
public sealed record VisitPlan(
    CustomerInfo Customer,
    ServiceRecordInfo Service,
    VisitPurpose Purpose,
    ContactChannel Channel,
    string? Assignee,
    DueWindow Window,
    string? DoNotDisturbOverrideReason);

/// <summary>What planning a visit came to: a new task (added, not yet saved), or why there is none.</summary>
/// <param name="Task">The new task, tracked by the context; the caller saves it.</param>
/// <param name="ExistingTaskId">An open or finished task for the same work order and purpose already exists.</param>
/// <param name="DoNotDisturbConflict">The customer's visit that lies too close (do-not-disturb rule).</param>
public sealed record PlannedVisit(VisitTask? Task, Guid? ExistingTaskId, (Guid Id, DateTimeOffset ScheduledFor, int WindowDays)? DoNotDisturbConflict)
{
    public Error? ToError(VisitPlan plan) =>
        ExistingTaskId is { } existing ? VisitTaskErrors.Duplicate(existing, plan.Service.WorkOrderNo, plan.Purpose)
        : DoNotDisturbConflict is { } conflict ? VisitTaskErrors.DoNotDisturb(conflict.Id, conflict.ScheduledFor, conflict.WindowDays)
        : null;
}

/// <summary>
/// Plans one visit task: one per work order and purpose, at most one follow-up per customer in the
/// do-not-disturb window; the new task's history entry and event follow from its VisitTaskPlanned when the caller saves. Used by
/// POST /visit-tasks and by the intake of service records.
/// </summary>
public sealed class VisitTaskPlanner(
    HuiFangDbContext db,
    DatabaseDialect dialect,
    TimeProvider clock,
    TenantSettings tenant,
    IOptions<VisitTaskOptions> options,
    SurveyInviting surveys)
{
    public async Task<PlannedVisit> PlanAsync(VisitPlan plan, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var calendar = await tenant.GetCalendarAsync(cancellationToken);
        await dialect.LockCustomerAsync(db, plan.Customer.ExternalId, cancellationToken);

        if (await VisitTaskQueries.ActiveDuplicateAsync(db, plan.Service.WorkOrderNo, plan.Purpose, cancellationToken) is { } existing)
        {
            return new PlannedVisit(null, existing, null);
        }

        var task = VisitTask.Create(Guid.CreateVersion7(now), plan.Customer, plan.Service, plan.Purpose, plan.Channel, plan.Assignee, plan.Window, plan.DoNotDisturbOverrideReason, now, calendar);

        if (DoNotDisturbRule.Applies(plan.Purpose) && plan.DoNotDisturbOverrideReason is null)
        {
            var days = options.Value.DoNotDisturbDays;
            var conflict = await db.VisitTasks.AsNoTracking()
                .Where(DoNotDisturbRule.ConflictsWith(plan.Customer.ExternalId, task.ScheduledFor, days))
                .OrderBy(t => t.ScheduledFor)
                .Select(t => new { t.Id, t.ScheduledFor })
                .FirstOrDefaultAsync(cancellationToken);
            if (conflict is not null)
            {
                return new PlannedVisit(null, null, (conflict.Id, conflict.ScheduledFor, days));
            }
        }

        db.VisitTasks.Add(task);

        // The tenant's survey policy may invite the customer at once, in the same save (never an opted-out customer).
        await surveys.AutoInviteAsync(task, cancellationToken);
        return new PlannedVisit(task, null, null);
    }
}
