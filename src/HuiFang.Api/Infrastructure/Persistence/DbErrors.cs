using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HuiFang.Api.Infrastructure.Persistence;

/// <summary>Recognises database errors that mean an expected conflict rather than a fault.</summary>
public static class DbErrors
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;

    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException lite => lite.SqliteErrorCode == SqliteConstraint && lite.SqliteExtendedErrorCode == SqliteConstraintUnique,
        _ => false,
    };
}
