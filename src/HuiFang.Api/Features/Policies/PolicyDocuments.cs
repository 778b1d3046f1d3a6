using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Escalations;
using HuiFang.Api.Domain.FollowUp;
using HuiFang.Api.Domain.Quality;
using HuiFang.Api.Domain.Surveys;
using HuiFang.Api.Services.Policies;
using Mediator;

namespace HuiFang.Api.Features.Policies;

// The tenant's policy documents, declared side by side: what tells them apart is only their types and the
// data of their PolicyDocument; reading, replacing, auditing and answering them is PolicyDocument's, and their
// handlers are PolicyHandlers'.

/// <summary>A tenant's follow-up policy.</summary>
/// <param name="Policy">The rules in force, every field filled.</param>
/// <param name="IsDefault">True when the tenant has no policy of its own and the service defaults apply.</param>
/// <param name="UpdatedAt">When this policy last changed, if ever.</param>
/// <param name="Version">This policy's own version (0 while the defaults were never changed; the tenant's calendar and its other policy have versions of their own); the ETag is this number in quotes. Decisions record the version that made them.</param>
public sealed record FollowUpPolicyResponse(FollowUpPolicySettings Policy, bool IsDefault, DateTimeOffset? UpdatedAt, int Version) : IVersioned;

/// <summary>A tenant's feedback and escalation rules.</summary>
/// <param name="Policy">The rules in force, every field filled.</param>
/// <param name="IsDefault">True when the tenant has no rules of its own and the service defaults apply.</param>
/// <param name="UpdatedAt">When this policy last changed, if ever.</param>
/// <param name="Version">This policy's own version (0 while the defaults were never changed; the tenant's calendar and its other policy have versions of their own); the ETag is this number in quotes.</param>
public sealed record EscalationPolicyResponse(EscalationPolicySettings Policy, bool IsDefault, DateTimeOffset? UpdatedAt, int Version) : IVersioned;

/// <summary>A tenant's survey-invitation policy.</summary>
/// <param name="Policy">The rules in force, every field filled.</param>
/// <param name="IsDefault">True when the tenant has no survey policy of its own and the service defaults apply.</param>
/// <param name="UpdatedAt">When this policy last changed, if ever.</param>
/// <param name="Version">This policy's own version (0 while the defaults were never changed); the ETag is this number in quotes.</param>
public sealed record SurveyPolicyResponse(SurveyPolicySettings Policy, bool IsDefault, DateTimeOffset? UpdatedAt, int Version) : IVersioned;

/// <summary>A tenant's quality policy: weekly review deadline, spot-check sample, recurrence rule, corrective-action due days.</summary>
/// <param name="Policy">The rules in force, every field filled.</param>
/// <param name="IsDefault">True when the tenant has no quality policy of its own and the service defaults apply.</param>
/// <param name="UpdatedAt">When this policy last changed, if ever.</param>
/// <param name="Version">This policy's own version (0 while the defaults were never changed); the ETag is this number in quotes.</param>
public sealed record QualityPolicyResponse(QualityPolicySettings Policy, bool IsDefault, DateTimeOffset? UpdatedAt, int Version) : IVersioned;

public sealed record GetQualityPolicy : IQuery<Result<QualityPolicyResponse>>;

public sealed record UpdateQualityPolicy([property: RequestBody] QualityPolicySettings Settings, IfMatch? IfMatch = null) : ICommand<Result<QualityPolicyResponse>>, ITransactional;

public sealed class UpdateQualityPolicyValidator : AbstractValidator<UpdateQualityPolicy>
{
    public UpdateQualityPolicyValidator() => RuleFor(x => x.Settings).ValidateWith(new QualityPolicySettingsValidator());
}

public sealed record GetFollowUpPolicy : IQuery<Result<FollowUpPolicyResponse>>;

public sealed record GetEscalationPolicy : IQuery<Result<EscalationPolicyResponse>>;

public sealed record GetSurveyPolicy : IQuery<Result<SurveyPolicyResponse>>;

public sealed record UpdateSurveyPolicy([property: RequestBody] SurveyPolicySettings Settings, IfMatch? IfMatch = null) : ICommand<Result<SurveyPolicyResponse>>, ITransactional;

public sealed class UpdateSurveyPolicyValidator : AbstractValidator<UpdateSurveyPolicy>
{
    public UpdateSurveyPolicyValidator() => RuleFor(x => x.Settings).ValidateWith(new SurveyPolicySettingsValidator());
}

public sealed record UpdateFollowUpPolicy([property: RequestBody] FollowUpPolicySettings Settings, IfMatch? IfMatch = null) : ICommand<Result<FollowUpPolicyResponse>>, ITransactional;

public sealed record UpdateEscalationPolicy([property: RequestBody] EscalationPolicySettings Settings, IfMatch? IfMatch = null) : ICommand<Result<EscalationPolicyResponse>>, ITransactional;

public sealed class UpdateFollowUpPolicyValidator : AbstractValidator<UpdateFollowUpPolicy>
{
    public UpdateFollowUpPolicyValidator() => RuleFor(x => x.Settings).ValidateWith(new FollowUpPolicySettingsValidator());
}

public sealed class UpdateEscalationPolicyValidator : AbstractValidator<UpdateEscalationPolicy>
{
    // The body is the settings themselves: failures are reported under the settings' own field names.
    public UpdateEscalationPolicyValidator() => RuleFor(x => x.Settings).ValidateWith(new EscalationPolicySettingsValidator());
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

internal static class SurveyPolicyFeature
{
    public static readonly PolicyDocument<SurveyPolicy, SurveyPolicySettings, SurveyPolicyResponse> Document = new(
        "survey-policy-updated",
        SurveyPolicy.Default,
        t => new(t.SurveyPolicyJson, t.SurveyPolicyUpdatedAt, t.SurveyPolicyVersion),
        (t, json, now) => t.SetSurveyPolicy(json, now),
        SurveyPolicyJson.Read,
        SurveyPolicyJson.Write,
        (policy, isDefault, updatedAt, version) => new(policy, isDefault, updatedAt, version));
}

internal static class QualityPolicyFeature
{
    public static readonly PolicyDocument<QualityPolicy, QualityPolicySettings, QualityPolicyResponse> Document = new(
        "quality-policy-updated",
        QualityPolicy.Default,
        t => new(t.QualityPolicyJson, t.QualityPolicyUpdatedAt, t.QualityPolicyVersion),
        (t, json, now) => t.SetQualityPolicy(json, now),
        QualityPolicyJson.Read,
        QualityPolicyJson.Write,
        (policy, isDefault, updatedAt, version) => new(policy, isDefault, updatedAt, version));
}
