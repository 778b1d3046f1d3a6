using HuiFang.Api.Domain.Common;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.FollowUp;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Features.ServiceRecords.ReceiveServiceRecord;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Contracts;
using MassTransit;
using Mediator;
using Microsoft.EntityFrameworkCore;
using HuiFang.Api.Services.Planning;

namespace HuiFang.Api.Features.ServiceRecords;

/// <summary>A service record message that can never be taken as it is: not retried, moved to the error queue.</summary>
public sealed class RejectedServiceRecordException(string message) : Exception(message);

/// <summary>
/// Takes <see cref="ServiceRecordCompleted"/> from the broker through the same use case as the HTTP intake,
/// as the message's tenant. A redelivery is a repeat (the first decision stands); a message that cannot be
/// taken raises <see cref="RejectedServiceRecordException"/>, which MassTransit moves to the error queue with
/// the reason, so nothing is lost silently.
/// </summary>
public sealed class ServiceRecordCompletedConsumer(IMediator mediator, CurrentCaller caller, HuiFangDbContext db, ILogger<ServiceRecordCompletedConsumer> logger)
    : IConsumer<ServiceRecordCompleted>
{
    public const string Queue = "huifang.intake";

    public async Task Consume(ConsumeContext<ServiceRecordCompleted> context)
    {
        var m = context.Message;
        if (string.IsNullOrEmpty(m.TenantId) || !ValidationRules.IsCode(m.TenantId))
        {
            throw new RejectedServiceRecordException("tenantId: missing or not a tenant id.");
        }

        caller.Set(Caller.System(m.TenantId, "broker"));
        if (!await db.Tenants.AnyAsync(t => t.Id == m.TenantId, context.CancellationToken))
        {
            throw new RejectedServiceRecordException($"tenantId: tenant '{m.TenantId}' does not exist.");
        }

        ContactChannel? preferred = null;
        if (m.Customer?.PreferredChannel is { } text)
        {
            preferred = InputRules.TryParseName<ContactChannel>(text, out var channel)
                ? channel
                : throw new RejectedServiceRecordException($"customer.preferredChannel: '{text}' is not a channel.");
        }

        var request = new ServiceRecordRequest(
            m.Customer is null ? null! : new CustomerInput(m.Customer.ExternalId, m.Customer.Name, m.Customer.Phone, preferred),
            new ServiceRecordInput(m.WorkOrderNo, m.ServiceType, m.Description, m.CompletedAt, m.Staff, m.Department));
        var result = await mediator.Send(new ReceiveServiceRecord.ReceiveServiceRecord(request, IntakeSource.Broker), context.CancellationToken);
        if (!result.IsSuccess)
        {
            var error = result.Error!;
            var detail = error.ValidationErrors is { } errors
                ? string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))
                : error.ToProblemDetails().Detail;
            throw new RejectedServiceRecordException($"{error.Code}: {detail}");
        }

        var decision = result.Value.Record.Decision;
        logger.LogInformation(
            "Service record {WorkOrderNo} of tenant {TenantId} from the broker: {Outcome} by rule {Rule} ({Repeat})",
            m.WorkOrderNo,
            m.TenantId,
            decision.Outcome,
            decision.Rule,
            result.Value.Created ? "new" : "repeat");
    }
}
