using HuiFang.Api.Domain.Common;
using System.Globalization;
using FluentValidation;
using System.ComponentModel.DataAnnotations;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.FollowUp;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Services.Tenants;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;
using HuiFang.Api.Services.Planning;

namespace HuiFang.Api.Features.ServiceRecords.ReceiveServiceRecord;

/// <summary>A completed job reported to HuiFang; the same shapes as in POST /api/v1/visit-tasks.</summary>
/// <param name="Customer">The customer the job was done for.</param>
/// <param name="ServiceRecord">The completed job; its work-order number is the record's key.</param>
public sealed record ServiceRecordRequest([property: Required] CustomerInput Customer, [property: Required] ServiceRecordInput ServiceRecord);

/// <summary>Receive one service record and apply the tenant's follow-up policy to it.</summary>
public sealed record ReceiveServiceRecord([property: RequestBody] ServiceRecordRequest Request, IntakeSource Source) : ICommand<Result<ReceivedServiceRecord>>, ITransactional;

/// <summary>The record and whether this request created it (false: a repeat of a record already received).</summary>
public sealed record ReceivedServiceRecord(ServiceRecordDetails Record, bool Created);

/// <summary>
/// Decides one record: the rule of its service type (the default rule when none names it), its position
/// in the rule's month under a lock, the sampling decision, and for a chosen record a visit task planned
/// by the rule's timing, unless the do-not-disturb or the do-not-contact rule holds it back. A repeat of a work order already
/// received with the same content returns the first decision; different content is a conflict.
/// </summary>
public sealed class ReceiveServiceRecordHandler(
    HuiFangDbContext db,
    DatabaseDialect dialect,
    TimeProvider clock,
    TenantSettings tenant,
    VisitTaskPlanner planner,
    ICurrentCaller caller) : ICommandHandler<ReceiveServiceRecord, Result<ReceivedServiceRecord>>
{
    public async ValueTask<Result<ReceivedServiceRecord>> Handle(ReceiveServiceRecord command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var input = command.Request;
        var customer = new CustomerInfo(input.Customer!.ExternalId, input.Customer.Name, input.Customer.Phone, input.Customer.PreferredChannel);
        var s = input.ServiceRecord!;
        var service = new ServiceRecordInfo(s.WorkOrderNo, s.ServiceType, s.Description, s.CompletedAt!.Value, s.Staff, s.Department);

        var calendar = await tenant.GetCalendarAsync(cancellationToken);
        var (policy, policyVersion) = await tenant.GetFollowUpPolicyAsync(cancellationToken);
        var (rule, isDefault) = policy.RuleFor(service.ServiceType);
        var month = calendar.LocalDate(service.CompletedAt).ToString("yyyy-MM", CultureInfo.InvariantCulture);

        // Under the lock, the month's count and a repeat of the same work order are both seen exactly.
        await dialect.LockSamplingAsync(db, rule.Name, month, cancellationToken);
        if (await db.ServiceRecords.AsNoTracking().FirstOrDefaultAsync(r => r.WorkOrderNo == service.WorkOrderNo, cancellationToken) is { } existing)
        {
            return Repeat(existing, customer, service);
        }

        var outcomes = await db.ServiceRecords.AsNoTracking()
            .Where(r => r.RuleName == rule.Name && r.Month == month)
            .GroupBy(r => r.Outcome)
            .Select(g => new { Outcome = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var volume = outcomes.Sum(o => o.Count) + 1;
        var chosenBefore = outcomes.Where(o => ServiceRecord.CountsAsVisit(o.Outcome)).Sum(o => o.Count);
        var decision = Sampling.Decide(rule, volume, chosenBefore, policy.SamplingKey ?? caller.TenantId!, service.WorkOrderNo);
        var timing = policy.TimingFor(service.ServiceType);
        var channel = rule.Channel ?? customer.PreferredChannel ?? ContactChannel.Phone;
        var record = ServiceRecord.Receive(Guid.CreateVersion7(now), customer, service, command.Source, now, month, rule, isDefault, decision, channel, timing.Kind, policyVersion);

        if (decision.Selected)
        {
            var window = DueDatePolicy.Plan(timing, service.CompletedAt, calendar);
            var planned = await planner.PlanAsync(new VisitPlan(customer, service, rule.Purpose, channel, null, window, null), cancellationToken);
            if (planned.Task is { } task)
            {
                record.Planned(task);
            }
            else if (planned.ExistingTaskId is { } taskId)
            {
                record.LinkedTo(taskId);
            }
            else if (planned.DoNotContactSince is not null)
            {
                record.HeldBackByDoNotContact(window);
            }
            else
            {
                record.HeldBackByDoNotDisturb(planned.DoNotDisturbConflict!.Value.Id, window);
            }
        }

        db.ServiceRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // The same work order arrived under another rule or month at the same moment (its content differs).
            db.ChangeTracker.Clear();
            var winner = await db.ServiceRecords.AsNoTracking().FirstOrDefaultAsync(r => r.WorkOrderNo == service.WorkOrderNo, cancellationToken);
            return winner is null ? ServiceRecordErrors.Conflict(service.WorkOrderNo) : Repeat(winner, customer, service);
        }

        return new ReceivedServiceRecord(ServiceRecordDetails.From(record, caller.Has(Scopes.PiiRead)), true);
    }

    private Result<ReceivedServiceRecord> Repeat(ServiceRecord existing, CustomerInfo customer, ServiceRecordInfo service) =>
        existing.SameAs(customer, service)
            ? new ReceivedServiceRecord(ServiceRecordDetails.From(existing, caller.Has(Scopes.PiiRead)), false)
            : ServiceRecordErrors.Conflict(service.WorkOrderNo);
}

public sealed class ReceiveServiceRecordValidator : AbstractValidator<ReceiveServiceRecord>
{
    public ReceiveServiceRecordValidator(TimeProvider clock) =>
        RuleFor(x => x.Request).ValidateWith(new ServiceRecordRequestValidator(clock));
}

public sealed class ServiceRecordRequestValidator : AbstractValidator<ServiceRecordRequest>
{
    public ServiceRecordRequestValidator(TimeProvider clock)
    {
        RuleFor(x => x.Customer).NotNull().SetValidator(new CustomerInputValidator());
        RuleFor(x => x.ServiceRecord).NotNull().SetValidator(new ServiceRecordInputValidator(clock));
    }
}
