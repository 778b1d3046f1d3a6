using HuiFang.Api.Infrastructure.Persistence;
using Mediator;

namespace HuiFang.Api.Common;

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
        if (db.Database.CurrentTransaction is { } outer)
        {
            var savepoint = "cmd_" + Guid.NewGuid().ToString("N")[..12];
            await outer.CreateSavepointAsync(savepoint, cancellationToken);
            TResponse nested;
            try
            {
                nested = await next(message, cancellationToken);
            }
            catch
            {
                await outer.RollbackToSavepointAsync(savepoint, CancellationToken.None);
                db.ChangeTracker.Clear();
                throw;
            }

            if (nested.IsSuccess)
            {
                await outer.ReleaseSavepointAsync(savepoint, cancellationToken);
            }
            else
            {
                await outer.RollbackToSavepointAsync(savepoint, CancellationToken.None);
                db.ChangeTracker.Clear();
            }

            return nested;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var response = await next(message, cancellationToken);
            if (response.IsSuccess)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            else
            {
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
            }

            return response;
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            throw;
        }
    }
}
