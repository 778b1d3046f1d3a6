using HuiFang.Api.Domain.Common;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Services.VisitTasks;
using HuiFang.Api.Services.Tenants;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Services.Loop;
using HuiFang.Api.Services.Questionnaires;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Feedback.RecordFeedback;

public sealed record RecordFeedback(Guid TaskId, FeedbackInput Feedback) : ICommand<Result<FeedbackResult>>, ITransactional;

public sealed class RecordFeedbackValidator : AbstractValidator<RecordFeedback>
{
    public RecordFeedbackValidator(TimeProvider clock) => RuleFor(x => x.Feedback).ValidateWith(new FeedbackInputValidator(clock));
}

/// <summary>
/// Records what the customer said and completes the task, in one transaction with the loop's
/// consequences: the escalation the tenant's rules open (or the revisit's verdict: loop closed or
/// escalation reopened) and their events. Answers to the task's questionnaire, when sent, decide the content
/// (<see cref="FeedbackAnswers"/>). A task that is not open (already completed, cancelled,
/// unreachable) takes no feedback: 409, nothing written.
/// </summary>
public sealed class RecordFeedbackHandler(HuiFangDbContext db, TenantSettings tenant, FeedbackLoop loop, QuestionnaireCatalog questionnaires, TimeProvider clock)
    : ICommandHandler<RecordFeedback, Result<FeedbackResult>>
{
    public async ValueTask<Result<FeedbackResult>> Handle(RecordFeedback command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var task = await VisitTaskQueries.ForChangeAsync(db, command.TaskId, cancellationToken);
        if (task is null)
        {
            return VisitTaskErrors.NotFound(command.TaskId);
        }

        var content = await FeedbackAnswers.ContentAsync(command.Feedback, task, questionnaires, "", cancellationToken);
        if (!content.IsSuccess)
        {
            return content.Error!;
        }

        var completed = task.Complete(now);
        if (!completed.IsSuccess)
        {
            return completed.Error!;
        }

        var policy = await tenant.GetEscalationPolicyAsync(cancellationToken);
        var feedback = FeedbackRecord.Record(Guid.CreateVersion7(now), task, content.Value, policy.Verdict, policy.LateAfter, policy.InquiryReplyWithin, now);
        db.FeedbackRecords.Add(feedback);
        var escalation = await loop.ApplyAsync(task, feedback, policy, now, cancellationToken);

        // Raises FeedbackRecorded: the task's history entry and the events, naming what the loop did (FeedbackRecorder).
        feedback.Concluded(task, escalation?.Id, escalation?.Outcome, now);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return VisitTaskErrors.ConcurrentChange(task.Id);
        }

        return new FeedbackResult(FeedbackResponse.From(feedback, now), escalation);
    }
}
