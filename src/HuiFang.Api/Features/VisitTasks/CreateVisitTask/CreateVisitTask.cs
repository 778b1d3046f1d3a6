using System.ComponentModel.DataAnnotations;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Infrastructure.Configuration;
using HuiFang.Api.Features.Tenants;
using HuiFang.Api.Infrastructure.Outbox;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HuiFang.Api.Features.VisitTasks.CreateVisitTask;

/// <summary>Plan a follow-up visit for one customer about one completed job.</summary>
/// <param name="Customer">The customer to contact.</param>
/// <param name="ServiceRecord">The completed job the follow-up is about.</param>
/// <param name="Purpose">Why the customer is visited.</param>
/// <param name="Channel">How to contact the customer; defaults to the customer's preferred channel, else Phone.</param>
/// <param name="Assignee">Agent to assign right away (optional).</param>
/// <param name="DueWindow">When the visit is due; omit it to let the timing rules plan it.</param>
/// <param name="DoNotDisturbOverride">Plan the visit even though the customer had a follow-up recently; the reason is stored.</param>
public sealed record CreateVisitTask(
    [property: Required] CustomerInput Customer,
    [property: Required] ServiceRecordInput ServiceRecord,
    [property: Required] VisitPurpose? Purpose,
    ContactChannel? Channel = null,
    string? Assignee = null,
    DueWindowInput? DueWindow = null,
    DoNotDisturbOverrideInput? DoNotDisturbOverride = null) : ICommand<Result<VisitTaskResponse>>, ITransactional;

/// <summary>The customer to contact.</summary>
/// <param name="ExternalId">The customer's id in the calling system.</param>
/// <param name="Name">Name or short name.</param>
/// <param name="Phone">Contact phone number: digits, optionally a leading + and separators.</param>
/// <param name="PreferredChannel">The channel the customer prefers, if known.</param>
public sealed record CustomerInput(
    [property: Required] string ExternalId,
    [property: Required] string Name,
    string? Phone = null,
    ContactChannel? PreferredChannel = null);

/// <summary>The completed job a follow-up is about.</summary>
/// <param name="WorkOrderNo">Work-order number in the calling system.</param>
/// <param name="ServiceType">Service type code. Timing rules know Repair, EmergencyRepair, RoutineRepair, HelpService and Activity; other codes are timed by purpose.</param>
/// <param name="Description">What was done.</param>
/// <param name="CompletedAt">When the service was completed (ISO-8601 with offset; not in the future).</param>
/// <param name="Staff">Who did the work.</param>
/// <param name="Department">Department responsible for the work.</param>
public sealed record ServiceRecordInput(
    [property: Required] string WorkOrderNo,
    [property: Required] string ServiceType,
    string? Description,
    [property: Required] DateTimeOffset? CompletedAt,
    string? Staff = null,
    string? Department = null);

/// <summary>A due window chosen by the caller.</summary>
/// <param name="From">Not before this instant; defaults to now.</param>
/// <param name="By">Overdue after this instant; must be in the future.</param>
public sealed record DueWindowInput(DateTimeOffset? From = null, [property: Required] DateTimeOffset? By = null);

/// <summary>An explicit override of the do-not-disturb rule.</summary>
/// <param name="Reason">Why the customer must be contacted again so soon.</param>
public sealed record DoNotDisturbOverrideInput([property: Required] string Reason);

public sealed class CreateVisitTaskHandler(
    HuiFangDbContext db,
    TimeProvider clock,
    TenantSettings tenant,
    AuditTrail audit,
    EventOutbox outbox,
    ICurrentCaller caller,
    IOptions<VisitTaskOptions> options) : ICommandHandler<CreateVisitTask, Result<VisitTaskResponse>>
{
    public async ValueTask<Result<VisitTaskResponse>> Handle(CreateVisitTask command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var calendar = await tenant.GetCalendarAsync(cancellationToken);
        var purpose = command.Purpose!.Value;
        var service = command.ServiceRecord;
        var customer = command.Customer;
        await db.LockCustomerAsync(customer.ExternalId, cancellationToken);

        if (await FindActiveDuplicate(service.WorkOrderNo, purpose, cancellationToken) is { } existing)
        {
            return VisitTaskErrors.Duplicate(existing, service.WorkOrderNo, purpose);
        }

        var window = command.DueWindow is { } given
            ? new DueWindow(given.From ?? now, given.By!.Value, DueRule.CallerSpecified)
            : DueDatePolicy.Plan(purpose, service.ServiceType, service.CompletedAt!.Value, calendar, options.Value.Timing);

        var task = VisitTask.Create(
            Guid.CreateVersion7(now),
            new CustomerInfo(customer.ExternalId, customer.Name, customer.Phone, customer.PreferredChannel),
            new ServiceRecordInfo(service.WorkOrderNo, service.ServiceType, service.Description, service.CompletedAt!.Value, service.Staff, service.Department),
            purpose,
            command.Channel ?? customer.PreferredChannel ?? ContactChannel.Phone,
            command.Assignee,
            window,
            command.DoNotDisturbOverride?.Reason,
            now,
            calendar);

        if (DoNotDisturbRule.Applies(purpose) && command.DoNotDisturbOverride is null)
        {
            var days = options.Value.DoNotDisturbDays;
            var conflict = await db.VisitTasks.AsNoTracking()
                .Where(DoNotDisturbRule.ConflictsWith(customer.ExternalId, task.ScheduledFor, days))
                .OrderBy(t => t.ScheduledFor)
                .Select(t => new { t.Id, t.ScheduledFor })
                .FirstOrDefaultAsync(cancellationToken);
            if (conflict is not null)
            {
                return VisitTaskErrors.DoNotDisturb(conflict.Id, conflict.ScheduledFor, days);
            }
        }

        db.VisitTasks.Add(task);
        audit.Record(
            AuditSubjects.VisitTask,
            task.Id,
            "created",
            task.Version,
            new { status = task.Status, purpose = task.Purpose, channel = task.Channel, assignee = task.Assignee, dueFrom = task.DueFrom, dueBy = task.DueBy, dueRule = task.DueRule, doNotDisturbOverride = task.DoNotDisturbOverrideReason is not null },
            task.DoNotDisturbOverrideReason);
        outbox.Add(VisitTaskEvents.Created(task, caller.TenantId!, now), EventStreams.VisitTask(task.Id));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another request created the same task between our check and our insert.
            db.ChangeTracker.Clear();
            var winner = await FindActiveDuplicate(service.WorkOrderNo, purpose, cancellationToken);
            return VisitTaskErrors.Duplicate(winner ?? Guid.Empty, service.WorkOrderNo, purpose);
        }

        return VisitTaskResponse.From(task, now, caller.Has(Scopes.PiiRead));
    }

    private async Task<Guid?> FindActiveDuplicate(string workOrderNo, VisitPurpose purpose, CancellationToken cancellationToken) =>
        await db.VisitTasks.AsNoTracking()
            .Where(t => t.WorkOrderNo == workOrderNo && t.Purpose == purpose && t.Status != VisitTaskStatus.Cancelled && t.EscalationId == null)
            .Select(t => (Guid?)t.Id)
            .FirstOrDefaultAsync(cancellationToken);
}
