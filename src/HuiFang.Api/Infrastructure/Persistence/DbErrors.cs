using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HuiFang.Api.Infrastructure.Persistence;

/// <summary>What a database failure means for the caller: which ones a retry can fix, and after how long.</summary>
public enum DatabaseFaultKind
{
    /// <summary>The database cannot be reached, the connection was lost, it is shutting down or out of connections or resources.</summary>
    Unavailable,

    /// <summary>The database accepts reads only (a demoted primary, a standby, <c>default_transaction_read_only</c>, a read-only file).</summary>
    ReadOnly,

    /// <summary>The transaction lost to a concurrent one (deadlock, serialization failure, a lock not granted in time); it was rolled back whole.</summary>
    Contention,
}

/// <summary>A database failure a retry can fix, with the SQLSTATE (PostgreSQL) or result code (SQLite) that showed it.</summary>
public sealed record DatabaseFault(DatabaseFaultKind Kind, string Code)
{
    /// <summary>Seconds a caller should wait before retrying: a lost race clears at once, an outage takes longer.</summary>
    public int RetryAfterSeconds => Kind == DatabaseFaultKind.Contention ? 1 : 5;
}

/// <summary>Recognises database errors that mean an expected conflict, a refused value or a damaged connection rather than a fault.</summary>
public static class DbErrors
{
    /// <summary>
    /// Classifies a failure anywhere in <paramref name="exception"/>'s chain as one a retry can fix, or null when
    /// it is not (a bug, a refused value, a constraint). Deliberate per SQLSTATE class rather than Npgsql's
    /// <c>IsTransient</c>, which leaves out a read-only database (25006) and counts some states that are not
    /// the server's (55006 object in use, for one). Documented in the README's table of problems.
    /// </summary>
    public static DatabaseFault? Classify(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var fault = e switch
            {
                ConnectionLostException => new DatabaseFault(DatabaseFaultKind.Unavailable, "connection"),
                PostgresException pg => FromSqlState(pg.SqlState),
                SqliteException lite => FromSqlite(lite.SqliteErrorCode),

                // No server error: the socket failed, was reset or timed out, or the pool had no connection
                // to give within the timeout (Npgsql's TimeoutException inside an NpgsqlException).
                NpgsqlException { InnerException: System.IO.IOException or System.Net.Sockets.SocketException or TimeoutException } => new DatabaseFault(DatabaseFaultKind.Unavailable, "connection"),
                NpgsqlException { IsTransient: true } and not PostgresException => new DatabaseFault(DatabaseFaultKind.Unavailable, "connection"),
                TimeoutException => new DatabaseFault(DatabaseFaultKind.Unavailable, "timeout"),
                System.Net.Sockets.SocketException => new DatabaseFault(DatabaseFaultKind.Unavailable, "connection"),
                _ => null,
            };
            if (fault is not null)
            {
                return fault;
            }
        }

