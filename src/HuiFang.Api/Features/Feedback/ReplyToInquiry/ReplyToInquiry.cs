using HuiFang.Api.Domain.Common;
using System.ComponentModel.DataAnnotations;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Feedback.ReplyToInquiry;

/// <summary>The answer the customer got to an inquiry that could not be answered on the call.</summary>
/// <param name="Reply">The answer (required).</param>
/// <param name="By">Who answered.</param>
public sealed record ReplyToInquiryRequest([property: Required] string? Reply, string? By = null);

public sealed record ReplyToInquiry(Guid Id, string? Reply, string? By) : ICommand<Result<FeedbackResponse>>, ITransactional;

public sealed class ReplyToInquiryValidator : AbstractValidator<ReplyToInquiry>
{
    public ReplyToInquiryValidator()
    {
        RuleFor(x => x.Reply).NotEmpty().MaximumLength(FieldLimits.LongText);
        RuleFor(x => x.By).MaximumLength(FieldLimits.Name);
    }
}

public sealed class ReplyToInquiryHandler(HuiFangDbContext db, TimeProvider clock) : ICommandHandler<ReplyToInquiry, Result<FeedbackResponse>>
{
    public ValueTask<Result<FeedbackResponse>> Handle(ReplyToInquiry command, CancellationToken cancellationToken) =>
        ReplyAsync(command, retry: true, cancellationToken);

    // The request takes no precondition: a save that loses to a concurrent write — the SLA monitor marking the
    // reply late at that moment — runs once more on a fresh read (SaveChanges' savepoint undid the first attempt)
    // instead of answering 409; the record still refuses a second reply.
    private async ValueTask<Result<FeedbackResponse>> ReplyAsync(ReplyToInquiry command, bool retry, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var feedback = await db.FeedbackRecords.FirstOrDefaultAsync(f => f.Id == command.Id, cancellationToken);
        if (feedback is null)
        {
            return FeedbackErrors.NotFound(command.Id);
        }

        if (feedback.SupersededBy is { } newer)
        {
            return FeedbackErrors.Superseded(feedback.Id, newer);
        }

        if (!feedback.ReplyToInquiry(command.Reply!, command.By, now))
        {
            return FeedbackErrors.NoOpenInquiry(feedback.Id);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException) when (retry)
        {
            db.ChangeTracker.Clear();
            return await ReplyAsync(command, retry: false, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return FeedbackErrors.ConcurrentChange(feedback.Id);
        }

        return FeedbackResponse.From(feedback, now);
    }
}
