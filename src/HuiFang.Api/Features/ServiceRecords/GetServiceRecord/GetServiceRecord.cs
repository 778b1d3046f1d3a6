using HuiFang.Api.Domain.Common;
using HuiFang.Api.Common;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.ServiceRecords.GetServiceRecord;

public sealed record GetServiceRecord(string WorkOrderNo) : IQuery<Result<ServiceRecordDetails>>;

public sealed class GetServiceRecordHandler(HuiFangDbContext db, ICurrentCaller caller) : IQueryHandler<GetServiceRecord, Result<ServiceRecordDetails>>
{
    public async ValueTask<Result<ServiceRecordDetails>> Handle(GetServiceRecord query, CancellationToken cancellationToken)
    {
        var record = await db.ServiceRecords.AsNoTracking().FirstOrDefaultAsync(r => r.WorkOrderNo == query.WorkOrderNo, cancellationToken);
        return record is null
            ? ServiceRecordErrors.NotFound(query.WorkOrderNo)
            : ServiceRecordDetails.From(record, caller.Has(Scopes.PiiRead));
    }
}
