using System.ComponentModel.DataAnnotations;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.CorrectiveActions;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Services.CorrectiveActions;
using Mediator;

namespace HuiFang.Api.Features.CorrectiveActions.OpenCorrectiveAction;

/// <summary>Open a corrective and preventive action by hand.</summary>
/// <param name="NonConformity">What went wrong (不合格事实).</param>
/// <param name="RootCause">Why, when already known.</param>
/// <param name="CorrectiveAction">What is done about it (纠正措施), when already decided.</param>
/// <param name="PreventiveAction">What keeps it from happening again (预防措施), when already decided.</param>
/// <param name="Owner">Who carries it out.</param>
/// <param name="DueDate">The tenant-local day (yyyy-MM-dd, today or later) by which it is to be implemented; by default the quality policy's correctiveActionDueDays after today.</param>
/// <param name="Department">The department it belongs to (a problem's department wins).</param>
/// <param name="Problem">The recurring problem it is about, if any: one live action per problem (409 when one is).</param>
/// <param name="FeedbackIds">Feedback records of the tenant it is about.</param>
/// <param name="EscalationIds">Escalations of the tenant it is about.</param>
public sealed record OpenCorrectiveAction(
    [property: Required] string? NonConformity,
    string? RootCause = null,
    string? CorrectiveAction = null,
    string? PreventiveAction = null,
    string? Owner = null,
    DateOnly? DueDate = null,
    string? Department = null,
    ProblemInput? Problem = null,
    IReadOnlyList<Guid>? FeedbackIds = null,
    IReadOnlyList<Guid>? EscalationIds = null) : ICommand<Result<CorrectiveActionResponse>>, ITransactional;

public sealed class OpenCorrectiveActionValidator : AbstractValidator<OpenCorrectiveAction>
{
    public OpenCorrectiveActionValidator()
    {
        RuleFor(x => x.NonConformity).NotEmpty().MaximumLength(FieldLimits.LongText);
        RuleFor(x => x.RootCause).MaximumLength(FieldLimits.LongText);
        RuleFor(x => x.CorrectiveAction).MaximumLength(FieldLimits.LongText);
        RuleFor(x => x.PreventiveAction).MaximumLength(FieldLimits.LongText);
        RuleFor(x => x.Owner).MaximumLength(FieldLimits.Name);
        RuleFor(x => x.Department).MaximumLength(FieldLimits.Code);
        RuleFor(x => x.Problem)
            .Must(p => p!.ToKey() is not null).WithMessage(_ => Messages.Get("correctiveAction.problem"))
            .When(x => x.Problem is not null);
        RuleFor(x => x.FeedbackIds).Must(ids => ids!.Count <= CorrectiveAction.MaxLinks)
            .WithMessage(_ => Messages.Get("validation.range", 0, CorrectiveAction.MaxLinks)).When(x => x.FeedbackIds is not null);
        RuleFor(x => x.EscalationIds).Must(ids => ids!.Count <= CorrectiveAction.MaxLinks)
            .WithMessage(_ => Messages.Get("validation.range", 0, CorrectiveAction.MaxLinks)).When(x => x.EscalationIds is not null);
    }
}

public sealed class OpenCorrectiveActionHandler(HuiFangDbContext db, CorrectiveActionOpening opening, CorrectiveActionRules rules, DatabaseDialect dialect, TimeProvider clock)
    : ICommandHandler<OpenCorrectiveAction, Result<CorrectiveActionResponse>>
{
    public async ValueTask<Result<CorrectiveActionResponse>> Handle(OpenCorrectiveAction command, CancellationToken cancellationToken)
    {
        if (command.DueDate is { } due && !await CorrectiveActionDueDates.IsAllowedAsync(rules, due, cancellationToken))
        {
            return Error.InvalidField("dueDate", "correctiveAction.dueDate");
        }

        var feedbackIds = command.FeedbackIds ?? [];
        var escalationIds = command.EscalationIds ?? [];
        if (await opening.FirstUnknownFeedbackAsync(feedbackIds, cancellationToken) is { } unknownFeedback)
        {
            return CorrectiveActionErrors.UnknownLink("feedbackIds", unknownFeedback);
        }

        if (await opening.FirstUnknownEscalationAsync(escalationIds, cancellationToken) is { } unknownEscalation)
        {
            return CorrectiveActionErrors.UnknownLink("escalationIds", unknownEscalation);
        }

        var problem = command.Problem?.ToKey();
        if (problem is not null)
        {
            await dialect.LockCorrectiveActionProblemAsync(db, problem.ToString(), cancellationToken);
            if (await opening.FindLiveAsync(problem, cancellationToken) is { } live)
            {
                return CorrectiveActionErrors.AlreadyLive(problem.ToString(), live.Id);
            }
        }

        var action = await opening.OpenAsync(
            new CorrectiveActionDraft(CorrectiveActionSource.Manual, command.NonConformity!, command.Owner, command.DueDate, feedbackIds, escalationIds, null, problem)
            {
                Department = command.Department,
                RootCause = command.RootCause,
                CorrectiveMeasure = command.CorrectiveAction,
                PreventiveMeasure = command.PreventiveAction,
            },
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return CorrectiveActionResponse.From(action, clock.GetUtcNow());
    }
}
