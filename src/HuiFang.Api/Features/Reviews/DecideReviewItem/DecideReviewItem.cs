using System.Globalization;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.CorrectiveActions;
using HuiFang.Api.Domain.Reviews;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Api.Services.Changes;
using HuiFang.Api.Services.CorrectiveActions;
using HuiFang.Api.Services.Reviews;
using Mediator;

namespace HuiFang.Api.Features.Reviews.DecideReviewItem;

/// <summary>The reviewer's decision on one item.</summary>
/// <param name="Decision">FollowUpAgain (plans a new complaint follow-up visit), NoAction, or CorrectiveAction (opens a corrective action, or joins the live one of the same problem); required.</param>
/// <param name="Note">The reviewer's note, kept on the item and in the review's history.</param>
/// <param name="NonConformity">CorrectiveAction only: the non-conformity as the action states it (default: a line naming the work order, service type and score).</param>
/// <param name="Owner">CorrectiveAction only: who owns the action.</param>
/// <param name="DueDate">CorrectiveAction only: the action's due date (default: the quality policy's correctiveActionDueDays from today).</param>
public sealed record DecideReviewItemRequest(ReviewDecision? Decision, string? Note = null, string? NonConformity = null, string? Owner = null, DateOnly? DueDate = null);

public sealed record DecideReviewItem(Guid Id, Guid ItemId, ReviewDecision? Decision, string? Note, string? NonConformity, string? Owner, DateOnly? DueDate, IfMatch? IfMatch = null)
    : ICommand<Result<WeeklyReviewResponse>>, ITransactional;

public sealed class DecideReviewItemValidator : AbstractValidator<DecideReviewItem>
{
    public DecideReviewItemValidator()
    {
        RuleFor(x => x.Decision).NotNull().IsInEnum();
        RuleFor(x => x.Note).MaximumLength(FieldLimits.LongText);
        RuleFor(x => x.NonConformity).MaximumLength(FieldLimits.LongText);
        RuleFor(x => x.Owner).MaximumLength(FieldLimits.Name);
        RuleFor(x => x.NonConformity).Null().WithMessage(_ => Messages.Get("review.onlyCorrectiveAction")).When(x => x.Decision != ReviewDecision.CorrectiveAction);
        RuleFor(x => x.Owner).Null().WithMessage(_ => Messages.Get("review.onlyCorrectiveAction")).When(x => x.Decision != ReviewDecision.CorrectiveAction);
        RuleFor(x => x.DueDate).Null().WithMessage(_ => Messages.Get("review.onlyCorrectiveAction")).When(x => x.Decision != ReviewDecision.CorrectiveAction);
    }
}

/// <summary>
/// Decides one item of an open review: FollowUpAgain plans the follow-up visit (<see cref="ReviewFollowUps"/>), CorrectiveAction
/// opens the action (<see cref="CorrectiveActionOpening"/>; same problem — service type and department — joins the live one),
/// both in the same save as the decision, so a refused decision plans and opens nothing.
/// </summary>
public sealed class DecideReviewItemHandler(VersionedChange change, ReviewFollowUps followUps, CorrectiveActionOpening actions, ICurrentCaller caller, TimeProvider clock)
    : ICommandHandler<DecideReviewItem, Result<WeeklyReviewResponse>>
{
    public async ValueTask<Result<WeeklyReviewResponse>> Handle(DecideReviewItem command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var by = caller.Value!.Display;
        var decision = command.Decision!.Value;
        var decided = await change.ApplyAsync(
            WeeklyReviewResource.Instance,
            command.Id,
            command.IfMatch,
            async (review, ct) =>
            {
                var allowed = review.CanDecide(command.ItemId);
                if (!allowed.IsSuccess)
                {
                    return allowed;
                }

                var item = review.Item(command.ItemId)!;
                Guid? followUp = null, action = null;
                if (decision == ReviewDecision.FollowUpAgain)
                {
                    var planned = await followUps.PlanAsync(item, ct);
                    if (!planned.IsSuccess)
                    {
                        return planned.Error!;
                    }

                    followUp = planned.Value.Id;
                }
                else if (decision == ReviewDecision.CorrectiveAction)
                {
                    var department = WeeklyReviewResponse.DepartmentOf(review.Department);
                    var draft = new CorrectiveActionDraft(
                        CorrectiveActionSource.Review,
                        command.NonConformity ?? string.Create(CultureInfo.InvariantCulture, $"Unsatisfied customer, work order {item.WorkOrderNo} ({item.ServiceType}), score {item.Score}, weekly review {review.Week}"),
                        command.Owner,
                        command.DueDate,
                        [item.FeedbackId],
                        item.EscalationId is { } escalation ? [escalation] : [],
                        item.Id,
                        ProblemKey.ForServiceType(item.ServiceType, department))
                    {
                        Department = department,
                    };
                    action = (await actions.OpenAsync(draft, ct)).Id;
                }

                return review.Decide(command.ItemId, decision, command.Note, by, followUp, action, now);
            },
            cancellationToken);
        return decided.Map(r => WeeklyReviewResponse.From(r, now));
    }
}
