using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;

namespace HuiFang.Api.Infrastructure.Persistence;

/// <summary>
/// Wraps an <see cref="ITransactional"/> command in one database transaction: committed when the handler
/// succeeds, rolled back (with the change tracker cleared) when it returns a failure or throws, so a
/// failed command never leaves a partial write. A command sent inside an open transaction (an item of a
/// batch, a request with an Idempotency-Key) runs under a savepoint instead: its failure undoes only its
/// own work, and the owner of the transaction decides the commit.
/// </summary>
public sealed class TransactionBehavior<TMessage, TResponse>(HuiFangDbContext db) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : ITransactional, IMessage
    where TResponse : IFailable<TResponse>
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        // Either this command owns a transaction, or it marks a savepoint in the one that is open.
        var outer = db.Database.CurrentTransaction;
        await using var owned = outer is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var savepoint = outer is null ? null : "cmd_" + Guid.NewGuid().ToString("N")[..12];
        if (savepoint is not null)
        {
            await Transactions.StepAsync(db, () => outer!.CreateSavepointAsync(savepoint, cancellationToken));
        }

        TResponse response;
        try
        {
            response = await next(message, cancellationToken);
        }
        catch (Exception failure)
        {
            // The failure is the answer. Undoing on a connection the failure broke throws too, and that error
            // would replace the one the problem mapper can answer (a lost connection is a 503); the server
            // rolls back a transaction whose connection is gone.
            try
            {
                await UndoAsync();
            }
            catch (ConnectionLostException)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
            }

            throw;
        }

        if (!response.IsSuccess)
        {
            await UndoAsync();
        }
        else if (owned is not null)
        {
            await Transactions.CommitAsync(owned, cancellationToken);
        }
        else
        {
            // Releasing a savepoint on a lost connection fails like any statement on it (a 503); the owner's
            // transaction is gone with it and commits nothing.
            await Transactions.StepAsync(db, () => outer!.ReleaseSavepointAsync(savepoint!, cancellationToken));
        }

        return response;

        Task UndoAsync() => Transactions.UndoAsync(db, () => owned is not null
            ? owned.RollbackAsync(CancellationToken.None)
            : outer!.RollbackToSavepointAsync(savepoint!, CancellationToken.None));
    }
}
