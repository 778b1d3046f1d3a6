using HuiFang.Api.Domain.Common;
using HuiFang.Api.Services.Policies;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.FollowUp;
using HuiFang.Api.Domain.Tenants;
using HuiFang.Api.Services.Tenants;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using Mediator;

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

internal static class FollowUpPolicyFeature
{
    public static readonly PolicyDocument<FollowUpPolicy, FollowUpPolicySettings, FollowUpPolicyResponse> Document = new(
        "follow-up-policy-updated",
        FollowUpPolicy.Default,
        t => new(t.FollowUpPolicyJson, t.FollowUpPolicyUpdatedAt, t.FollowUpPolicyVersion),
        (t, json, now) => t.SetFollowUpPolicy(json, now),
        FollowUpPolicyJson.Read,
        FollowUpPolicyJson.Write,
        (policy, isDefault, updatedAt, version) => new(policy, isDefault, updatedAt, version));
}
