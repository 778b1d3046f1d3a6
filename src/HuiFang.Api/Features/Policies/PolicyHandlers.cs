using HuiFang.Api.Domain.Common;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Api.Services.Tenants;
using Mediator;

namespace HuiFang.Api.Features.Policies;

/// <summary>
/// The handlers of both policy documents, in one class: each request is answered by its document
/// (<see cref="PolicyDocument{TPolicy,TSettings,TResponse}"/>), so a handler is one line. Mediator's generator
/// wants a concrete handler per request, not a generic one; one class implementing the four keeps them from
/// being two renamed copies.
/// </summary>
public sealed class PolicyHandlers(HuiFangDbContext db, ICurrentCaller caller, TenantSettings settings) :
    IQueryHandler<GetFollowUpPolicy, Result<FollowUpPolicyResponse>>,
    ICommandHandler<UpdateFollowUpPolicy, Result<FollowUpPolicyResponse>>,
    IQueryHandler<GetEscalationPolicy, Result<EscalationPolicyResponse>>,
    ICommandHandler<UpdateEscalationPolicy, Result<EscalationPolicyResponse>>,
    IQueryHandler<GetSurveyPolicy, Result<SurveyPolicyResponse>>,
    ICommandHandler<UpdateSurveyPolicy, Result<SurveyPolicyResponse>>,
    IQueryHandler<GetQualityPolicy, Result<QualityPolicyResponse>>,
    ICommandHandler<UpdateQualityPolicy, Result<QualityPolicyResponse>>
{
    public ValueTask<Result<FollowUpPolicyResponse>> Handle(GetFollowUpPolicy query, CancellationToken cancellationToken) =>
        FollowUpPolicyFeature.Document.GetAsync(db, caller, cancellationToken);

    public ValueTask<Result<FollowUpPolicyResponse>> Handle(UpdateFollowUpPolicy command, CancellationToken cancellationToken) =>
        FollowUpPolicyFeature.Document.ReplaceAsync(settings, command.Settings, command.IfMatch, cancellationToken);

    public ValueTask<Result<EscalationPolicyResponse>> Handle(GetEscalationPolicy query, CancellationToken cancellationToken) =>
        EscalationPolicyFeature.Document.GetAsync(db, caller, cancellationToken);

    public ValueTask<Result<EscalationPolicyResponse>> Handle(UpdateEscalationPolicy command, CancellationToken cancellationToken) =>
        EscalationPolicyFeature.Document.ReplaceAsync(settings, command.Settings, command.IfMatch, cancellationToken);

    public ValueTask<Result<SurveyPolicyResponse>> Handle(GetSurveyPolicy query, CancellationToken cancellationToken) =>
        SurveyPolicyFeature.Document.GetAsync(db, caller, cancellationToken);

    public ValueTask<Result<SurveyPolicyResponse>> Handle(UpdateSurveyPolicy command, CancellationToken cancellationToken) =>
        SurveyPolicyFeature.Document.ReplaceAsync(settings, command.Settings, command.IfMatch, cancellationToken);

    public ValueTask<Result<QualityPolicyResponse>> Handle(GetQualityPolicy query, CancellationToken cancellationToken) =>
        QualityPolicyFeature.Document.GetAsync(db, caller, cancellationToken);

    public ValueTask<Result<QualityPolicyResponse>> Handle(UpdateQualityPolicy command, CancellationToken cancellationToken) =>
        QualityPolicyFeature.Document.ReplaceAsync(settings, command.Settings, command.IfMatch, cancellationToken);
}
