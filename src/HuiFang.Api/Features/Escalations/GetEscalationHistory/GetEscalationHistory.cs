using HuiFang.Api.Domain.Common;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Escalations;
using HuiFang.Api.Services.Audit;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Escalations.GetEscalationHistory;

public sealed record GetEscalationHistory(Guid Id) : IQuery<Result<EscalationHistory>>;

/// <summary>Everything done to an escalation, by people and by the SLA monitor, oldest first.</summary>
/// <param name="EscalationId">The escalation.</param>
/// <param name="Entries">The changes: opened, acknowledged, progress, paused, resumed, reassigned, reminder-sent, sla-warning, sla-breached, resolved, reopened, closed.</param>
public sealed record EscalationHistory(Guid EscalationId, IReadOnlyList<AuditEntryResponse> Entries);

public sealed class GetEscalationHistoryHandler(HuiFangDbContext db) : IQueryHandler<GetEscalationHistory, Result<EscalationHistory>>
{
    public async ValueTask<Result<EscalationHistory>> Handle(GetEscalationHistory query, CancellationToken cancellationToken)
    {
        if (!await db.Escalations.AnyAsync(e => e.Id == query.Id, cancellationToken))
        {
            return EscalationErrors.NotFound(query.Id);
        }

        return new EscalationHistory(query.Id, await AuditHistory.LoadAsync(db, AuditSubjects.Escalation, query.Id, cancellationToken));
    }
}
