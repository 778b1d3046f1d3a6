using HuiFang.Api.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HuiFang.Api.Infrastructure.Health;

/// <summary>
/// Readiness of the database: it answers, and it takes writes. A database that only reads (a primary
/// demoted in a failover, a standby, <c>default_transaction_read_only</c>, a SQLite file opened read-only)
/// would answer every write with 503; a load balancer should send the traffic elsewhere, so this check is
/// Unhealthy then, not Healthy.
/// </summary>
public sealed class DatabaseHealthCheck(HuiFangDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var readOnly = db.Database.IsNpgsql()
                // Outside a transaction this is the session's default: on for a standby and for default_transaction_read_only.
                ? await db.Database.SqlQueryRaw<string>("SELECT current_setting('transaction_read_only') AS \"Value\"").SingleAsync(cancellationToken) == "on"
                : await SqliteIsReadOnlyAsync(cancellationToken);
            return readOnly
                ? HealthCheckResult.Unhealthy("The database is read-only: writes are refused (503) until it takes them again.")
                : HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy(DbErrors.Classify(e) is { } fault ? $"The database is unavailable ({fault.Code})." : "The database check failed.", e);
        }
    }

    private async Task<bool> SqliteIsReadOnlyAsync(CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            // SQLite opens a file it may not write read-only without an error; it says so here.
            return SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1;
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
