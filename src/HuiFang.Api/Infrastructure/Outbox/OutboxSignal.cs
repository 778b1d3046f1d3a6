using System.Data.Common;
using System.Threading.Channels;
using HuiFang.Api.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HuiFang.Api.Infrastructure.Outbox;

/// <summary>
/// Wakes the dispatcher when a transaction that wrote events commits, so events leave within
/// milliseconds instead of waiting for the next poll. Signals coalesce: one pending wake-up is enough.
/// The poll stays as the safety net (events written by another replica, a missed signal).
/// </summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> _wakeUps = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _wakeUps.Writer.TryWrite(true);

    /// <summary>Waits for a commit with events or for <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_wakeUps.Reader.TryRead(out _))
        {
            return;
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _wakeUps.Reader.WaitToReadAsync(timer.Token);
            _wakeUps.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a signal.
        }
    }
}

/// <summary>Turns "a transaction that wrote events has committed" into <see cref="OutboxSignal.Notify"/>.</summary>
public sealed class OutboxCommitInterceptor(OutboxSignal signal) : IDbTransactionInterceptor, ISaveChangesInterceptor
{
    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        RolledBack(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => RolledBack(eventData.Context);

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    // SaveChanges outside an explicit transaction has committed its own by the time it returns.
    private void Saved(Microsoft.EntityFrameworkCore.DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Committed(context);
        }
    }

    private void Committed(Microsoft.EntityFrameworkCore.DbContext? context)
    {
        if (context is HuiFangDbContext { EventsWritten: true } db)
        {
            db.EventsWritten = false;
            signal.Notify();
        }
    }

    private static void RolledBack(Microsoft.EntityFrameworkCore.DbContext? context)
    {
        if (context is HuiFangDbContext db)
        {
            db.EventsWritten = false;
        }
    }
}
