using HuiFang.Api.Domain.Common;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.FollowUp;
using HuiFang.Api.Domain.Tenants;
using HuiFang.Api.Services.Tenants;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Policies;

/// <summary>A tenant's follow-up policy.</summary>
/// <param name="Policy">The rules in force, every field filled.</param>
/// <param name="IsDefault">True when the tenant has no policy of its own and the service defaults apply.</param>
/// <param name="UpdatedAt">When this policy last changed, if ever.</param>
/// <param name="Version">This policy's own version (0 while the defaults were never changed; the tenant's calendar and its other policy have versions of their own); the ETag is this number in quotes. Decisions record the version that made them.</param>
public sealed record FollowUpPolicyResponse(FollowUpPolicySettings Policy, bool IsDefault, DateTimeOffset? UpdatedAt, int Version) : IVersioned;

public sealed record GetFollowUpPolicy : IQuery<Result<FollowUpPolicyResponse>>;

public sealed record UpdateFollowUpPolicy([property: RequestBody] FollowUpPolicySettings Settings, IfMatch? IfMatch = null) : ICommand<Result<FollowUpPolicyResponse>>, ITransactional;

public sealed class UpdateFollowUpPolicyValidator : AbstractValidator<UpdateFollowUpPolicy>
{
    public UpdateFollowUpPolicyValidator() => RuleFor(x => x.Settings).ValidateWith(new FollowUpPolicySettingsValidator());
}

public sealed class GetFollowUpPolicyHandler(HuiFangDbContext db, ICurrentCaller caller) : IQueryHandler<GetFollowUpPolicy, Result<FollowUpPolicyResponse>>
{
    public async ValueTask<Result<FollowUpPolicyResponse>> Handle(GetFollowUpPolicy query, CancellationToken cancellationToken)
    {
        var tenantId = caller.TenantId!;
        var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tenantId, cancellationToken);
        return FollowUpPolicyFeature.Respond(tenant);
    }
}

public sealed class UpdateFollowUpPolicyHandler(TenantSettings settings) : ICommandHandler<UpdateFollowUpPolicy, Result<FollowUpPolicyResponse>>
{
    public async ValueTask<Result<FollowUpPolicyResponse>> Handle(UpdateFollowUpPolicy command, CancellationToken cancellationToken)
    {
        var policy = command.Settings.ToPolicy();
        var changed = await settings.ChangeAsync(
            command.IfMatch,
            t => t.FollowUpPolicyVersion,
            (tenant, now) =>
            {
                tenant.SetFollowUpPolicy(FollowUpPolicyJson.Write(policy), now);
                return ("follow-up-policy-updated", FollowUpPolicySettings.From(policy));
            },
            cancellationToken);
        return changed.IsSuccess ? FollowUpPolicyFeature.Respond(changed.Value) : changed.Error!;
    }
}

internal static class FollowUpPolicyFeature
{
    public static FollowUpPolicyResponse Respond(Tenant? tenant) =>
        tenant?.FollowUpPolicyJson is { } json
            ? new FollowUpPolicyResponse(FollowUpPolicySettings.From(FollowUpPolicyJson.Read(json)), false, tenant.FollowUpPolicyUpdatedAt, tenant.FollowUpPolicyVersion)
            : new FollowUpPolicyResponse(FollowUpPolicySettings.From(FollowUpPolicy.Default), true, tenant?.FollowUpPolicyUpdatedAt, tenant?.FollowUpPolicyVersion ?? 0);
}
