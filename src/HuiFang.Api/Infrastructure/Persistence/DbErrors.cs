using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HuiFang.Api.Infrastructure.Persistence;

/// <summary>Recognises database errors that mean an expected conflict, a refused value or a damaged connection rather than a fault.</summary>
public static class DbErrors
{
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
