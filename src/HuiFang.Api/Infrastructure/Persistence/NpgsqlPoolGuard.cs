using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace HuiFang.Api.Infrastructure.Persistence;

/// <summary>
/// Keeps a connection that may be out of step with PostgreSQL out of the pool. A statement that fails while
/// the server binds its parameters (SQLSTATE class 22: a value too long, an invalid byte) leaves Npgsql's
/// automatically prepared statement in a state that makes the connection's next user fail with "Received
/// unexpected backend message DataRow" (npgsql/npgsql#6391, open in 10.0.3; reproduced here with the
/// service's MaxAutoPrepare and AutoPrepareMinUsages). Input rules keep such values out; should one get
/// through, every pooled connection is retired instead of handing the damage to the next request.
/// </summary>
public sealed class NpgsqlPoolGuard(ILogger<NpgsqlPoolGuard> logger) : DbCommandInterceptor
{
    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Guard(eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Guard(eventData.Exception);
        return Task.CompletedTask;
    }

    private void Guard(Exception exception)
    {
        if (DbErrors.RefusedValueState(exception) is not null || DbErrors.IsProtocolDesync(exception))
        {
            logger.LogWarning(exception, "A statement failed in a way that can corrupt its pooled connection; the pool is cleared");
            NpgsqlConnection.ClearAllPools();
        }
    }
}
