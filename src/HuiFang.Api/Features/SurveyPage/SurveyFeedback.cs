using HuiFang.Api.Domain.Common;
using HuiFang.Api.Features.Feedback;
using Mediator;

namespace HuiFang.Api.Features.SurveyPage;

/// <summary>One answer as the page read it from the form, in the shape of the feedback command's answers.</summary>
public sealed record PageAnswer(string Question, int? Score = null, bool? Yes = null, IReadOnlyList<string>? Choices = null, string? Text = null);

/// <summary>What recording the answer came to: the feedback record and whether it opened (or reopened) an escalation.</summary>
public sealed record RecordedAnswer(Guid FeedbackId, bool Escalated);

/// <summary>
/// The page's one use of another feature, on purpose and in one place: the customer's answer is recorded by
/// <see cref="Feedback.RecordFeedback.RecordFeedback"/>, the very command an agent's call sends, so that verdict,
/// escalation, revisit, events and reports cannot differ between the two ways of asking (the architecture test
/// lists this edge as its one allowed exception, with this reason).
/// </summary>
public sealed class SurveyFeedback(IMediator mediator)
{
    public async Task<Result<RecordedAnswer>> RecordAsync(Guid taskId, IReadOnlyList<PageAnswer> answers, CancellationToken cancellationToken)
    {
        var input = new FeedbackInput(null, null, RecordedBy: SurveyCaller.Name, Answers: [.. answers.Select(a => new AnswerInput(a.Question, a.Score, a.Yes, a.Choices, a.Text))]);
        var recorded = await mediator.Send(new Feedback.RecordFeedback.RecordFeedback(taskId, input), cancellationToken);
        return recorded.IsSuccess ? new RecordedAnswer(recorded.Value!.Feedback.Id, recorded.Value.Escalation is not null) : recorded.Error!;
    }
}
