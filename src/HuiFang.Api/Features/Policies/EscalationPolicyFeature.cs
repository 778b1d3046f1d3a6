using HuiFang.Api.Domain.Common;
using HuiFang.Api.Services.Policies;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Escalations;
using HuiFang.Api.Domain.Tenants;
using HuiFang.Api.Services.Tenants;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using Mediator;

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

internal static class EscalationPolicyFeature
{
    public static readonly PolicyDocument<EscalationPolicy, EscalationPolicySettings, EscalationPolicyResponse> Document = new(
        "escalation-policy-updated",
        EscalationPolicy.Default,
        t => new(t.EscalationPolicyJson, t.EscalationPolicyUpdatedAt, t.EscalationPolicyVersion),
        (t, json, now) => t.SetEscalationPolicy(json, now),
        EscalationPolicyJson.Read,
        EscalationPolicyJson.Write,
        (policy, isDefault, updatedAt, version) => new(policy, isDefault, updatedAt, version));
}
