using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Domain.Questionnaires;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Services.Questionnaires;

namespace HuiFang.Api.Features.Feedback;

/// <summary>
/// Turns a feedback body into the record's content: as sent, or — when it carries answers — from the answers,
/// checked against the questionnaire version the task was planned with.
/// </summary>
public static class FeedbackAnswers
{
    /// <param name="prefix">Where the body sits in the request ("feedback." in a correction), so that errors name the field the caller sent.</param>
    public static async Task<Result<FeedbackContent>> ContentAsync(FeedbackInput input, VisitTask task, QuestionnaireCatalog catalog, string prefix, CancellationToken cancellationToken)
    {
        if (input.Answers is null)
        {
            return input.ToContent();
        }

        var questionnaire = await catalog.ForTaskAsync(task, cancellationToken);
        var evaluated = AnswerSheet.Evaluate(questionnaire.Content, input.ToSurveyAnswers());
        if (!evaluated.IsSuccess)
        {
            var error = evaluated.Error!;
            return prefix.Length == 0 || error.FieldRules is null
                ? error
                : error with { FieldRules = error.FieldRules.ToDictionary(rule => prefix + rule.Key, rule => rule.Value) };
        }

        if (input.PendingInquiry is not null && !evaluated.Value.Categories.Contains(FeedbackCategory.Inquiry))
        {
            return Error.InvalidField(prefix + "pendingInquiry", "feedback.inquiryNeedsInquiryAnswer");
        }

        // The answers themselves are kept too, with the version they answered: what decides nothing is still what the customer said.
        var given = new GivenAnswers(
            questionnaire.Id,
            questionnaire.Version,
            [.. input.ToSurveyAnswers().Select(a => new GivenAnswer(a.Question, questionnaire.Content.Find(a.Question)!.Kind.ToString(), a.Score, a.Yes, a.Choices is null ? null : [.. a.Choices], a.Text))]);
        return input.ToContent(evaluated.Value) with { Answers = given };
    }
}
