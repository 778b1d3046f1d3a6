using HuiFang.Api.Domain.Common;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Calendar;
using HuiFang.Api.Domain.Escalations;
using HuiFang.Api.Services.Changes;
using HuiFang.Api.Services.Tenants;

namespace HuiFang.Api.Features.Escalations;

/// <summary>
/// Every command that changes one escalation, on the one change pipeline (<see cref="VersionedChange"/>: load —
/// another tenant's is as absent as an unknown one —, If-Match, change, save, 409 on a lost race). Before the
/// step, the SLA clock is caught up (a breach that happened before this change is recorded, once), in the
/// tenant's calendar. What the step owes (its history entry and its events) the escalation raises itself and
/// <see cref="EscalationRecorder"/> records at the save. A lost race without If-Match runs the step once more on
/// what is there now: the SLA monitor recording a breach in between must not make a request that asked for no
/// precondition fail, and the aggregate still refuses a step the new state does not allow.
/// </summary>
public sealed class EscalationChange(VersionedChange versioned, TenantSettings tenant, TimeProvider clock)
{
    public DateTimeOffset Now { get; } = clock.GetUtcNow();

    public ValueTask<Result<EscalationResponse>> ApplyAsync(
        Guid id,
        IfMatch? ifMatch,
        Func<Escalation, BusinessCalendar, Outcome> change,
        CancellationToken cancellationToken) =>
        ApplyAsync(id, ifMatch, (e, calendar) => ValueTask.FromResult(change(e, calendar)), cancellationToken);

    public async ValueTask<Result<EscalationResponse>> ApplyAsync(
        Guid id,
        IfMatch? ifMatch,
        Func<Escalation, BusinessCalendar, ValueTask<Outcome>> change,
        CancellationToken cancellationToken)
    {
        BusinessCalendar? calendar = null;
        var changed = await versioned.ApplyAsync(
            EscalationResource.Instance,
            id,
            ifMatch,
            async (escalation, token) =>
            {
                calendar ??= await tenant.GetCalendarAsync(token);
                escalation.Check(Now, calendar);
                return await change(escalation, calendar);
            },
            cancellationToken,
            LostRace.RetryOnceWithoutIfMatch);
        return changed.Map(e => EscalationResponse.From(e, Now));
    }
}
