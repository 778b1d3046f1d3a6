using HuiFang.Api.Domain.Common;
using System.ComponentModel.DataAnnotations;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Services.Tenants;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Services.Loop;
using HuiFang.Api.Services.Questionnaires;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Feedback.CorrectFeedback;

/// <summary>A correction: the whole record as it should have been, and why.</summary>
/// <param name="Reason">Why the record is corrected (required), e.g. "score mistyped".</param>
/// <param name="Feedback">The corrected content, shaped like the body of recording feedback.</param>
public sealed record CorrectFeedbackRequest([property: Required] string? Reason, [property: Required] FeedbackInput? Feedback);

public sealed record CorrectFeedback(Guid Id, string? Reason, FeedbackInput? Feedback) : ICommand<Result<FeedbackResult>>, ITransactional;

public sealed class CorrectFeedbackValidator : AbstractValidator<CorrectFeedback>
{
    public CorrectFeedbackValidator(TimeProvider clock)
    {
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(FieldLimits.Reason);
        RuleFor(x => x.Feedback).ValidateWith(new FeedbackInputValidator(clock), "feedback.");
    }
}

/// <summary>
/// Feedback is never overwritten: the correction is appended as a new record and the corrected one is
/// marked superseded. A correction that makes first-visit feedback unsatisfied opens the escalation the
/// tenant's rules call for (or joins the open one); an escalation already opened stays, because people
/// are working on it. Revisit verdicts are not re-judged: the loop has moved on.
/// </summary>
public sealed class CorrectFeedbackHandler(HuiFangDbContext db, TenantSettings tenant, FeedbackLoop loop, QuestionnaireCatalog questionnaires, TimeProvider clock)
    : ICommandHandler<CorrectFeedback, Result<FeedbackResult>>
{
    public async ValueTask<Result<FeedbackResult>> Handle(CorrectFeedback command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var original = await db.FeedbackRecords.FirstOrDefaultAsync(f => f.Id == command.Id, cancellationToken);
        if (original is null)
        {
            return FeedbackErrors.NotFound(command.Id);
        }

        if (original.SupersededBy is { } newer)
        {
            return FeedbackErrors.Superseded(original.Id, newer);
        }

        var task = await db.VisitTasks.FirstAsync(t => t.Id == original.TaskId, cancellationToken);
        var content = await FeedbackAnswers.ContentAsync(command.Feedback!, task, questionnaires, "feedback.", cancellationToken);
        if (!content.IsSuccess)
        {
            return content.Error!;
        }

        var policy = await tenant.GetEscalationPolicyAsync(cancellationToken);
        var correction = original.Correct(Guid.CreateVersion7(now), task, content.Value, command.Reason!, policy.Verdict, policy.LateAfter, policy.InquiryReplyWithin, now);
        db.FeedbackRecords.Add(correction);

        EscalationOutcome? escalation = null;
        if (!correction.IsRevisit && correction.EscalationId is null)
        {
            escalation = await loop.ApplyAsync(task, correction, policy, now, cancellationToken);
        }

        original.CorrectionConcluded(correction, escalation?.Id, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return FeedbackErrors.ConcurrentChange(original.Id);
        }

        return new FeedbackResult(FeedbackResponse.From(correction, now), escalation);
    }
}
