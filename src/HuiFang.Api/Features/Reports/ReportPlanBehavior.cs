using HuiFang.Api.Infrastructure.Persistence;
using Mediator;

namespace HuiFang.Api.Features.Reports;

/// <summary>
/// Runs a report's queries with plans made for its own period. Npgsql prepares statements the service
/// sends again and again, and after five runs PostgreSQL may keep a generic plan that does not know the
/// period's size: for a month of 1,000,000 feedback rows it walked the index instead of scanning the
/// table and took twice as long as the same SQL with its values (bench/results, 2026-12-01). The
/// request's read transaction asks for a fresh plan on every execution; one plan costs a millisecond, a
/// report hundreds.
/// </summary>
public sealed class ReportPlanBehavior<TMessage, TResponse>(HuiFangDbContext db, DatabaseDialect dialect) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IReportQuery, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        await using var transaction = await dialect.BeginReportReadAsync(db, cancellationToken);
        var response = await next(message, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return response;
    }
}
