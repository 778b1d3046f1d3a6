using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Services.Changes;

/// <summary>
/// How one kind of versioned resource is found and how its refusals are named: what
/// <see cref="VersionedChange"/> needs to change it. One small class per resource (a visit task, an
/// escalation, a tenant's settings document).
/// </summary>
/// <typeparam name="TKey">What the caller names the resource by.</typeparam>
/// <typeparam name="T">The aggregate.</typeparam>
public abstract class VersionedResource<TKey, T>
    where T : class
{
    /// <summary>The resource, tracked for the change; null when there is none (another tenant's is as absent as an unknown one).</summary>
    public abstract Task<T?> FindAsync(HuiFangDbContext db, TKey key, CancellationToken cancellationToken);

    /// <summary>The version the caller's If-Match is compared with (the resource's ETag).</summary>
    public abstract int VersionOf(T resource);

    public abstract Error NotFound(TKey key);

    /// <summary>412: If-Match names another version than <paramref name="currentVersion"/>.</summary>
    public abstract Error PreconditionFailed(TKey key, int currentVersion);

    /// <summary>409: another change of the same resource was saved first.</summary>
    public abstract Error ConcurrentChange(TKey key);
}

/// <summary>What a change does when it loses the race to another change of the same resource.</summary>
public enum LostRace
{
    /// <summary>Answer 409: what the caller decided on has changed.</summary>
    Conflict,

    /// <summary>
    /// Without If-Match, run the change once more on what is there now (the aggregate still refuses a step the new
    /// state does not allow) and answer 409 only if that loses too; with If-Match, answer 409.
    /// </summary>
    RetryOnceWithoutIfMatch,
}

/// <summary>
/// The one shape of every command that changes one versioned resource: load it, check the caller's If-Match
/// (412), let the aggregate decide (its refusal is the answer, nothing written), save — the aggregate's
/// domain events become its audit entries and outbox rows in the same save — and answer 409 when another
/// change of the same resource was saved first (the version is the concurrency token, so two transitions can
/// never both win).
/// </summary>
public sealed class VersionedChange(HuiFangDbContext db)
{
    public ValueTask<Result<T>> ApplyAsync<TKey, T>(
        VersionedResource<TKey, T> resource,
        TKey key,
        IfMatch? ifMatch,
        Func<T, Outcome> change,
        CancellationToken cancellationToken,
        LostRace lostRace = LostRace.Conflict)
        where T : class =>
        ApplyAsync(resource, key, ifMatch, (t, _) => ValueTask.FromResult(change(t)), cancellationToken, lostRace);

    public async ValueTask<Result<T>> ApplyAsync<TKey, T>(
        VersionedResource<TKey, T> resource,
        TKey key,
        IfMatch? ifMatch,
        Func<T, CancellationToken, ValueTask<Outcome>> change,
        CancellationToken cancellationToken,
        LostRace lostRace = LostRace.Conflict)
        where T : class
    {
        var retry = lostRace == LostRace.RetryOnceWithoutIfMatch && ifMatch is null;
        while (true)
        {
            var item = await resource.FindAsync(db, key, cancellationToken);
            if (item is null)
            {
                return resource.NotFound(key);
            }

            if (ifMatch is not null && !ifMatch.Matches(resource.VersionOf(item)))
            {
                return resource.PreconditionFailed(key, resource.VersionOf(item));
            }

            var outcome = await change(item, cancellationToken);
            if (!outcome.IsSuccess)
            {
                return outcome.Error!;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return item;
            }
            catch (DbUpdateConcurrencyException) when (retry)
            {
                // SaveChanges rolled its own savepoint back: nothing of this attempt was written. Forget it and
                // start again from a fresh read.
                db.ChangeTracker.Clear();
                retry = false;
            }
            catch (DbUpdateConcurrencyException)
            {
                return resource.ConcurrentChange(key);
            }
        }
    }
}
