using HuiFang.Api.Domain.Common;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Escalations;
using HuiFang.Api.Domain.Tenants;
using HuiFang.Api.Services.Tenants;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Policies;

/// <summary>A tenant's feedback and escalation rules.</summary>
/// <param name="Policy">The rules in force, every field filled.</param>
/// <param name="IsDefault">True when the tenant has no rules of its own and the service defaults apply.</param>
/// <param name="UpdatedAt">When this policy last changed, if ever.</param>
/// <param name="Version">This policy's own version (0 while the defaults were never changed; the tenant's calendar and its other policy have versions of their own); the ETag is this number in quotes.</param>
public sealed record EscalationPolicyResponse(EscalationPolicySettings Policy, bool IsDefault, DateTimeOffset? UpdatedAt, int Version) : IVersioned;

public sealed record GetEscalationPolicy : IQuery<Result<EscalationPolicyResponse>>;

public sealed record UpdateEscalationPolicy([property: RequestBody] EscalationPolicySettings Settings, IfMatch? IfMatch = null) : ICommand<Result<EscalationPolicyResponse>>, ITransactional;

public sealed class UpdateEscalationPolicyValidator : AbstractValidator<UpdateEscalationPolicy>
{
    // The body is the settings themselves: failures are reported under the settings' own field names.
    public UpdateEscalationPolicyValidator() => RuleFor(x => x.Settings).ValidateWith(new EscalationPolicySettingsValidator());
}

public sealed class GetEscalationPolicyHandler(HuiFangDbContext db, ICurrentCaller caller) : IQueryHandler<GetEscalationPolicy, Result<EscalationPolicyResponse>>
{
    public async ValueTask<Result<EscalationPolicyResponse>> Handle(GetEscalationPolicy query, CancellationToken cancellationToken)
    {
        var tenantId = caller.TenantId!;
        var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tenantId, cancellationToken);
        return EscalationPolicyFeature.Respond(tenant);
    }
}

public sealed class UpdateEscalationPolicyHandler(TenantSettings settings) : ICommandHandler<UpdateEscalationPolicy, Result<EscalationPolicyResponse>>
{
    public async ValueTask<Result<EscalationPolicyResponse>> Handle(UpdateEscalationPolicy command, CancellationToken cancellationToken)
    {
        var policy = command.Settings.ToPolicy();
        var changed = await settings.ChangeAsync(
            command.IfMatch,
            t => t.EscalationPolicyVersion,
            (tenant, now) =>
            {
                tenant.SetEscalationPolicy(EscalationPolicyJson.Write(policy), now);
                return ("escalation-policy-updated", EscalationPolicySettings.From(policy));
            },
            cancellationToken);
        return changed.IsSuccess ? EscalationPolicyFeature.Respond(changed.Value) : changed.Error!;
    }
}

internal static class EscalationPolicyFeature
{
    public static EscalationPolicyResponse Respond(Tenant? tenant) =>
        tenant?.EscalationPolicyJson is { } json
            ? new EscalationPolicyResponse(EscalationPolicySettings.From(EscalationPolicyJson.Read(json)), false, tenant.EscalationPolicyUpdatedAt, tenant.EscalationPolicyVersion)
            : new EscalationPolicyResponse(EscalationPolicySettings.From(EscalationPolicy.Default), true, tenant?.EscalationPolicyUpdatedAt, tenant?.EscalationPolicyVersion ?? 0);
}
