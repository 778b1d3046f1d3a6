using HuiFang.Api.Domain.Common;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Calendar;
using HuiFang.Api.Domain.Escalations;
using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Services.Tenants;
using HuiFang.Api.Infrastructure.Outbox;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Contracts;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Escalations;

/// <summary>
/// The common shape of every command that changes one escalation: load it (another tenant's is as absent
/// as an unknown one), check If-Match, catch the SLA clock up (a breach that happened before this
/// change is recorded, once, with its event), let the aggregate decide, audit, write the events to the
/// outbox, save — one transaction. A concurrent change is caught by the version: with If-Match it is answered
/// with 409 (what the caller saw has changed); without, the command runs once more on what is there now — the
/// SLA monitor recording a breach in between must not make a request that asked for no precondition fail, and
/// the aggregate still refuses a step the new state does not allow.
/// </summary>
public sealed class EscalationChange(HuiFangDbContext db, AuditTrail audit, EventOutbox outbox, TenantSettings tenant, TimeProvider clock)
{
    public DateTimeOffset Now { get; } = clock.GetUtcNow();

    public async ValueTask<Result<EscalationResponse>> ApplyAsync(
        Guid id,
        IfMatch? ifMatch,
        string action,
        Func<Escalation, BusinessCalendar, ValueTask<Outcome>> change,
        Func<Escalation, object?>? details,
        string? note,
        Func<Escalation, IEnumerable<IIntegrationEvent>>? raise,
        CancellationToken cancellationToken) =>
        await ApplyAsync(id, ifMatch, action, change, details, note, raise, retry: ifMatch is null, cancellationToken);

    private async ValueTask<Result<EscalationResponse>> ApplyAsync(
        Guid id,
        IfMatch? ifMatch,
        string action,
        Func<Escalation, BusinessCalendar, ValueTask<Outcome>> change,
        Func<Escalation, object?>? details,
        string? note,
        Func<Escalation, IEnumerable<IIntegrationEvent>>? raise,
        bool retry,
        CancellationToken cancellationToken)
    {
        var escalation = await db.Escalations.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (escalation is null)
        {
            return EscalationErrors.NotFound(id);
        }

        if (ifMatch is not null && !ifMatch.Matches(escalation.Version))
        {
            return ETags.PreconditionFailed("escalation.preconditionFailed", [id, ETags.For(escalation.Version)], escalation.Version);
        }

        var calendar = await tenant.GetCalendarAsync(cancellationToken);
        RecordHappenings(escalation, escalation.Check(Now, calendar));

        var outcome = await change(escalation, calendar);
        if (!outcome.IsSuccess)
        {
            return outcome.Error!;
        }

        audit.Record(AuditSubjects.Escalation, escalation.Id, action, escalation.Version, details?.Invoke(escalation), note);
        foreach (var integrationEvent in raise?.Invoke(escalation) ?? [])
        {
            outbox.Add(integrationEvent, StreamOf(integrationEvent, escalation));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException) when (retry)
        {
            // SaveChanges rolled its own savepoint back: nothing of this attempt was written. Forget it and start
            // again from a fresh read.
            db.ChangeTracker.Clear();
            return await ApplyAsync(id, ifMatch, action, change, details, note, raise, retry: false, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return EscalationErrors.ConcurrentChange(id);
        }

        return EscalationResponse.From(escalation, Now);
    }

    /// <summary>Audits and publishes what the SLA clock caused (used by commands and by the monitor).</summary>
    public void RecordHappenings(Escalation escalation, IReadOnlyList<SlaHappening> happenings) =>
        RecordHappenings(audit, outbox, escalation, happenings, Now);

    public static void RecordHappenings(AuditTrail audit, EventOutbox outbox, Escalation escalation, IReadOnlyList<SlaHappening> happenings, DateTimeOffset now)
    {
        foreach (var happening in happenings)
        {
            var action = happening.Kind switch
            {
                SlaHappeningKind.Warning => "sla-warning",
                SlaHappeningKind.Breach => "sla-breached",
                _ => "reminder-sent",
            };
            audit.Record(AuditSubjects.Escalation, escalation.Id, action, escalation.Version,
                new { target = happening.Target, dueBy = happening.DueBy, level = escalation.Level, owner = escalation.Owner, automatic = true });
            outbox.Add(EscalationEvents.ForHappening(escalation, happening, now), EventStreams.Escalation(escalation.Id));
        }
    }

    /// <summary>Events about a task (a revisit's creation) go to the task's stream; the rest to the escalation's.</summary>
    private static string StreamOf(IIntegrationEvent integrationEvent, Escalation escalation) =>
        integrationEvent is VisitTaskCreated created ? EventStreams.VisitTask(created.TaskId) : EventStreams.Escalation(escalation.Id);
}

/// <summary>
/// Opens an escalation for a visit task: routes it by the tenant's rules, fixes its SLA from the
/// severity, links the feedback, audits and writes <see cref="ComplaintEscalated"/> — in the caller's
/// unit of work.
/// </summary>
public sealed class EscalationOpening(HuiFangDbContext db, AuditTrail audit, EventOutbox outbox, TenantSettings tenant, ICurrentCaller caller)
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
        audit.Record(AuditSubjects.Escalation, escalation.Id, "opened", escalation.Version,
            new { taskId = task.Id, feedbackId = feedback?.Id, severity, trigger, department = escalation.Department, owner = escalation.Owner, responseDueBy = escalation.ResponseDueBy, resolutionDueBy = escalation.ResolutionDueBy },
            reason);
        outbox.Add(EscalationEvents.Escalated(escalation, trigger.ToString(), now), EventStreams.Escalation(escalation.Id));
        return escalation;
    }
}

/// <summary>A department (and owner) chosen by the caller instead of the routing rules.</summary>
public sealed record RouteOverride(string? Department, string? Owner);
