using HuiFang.Api.Domain.Common;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Calendar;
using HuiFang.Api.Domain.Escalations;
using HuiFang.Api.Features.Tenants;
using HuiFang.Api.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Escalations;

/// <summary>
/// The common shape of every command that changes one escalation: load it (another tenant's is as absent
/// as an unknown one), check If-Match, catch the SLA clock up (a breach that happened before this
/// change is recorded, once), let the aggregate decide, save — one transaction. What the change owes (its
/// history entry and its events) the escalation raises itself and <see cref="EscalationRecorder"/> records at
/// the save. A concurrent change is caught by the version: with If-Match it is answered with 409 (what the
/// caller saw has changed); without, the command runs once more on what is there now — the SLA monitor
/// recording a breach in between must not make a request that asked for no precondition fail, and the
/// aggregate still refuses a step the new state does not allow.
/// </summary>
public sealed class EscalationChange(HuiFangDbContext db, TenantSettings tenant, TimeProvider clock)
{
    public DateTimeOffset Now { get; } = clock.GetUtcNow();

    public ValueTask<Result<EscalationResponse>> ApplyAsync(
        Guid id,
        IfMatch? ifMatch,
        Func<Escalation, BusinessCalendar, Outcome> change,
        CancellationToken cancellationToken) =>
        ApplyAsync(id, ifMatch, (e, calendar) => ValueTask.FromResult(change(e, calendar)), cancellationToken);

    public ValueTask<Result<EscalationResponse>> ApplyAsync(
        Guid id,
        IfMatch? ifMatch,
        Func<Escalation, BusinessCalendar, ValueTask<Outcome>> change,
        CancellationToken cancellationToken) =>
        ApplyAsync(id, ifMatch, change, retry: ifMatch is null, cancellationToken);

    private async ValueTask<Result<EscalationResponse>> ApplyAsync(
        Guid id,
        IfMatch? ifMatch,
        Func<Escalation, BusinessCalendar, ValueTask<Outcome>> change,
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
        escalation.Check(Now, calendar);

        var outcome = await change(escalation, calendar);
        if (!outcome.IsSuccess)
        {
            return outcome.Error!;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException) when (retry)
        {
            // SaveChanges rolled its own savepoint back: nothing of this attempt was written. Forget it (the
            // history entries and events recorded for it included) and start again from a fresh read.
            db.ChangeTracker.Clear();
            return await ApplyAsync(id, ifMatch, change, retry: false, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return EscalationErrors.ConcurrentChange(id);
        }

        return EscalationResponse.From(escalation, Now);
    }
}
