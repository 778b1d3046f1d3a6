using HuiFang.Api.Domain.Common;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Tenants;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Api.Services.Tenants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Tenants.GetTenantSettings;

/// <summary>The caller's tenant's settings. A tenant known only from tokens has no row yet: it gets the defaults.</summary>
public sealed record GetTenantSettings : IQuery<Result<TenantSettingsResponse>>;

public sealed class GetTenantSettingsHandler(HuiFangDbContext db, ICurrentCaller caller, TimeProvider clock) : IQueryHandler<GetTenantSettings, Result<TenantSettingsResponse>>
{
    public async ValueTask<Result<TenantSettingsResponse>> Handle(GetTenantSettings query, CancellationToken cancellationToken)
    {
        var tenantId = caller.TenantId!;
        var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tenantId, cancellationToken)
            ?? Tenant.Create(tenantId, tenantId, clock.GetUtcNow());
        return TenantSettingsResponse.From(tenant);
    }
}
