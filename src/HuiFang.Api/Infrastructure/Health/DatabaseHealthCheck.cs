using HuiFang.Api.Infrastructure.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HuiFang.Api.Infrastructure.Health;

/// <summary>
/// Readiness of the database: it answers, and it takes writes. A database that only reads (a primary
/// demoted in a failover, a standby, <c>default_transaction_read_only</c>, a SQLite file opened read-only)
/// would answer every write with 503; a load balancer should send the traffic elsewhere, so this check is
/// Unhealthy then, not Healthy.
/// </summary>
public sealed class DatabaseHealthCheck(HuiFangDbContext db, DatabaseDialect dialect) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var readOnly = await dialect.IsReadOnlyAsync(db, cancellationToken);
            return readOnly
                ? HealthCheckResult.Unhealthy("The database is read-only: writes are refused (503) until it takes them again.")
                : HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy(DbErrors.Classify(e) is { } fault ? $"The database is unavailable ({fault.Code})." : "The database check failed.", e);
        }
    }
}
