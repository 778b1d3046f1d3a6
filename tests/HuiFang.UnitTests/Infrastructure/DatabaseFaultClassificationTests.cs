using HuiFang.Api.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HuiFang.UnitTests.Infrastructure;

/// <summary>
/// Every database failure class a retry can fix is classified on purpose (and so answered 503 with
/// Retry-After); what a retry cannot fix (a constraint, a refused value, a bug) is not.
/// </summary>
public sealed class DatabaseFaultClassificationTests
{
    [Theory]
    [InlineData("08006", DatabaseFaultKind.Unavailable)] // connection failure
    [InlineData("08001", DatabaseFaultKind.Unavailable)] // cannot establish
    [InlineData("53300", DatabaseFaultKind.Unavailable)] // too many connections
    [InlineData("53100", DatabaseFaultKind.Unavailable)] // disk full
    [InlineData("53200", DatabaseFaultKind.Unavailable)] // out of memory
    [InlineData("57P01", DatabaseFaultKind.Unavailable)] // admin shutdown (fast restart)
    [InlineData("57P02", DatabaseFaultKind.Unavailable)] // crash shutdown (immediate restart)
    [InlineData("57P03", DatabaseFaultKind.Unavailable)] // the database system is starting up
    [InlineData("57014", DatabaseFaultKind.Unavailable)] // statement timeout
    [InlineData("58030", DatabaseFaultKind.Unavailable)] // I/O error
    [InlineData("25006", DatabaseFaultKind.ReadOnly)] // read-only transaction
    [InlineData("40001", DatabaseFaultKind.Contention)] // serialization failure
    [InlineData("40P01", DatabaseFaultKind.Contention)] // deadlock
    [InlineData("55P03", DatabaseFaultKind.Contention)] // lock not available
    public void A_PostgreSQL_state_a_retry_can_fix_is_classified_wrapped_as_EF_Core_wraps_it(string sqlState, DatabaseFaultKind kind)
    {
        var error = new PostgresException("message", "ERROR", "ERROR", sqlState);
        var wrapped = new DbUpdateException("An error occurred while saving the entity changes.", error);

        Assert.Equal(new DatabaseFault(kind, sqlState), DbErrors.Classify(wrapped));
        Assert.Equal(kind == DatabaseFaultKind.Contention ? 1 : 5, DbErrors.Classify(error)!.RetryAfterSeconds);
    }

    [Theory]
    [InlineData("23505")] // unique violation: a 409 of its own
    [InlineData("23503")] // foreign key
    [InlineData("22001")] // value too long: the caller's 400
    [InlineData("42P01")] // undefined table: a bug
    [InlineData("55006")] // object in use: Npgsql calls it transient; it is not the server being unavailable
    public void A_PostgreSQL_state_a_retry_cannot_fix_is_not_classified(string sqlState) =>
        Assert.Null(DbErrors.Classify(new PostgresException("message", "ERROR", "ERROR", sqlState)));

    [Fact]
    public void A_lost_socket_a_pool_timeout_and_a_lost_connection_during_an_undo_are_unavailable()
    {
        Assert.Equal(DatabaseFaultKind.Unavailable, DbErrors.Classify(new NpgsqlException("Exception while reading from stream", new IOException("reset")))!.Kind);
        Assert.Equal(DatabaseFaultKind.Unavailable, DbErrors.Classify(new NpgsqlException("The connection pool has been exhausted", new TimeoutException()))!.Kind);
        Assert.Equal(DatabaseFaultKind.Unavailable, DbErrors.Classify(new ConnectionLostException(new InvalidOperationException("Transaction is already completed")))!.Kind);
        Assert.Equal(DatabaseFaultKind.Unavailable, DbErrors.Classify(new CommitOutcomeUnknownException(new NpgsqlException("x", new IOException())))!.Kind);
        Assert.Null(DbErrors.Classify(new InvalidOperationException("Transaction is already completed")));
    }

    [Theory]
    [InlineData(5, DatabaseFaultKind.Contention, "SQLITE_BUSY")]
    [InlineData(6, DatabaseFaultKind.Contention, "SQLITE_LOCKED")]
    [InlineData(8, DatabaseFaultKind.ReadOnly, "SQLITE_READONLY")]
    [InlineData(10, DatabaseFaultKind.Unavailable, "SQLITE_IOERR")]
    [InlineData(13, DatabaseFaultKind.Unavailable, "SQLITE_FULL")]
    [InlineData(14, DatabaseFaultKind.Unavailable, "SQLITE_CANTOPEN")]
    public void A_SQLite_result_a_retry_can_fix_is_classified_under_its_name(int code, DatabaseFaultKind kind, string name) =>
        Assert.Equal(new DatabaseFault(kind, name), DbErrors.Classify(new DbUpdateException("x", new SqliteException("x", code))));

    [Fact]
    public void A_SQLite_constraint_is_not_classified() =>
        Assert.Null(DbErrors.Classify(new SqliteException("UNIQUE constraint failed", 19, 2067)));
}
