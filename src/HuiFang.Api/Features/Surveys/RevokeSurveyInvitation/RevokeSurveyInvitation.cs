using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Surveys;
using HuiFang.Api.Services.Changes;
using Mediator;

namespace HuiFang.Api.Features.Surveys.RevokeSurveyInvitation;

/// <summary>Withdraw an open survey invitation: its link stops working.</summary>
/// <param name="Reason">Why it is revoked, kept in its history.</param>
public sealed record RevokeSurveyInvitationRequest(string? Reason = null);

public sealed record RevokeSurveyInvitation(Guid Id, string? Reason, IfMatch? IfMatch = null) : ICommand<Result<SurveyInvitationResponse>>, ITransactional;

public sealed class RevokeSurveyInvitationValidator : AbstractValidator<RevokeSurveyInvitation>
{
    public RevokeSurveyInvitationValidator() => RuleFor(x => x.Reason).MaximumLength(FieldLimits.Reason);
}

public sealed class RevokeSurveyInvitationHandler(VersionedChange change, TimeProvider clock) : ICommandHandler<RevokeSurveyInvitation, Result<SurveyInvitationResponse>>
{
    public async ValueTask<Result<SurveyInvitationResponse>> Handle(RevokeSurveyInvitation command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var revoked = await change.ApplyAsync(
            SurveyInvitationResource.Instance, command.Id, command.IfMatch, i => i.Revoke(SurveyRevocationReason.Revoked, command.Reason, now), cancellationToken);
        return revoked.Map(i => SurveyInvitationResponse.From(i, now));
    }
}
