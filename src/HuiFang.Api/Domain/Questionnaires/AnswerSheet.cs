using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Feedback;

namespace HuiFang.Api.Domain.Questionnaires;

/// <summary>The answer to one question, by its key: <c>score</c> for scores and NPS, <c>yes</c> for yes/no, <c>choices</c> (option keys) for choices, <c>text</c> for free text.</summary>
public sealed record SurveyAnswer(string Question, int? Score, bool? Yes, IReadOnlyList<string>? Choices, string? Text);

/// <summary>What a set of answers means for the feedback record.</summary>
public sealed record EvaluatedAnswers(
    int Score,
    IReadOnlyList<FeedbackCategory> Categories,
    ComplaintLevel? ComplaintLevel,
    DimensionScores? DimensionScores,
    int? Nps,
    string? Comment,
    string? Suggestions,
    string? UnresolvedProblems);

/// <summary>
/// Checks answers against a questionnaire and derives the feedback from them. Every answer names a question
/// of the questionnaire once, in the shape its kind takes; every required question is answered. The
/// overall score is the score; dimension scores, NPS and texts land where their questions say; the categories
/// are what the chosen options imply (a complaint takes the most serious level chosen), and none when nothing
/// implies one. Failures name the question: <c>answers[&lt;key&gt;]</c>.
/// </summary>
public static class AnswerSheet
{
    /// <summary>Longest free-text answer (the feedback's text fields hold as much).</summary>
    public const int MaxTextLength = 2000;

    /// <summary>Field name of the answer to question <paramref name="key"/> in errors.</summary>
    public static string FieldOf(string key) => $"answers[{key}]";

    public static Result<EvaluatedAnswers> Evaluate(QuestionnaireContent questionnaire, IReadOnlyList<SurveyAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(answers);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var given = new Dictionary<string, (Question Question, SurveyAnswer Answer)>(StringComparer.Ordinal);
        for (var i = 0; i < answers.Count; i++)
        {
            var answer = answers[i];
            if (string.IsNullOrEmpty(answer.Question))
            {
                errors.TryAdd($"answers[{i}].question", "questionnaire.answer.questionMissing");
                continue;
            }

            var field = FieldOf(answer.Question);
            if (questionnaire.Find(answer.Question) is not { } question)
            {
                errors.TryAdd(field, "questionnaire.answer.unknownQuestion");
            }
            else if (given.ContainsKey(answer.Question))
            {
                errors.TryAdd(field, "questionnaire.answer.duplicate");
            }
            else if (ShapeProblem(question, answer) is { } problem)
            {
                errors.TryAdd(field, problem);
                given[answer.Question] = (question, answer);
            }
            else
            {
                given[answer.Question] = (question, answer);
            }
        }

        foreach (var question in questionnaire.Questions)
        {
            if ((question.Required || question.Kind == QuestionKind.OverallScore) && !given.ContainsKey(question.Key))
            {
                errors.TryAdd(FieldOf(question.Key), "questionnaire.answer.required");
            }
        }

        if (errors.Count > 0)
        {
            return new Error(ErrorKind.Validation, "validation", "problem.validation.detail", [], null, null, errors);
        }

        return Derive(given.Values);
    }

    /// <summary>The message key of what is wrong with the shape of <paramref name="answer"/>, or null.</summary>
    public static string? ShapeProblem(Question question, SurveyAnswer answer)
    {
        switch (question.Kind)
        {
            case QuestionKind.OverallScore or QuestionKind.DimensionScore or QuestionKind.Nps:
                var (min, max) = question.ScoreRange!.Value;
                var scoreOk = answer.Score is { } s && s >= min && s <= max && answer.Yes is null && answer.Choices is null && answer.Text is null;
                return scoreOk ? null : question.Kind == QuestionKind.Nps ? "questionnaire.answer.shape.nps" : "questionnaire.answer.shape.score";
            case QuestionKind.YesNo:
                return answer.Yes is not null && answer.Score is null && answer.Choices is null && answer.Text is null ? null : "questionnaire.answer.shape.yesNo";
            case QuestionKind.SingleChoice or QuestionKind.MultipleChoice:
                var single = question.Kind == QuestionKind.SingleChoice;
                var shapeOk = answer.Choices is { Count: > 0 } choices
                    && (!single || choices.Count == 1)
                    && choices.Distinct(StringComparer.Ordinal).Count() == choices.Count
                    && answer.Score is null && answer.Yes is null && answer.Text is null;
                if (!shapeOk)
                {
                    return single ? "questionnaire.answer.shape.singleChoice" : "questionnaire.answer.shape.multipleChoice";
                }

                return answer.Choices!.All(c => question.Option(c) is not null) ? null : "questionnaire.answer.unknownOption";
            case QuestionKind.FreeText:
                return !string.IsNullOrWhiteSpace(answer.Text) && answer.Text.Length <= MaxTextLength && answer.Score is null && answer.Yes is null && answer.Choices is null
                    ? null
                    : "questionnaire.answer.shape.freeText";
            default:
                throw new ArgumentOutOfRangeException(nameof(question), question.Kind, "Unknown question kind.");
        }
    }

    private static EvaluatedAnswers Derive(IEnumerable<(Question Question, SurveyAnswer Answer)> given)
    {
        int? score = null, nps = null, attitude = null, timeliness = null, quality = null, professionalism = null;
        string? comment = null, suggestions = null, unresolved = null;
        var implied = new List<ChoiceOption>();
        foreach (var (question, answer) in given)
        {
            switch (question.Kind)
            {
                case QuestionKind.OverallScore:
                    score = answer.Score;
                    break;
                case QuestionKind.Nps:
                    nps = answer.Score;
                    break;
                case QuestionKind.DimensionScore:
                    switch (question.Dimension)
                    {
                        case FeedbackDimension.Attitude: attitude = answer.Score; break;
                        case FeedbackDimension.Timeliness: timeliness = answer.Score; break;
                        case FeedbackDimension.Quality: quality = answer.Score; break;
                        case FeedbackDimension.Professionalism: professionalism = answer.Score; break;
                    }

                    break;
                case QuestionKind.YesNo:
                    if (question.Option(answer.Yes!.Value ? Question.YesKey : Question.NoKey) is { } chosen)
                    {
                        implied.Add(chosen);
                    }

                    break;
                case QuestionKind.SingleChoice or QuestionKind.MultipleChoice:
                    implied.AddRange(answer.Choices!.Select(c => question.Option(c)!));
                    break;
                case QuestionKind.FreeText:
                    var text = answer.Text!.Trim();
                    switch (question.Field)
                    {
                        case FreeTextField.Suggestions: suggestions = text; break;
                        case FreeTextField.UnresolvedProblems: unresolved = text; break;
                        default: comment = text; break;
                    }

                    break;
            }
        }

        var categories = implied.Where(o => o.Implies is not null).Select(o => o.Implies!.Value).Distinct().Order().ToList();
        ComplaintLevel? level = categories.Contains(FeedbackCategory.Complaint)
            ? implied.Where(o => o.Implies == FeedbackCategory.Complaint).Max(o => o.Level ?? ComplaintLevel.General)
            : null;
        var dimensions = attitude is null && timeliness is null && quality is null && professionalism is null
            ? null
            : new DimensionScores(attitude, timeliness, quality, professionalism);
        return new EvaluatedAnswers(score!.Value, categories, level, dimensions, nps, comment, suggestions, unresolved);
    }
}