        return null;
    }

    private static DatabaseFault? FromSqlState(string state) => state switch
    {
        // 08: connection exception; 53: insufficient resources (disk full, out of memory, too many
        // connections); 57P01–57P05: administrator or crash shutdown, cannot connect now, idle timeouts;
        // 58: system error (I/O); 57014: a statement cancelled (statement_timeout) — the server's limit.
        ['0', '8', _, _, _] or ['5', '3', _, _, _] or ['5', '8', _, _, _] or "57P01" or "57P02" or "57P03" or "57P04" or "57P05" or "57014"
            => new DatabaseFault(DatabaseFaultKind.Unavailable, state),

        // 25006: read_only_sql_transaction — every write while the database accepts reads only.
        "25006" => new DatabaseFault(DatabaseFaultKind.ReadOnly, state),

        // 40001 serialization failure, 40P01 deadlock, 55P03 lock not available, 40003 statement completion unknown.
        "40001" or "40P01" or "55P03" or "40003" => new DatabaseFault(DatabaseFaultKind.Contention, state),
        _ => null,
    };

    private static DatabaseFault? FromSqlite(int code) => code switch
    {
        SqliteBusy => new DatabaseFault(DatabaseFaultKind.Contention, "SQLITE_BUSY"),
        SqliteLocked => new DatabaseFault(DatabaseFaultKind.Contention, "SQLITE_LOCKED"),
        SqliteReadOnly => new DatabaseFault(DatabaseFaultKind.ReadOnly, "SQLITE_READONLY"),
        SqliteIoErr => new DatabaseFault(DatabaseFaultKind.Unavailable, "SQLITE_IOERR"),
        SqliteFull => new DatabaseFault(DatabaseFaultKind.Unavailable, "SQLITE_FULL"),
        SqliteCantOpen => new DatabaseFault(DatabaseFaultKind.Unavailable, "SQLITE_CANTOPEN"),
        _ => null,
    };

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoErr = 10;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;

    /// <summary>
    /// The SQLSTATE of a value PostgreSQL refused while binding it (class 22: too long, an invalid byte, out of
    /// range), anywhere in <paramref name="exception"/>'s chain; null when there is none.
    /// </summary>
    public static string? RefusedValueState(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: ['2', '2', _, _, _] } postgres)
            {
                return postgres.SqlState;
            }
        }

        return null;
    }

    /// <summary>Npgsql saw a message out of protocol order: the connection is out of step with the server.</summary>
    public static bool IsProtocolDesync(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException and not PostgresException && e.Message.Contains("unexpected backend message", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;

    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException lite => lite.SqliteErrorCode == SqliteConstraint && lite.SqliteExtendedErrorCode == SqliteConstraintUnique,
        _ => false,
    };
}

/// <summary>
/// The connection was lost while a transaction committed: the server may have committed it or not, and
/// nobody can tell from here. Answered as 503 with a detail that says so.
/// </summary>
public sealed class CommitOutcomeUnknownException(Exception inner)
    : Exception("The database connection was lost while the transaction committed; its outcome is unknown.", inner);

/// <summary>
/// A transaction could not be undone (rolled back, or back to a savepoint) because its connection is gone;
/// the server discards the work of a transaction whose connection closed, so nothing was stored.
/// </summary>
public sealed class ConnectionLostException(Exception inner)
    : Exception("The database connection was lost; the open transaction was discarded by the server.", inner);

/// <summary>Commit and undo that answer a lost connection as what it means, not as whatever the driver throws next.</summary>
public static class Transactions
{
    public static async Task CommitAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        try
        {
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException && DbErrors.Classify(e) is { Kind: DatabaseFaultKind.Unavailable })
        {
            throw new CommitOutcomeUnknownException(e);
        }
    }

    /// <summary>
    /// Runs one step of an open transaction (marking or releasing a savepoint, rolling back). On a lost
    /// connection Npgsql has already marked the transaction completed and throws "Transaction is already
    /// completed" (or the socket's error); the server discards what the lost connection had open, so that is a
    /// <see cref="ConnectionLostException"/> (a 503), never the driver's message as a 500.
    /// </summary>
    public static async Task StepAsync(HuiFangDbContext db, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception e) when (IsLostConnection(db, e))
        {
            throw new ConnectionLostException(e);
        }
    }

    /// <summary>A rollback (to a savepoint or whole) as a <see cref="StepAsync"/>, forgetting the tracked changes either way.</summary>
    public static async Task UndoAsync(HuiFangDbContext db, Func<Task> undo)
    {
        try
        {
            await StepAsync(db, undo);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static bool IsLostConnection(HuiFangDbContext db, Exception e) =>
        e is System.Data.Common.DbException or InvalidOperationException or ObjectDisposedException
        && (DbErrors.Classify(e) is { Kind: DatabaseFaultKind.Unavailable } || db.Database.GetDbConnection().State != System.Data.ConnectionState.Open);
}
