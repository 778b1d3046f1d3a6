using HuiFang.Api.Domain.Common;
using System.ComponentModel.DataAnnotations;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Infrastructure.Configuration;
using HuiFang.Api.Services.Tenants;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Api.Services.VisitTasks;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using HuiFang.Api.Services.Planning;

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
    VisitTaskPlanner planner,
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

        var window = command.DueWindow is { } given
            ? new DueWindow(given.From ?? now, given.By!.Value, DueRule.CallerSpecified)
            : DueDatePolicy.Plan(purpose, service.ServiceType, service.CompletedAt!.Value, calendar, options.Value.Timing);

        var plan = new VisitPlan(
            new CustomerInfo(customer.ExternalId, customer.Name, customer.Phone, customer.PreferredChannel),
            new ServiceRecordInfo(service.WorkOrderNo, service.ServiceType, service.Description, service.CompletedAt!.Value, service.Staff, service.Department),
            purpose,
            command.Channel ?? customer.PreferredChannel ?? ContactChannel.Phone,
            command.Assignee,
            window,
            command.DoNotDisturbOverride?.Reason);
        var planned = await planner.PlanAsync(plan, cancellationToken);
        if (planned.ToError(plan) is { } refused)
        {
            return refused;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another request created the same task between our check and our insert.
            db.ChangeTracker.Clear();
            var winner = await VisitTaskQueries.ActiveDuplicateAsync(db, service.WorkOrderNo, purpose, cancellationToken);
            return VisitTaskErrors.Duplicate(winner ?? Guid.Empty, service.WorkOrderNo, purpose);
        }

        return VisitTaskResponse.From(planned.Task!, now, caller.Has(Scopes.PiiRead));
    }
}
