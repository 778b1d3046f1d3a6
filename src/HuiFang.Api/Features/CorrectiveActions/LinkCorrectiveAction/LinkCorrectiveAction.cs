using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.CorrectiveActions;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Api.Services.Changes;
using HuiFang.Api.Services.CorrectiveActions;
using Mediator;

namespace HuiFang.Api.Features.CorrectiveActions.LinkCorrectiveAction;

/// <summary>Link more feedback records and escalations of the tenant to an action (those linked already are left as they are).</summary>
/// <param name="FeedbackIds">Feedback records to link.</param>
/// <param name="EscalationIds">Escalations to link.</param>
public sealed record LinkCorrectiveActionRequest(IReadOnlyList<Guid>? FeedbackIds = null, IReadOnlyList<Guid>? EscalationIds = null);

public sealed record LinkCorrectiveAction(Guid Id, IReadOnlyList<Guid> FeedbackIds, IReadOnlyList<Guid> EscalationIds, IfMatch? IfMatch = null)
    : ICommand<Result<CorrectiveActionResponse>>, ITransactional;

public sealed class LinkCorrectiveActionValidator : AbstractValidator<LinkCorrectiveAction>
{
    public LinkCorrectiveActionValidator()
    {
        RuleFor(x => x.FeedbackIds.Count).LessThanOrEqualTo(CorrectiveAction.MaxLinks).OverridePropertyName("feedbackIds")
            .WithMessage(_ => Messages.Get("validation.range", 0, CorrectiveAction.MaxLinks));
        RuleFor(x => x.EscalationIds.Count).LessThanOrEqualTo(CorrectiveAction.MaxLinks).OverridePropertyName("escalationIds")
            .WithMessage(_ => Messages.Get("validation.range", 0, CorrectiveAction.MaxLinks));
    }
}

public sealed class LinkCorrectiveActionHandler(VersionedChange change, CorrectiveActionOpening opening, ICurrentCaller caller, TimeProvider clock)
    : ICommandHandler<LinkCorrectiveAction, Result<CorrectiveActionResponse>>
{
    public async ValueTask<Result<CorrectiveActionResponse>> Handle(LinkCorrectiveAction command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();

        // The action first (another tenant's is a 404), then each link must be one of the tenant's records (422).
        var linked = await change.ApplyAsync(
            CorrectiveActionResource.Instance,
            command.Id,
            command.IfMatch,
            async (a, ct) =>
            {
                if (await opening.FirstUnknownFeedbackAsync(command.FeedbackIds, ct) is { } unknownFeedback)
                {
                    return CorrectiveActionErrors.UnknownLink("feedbackIds", unknownFeedback);
                }

                if (await opening.FirstUnknownEscalationAsync(command.EscalationIds, ct) is { } unknownEscalation)
                {
                    return CorrectiveActionErrors.UnknownLink("escalationIds", unknownEscalation);
                }

                return a.Link(command.FeedbackIds, command.EscalationIds, CorrectiveActionRules.Who(caller), now);
            },
            cancellationToken);
        return linked.Map(a => CorrectiveActionResponse.From(a, now));
    }
}
