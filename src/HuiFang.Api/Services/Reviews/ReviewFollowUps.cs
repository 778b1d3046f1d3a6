using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Reviews;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Services.Planning;
using HuiFang.Api.Services.Tenants;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Services.Reviews;

/// <summary>
/// The visit a <see cref="ReviewDecision.FollowUpAgain"/> plans: a complaint follow-up of the item's customer and work
/// order, due within the escalation policy's revisit time (default 24 h, as the revisit after a fix), with the visit's
/// agent and channel — through <see cref="VisitTaskPlanner"/>, so the planner's rules hold (one open follow-up per work
/// order and purpose: an existing one is answered 409 <c>duplicate-visit-task</c> naming it). Added to the context; the
/// caller's save commits it with the decision.
/// </summary>
public sealed class ReviewFollowUps(HuiFangDbContext db, VisitTaskPlanner planner, TenantSettings tenant, TimeProvider clock)
{
    public async Task<Result<VisitTask>> PlanAsync(ReviewItem item, CancellationToken cancellationToken)
    {
        var original = await db.VisitTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == item.TaskId, cancellationToken);
        if (original is null)
        {
            return VisitTaskErrors.NotFound(item.TaskId);
        }

        var now = clock.GetUtcNow();
        var calendar = await tenant.GetCalendarAsync(cancellationToken);
        var policy = await tenant.GetEscalationPolicyAsync(cancellationToken);
        var plan = new VisitPlan(
            new CustomerInfo(original.CustomerExternalId, original.CustomerName, original.CustomerPhone, original.CustomerPreferredChannel),
            new ServiceRecordInfo(original.WorkOrderNo, original.ServiceType, original.ServiceDescription, original.ServiceCompletedAt, original.ServiceStaff, original.ServiceDepartment),
            VisitPurpose.ComplaintFollowUp,
            original.Channel,
            original.Assignee,
            DueDatePolicy.WithinWallClock(now, policy.RevisitWithin, calendar, DueRule.ComplaintWithinHours),
            null);
        var planned = await planner.PlanAsync(plan, cancellationToken);
        return planned.Task is { } task ? task : planned.ToError(plan)!;
    }
}
