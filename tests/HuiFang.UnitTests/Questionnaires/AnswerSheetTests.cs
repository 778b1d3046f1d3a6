using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Domain.Questionnaires;

namespace HuiFang.UnitTests.Questionnaires;

/// <summary>Answers checked against a questionnaire, and what the feedback becomes from them.</summary>
public sealed class AnswerSheetTests
{
    private static readonly LocalizedText T = new("问", "Q");

    private static readonly ChoiceOption[] ChoiceOptions =
    [
        new("a", T, FeedbackCategory.Praise, null),
        new("b", T, FeedbackCategory.Complaint, ComplaintLevel.General),
        new("c", T, FeedbackCategory.Complaint, ComplaintLevel.Urgent),
        new("d", T, null, null),
    ];

    /// <summary>One question of each kind, all optional except the overall score.</summary>
    private static readonly QuestionnaireContent EveryKind = new(T, null,
    [
        new Question("overall", QuestionKind.OverallScore, true, T, null, null, null, []),
        new Question("dim", QuestionKind.DimensionScore, false, T, null, FeedbackDimension.Quality, null, []),
        new Question("yn", QuestionKind.YesNo, false, T, null, null, null, [new(Question.NoKey, T, FeedbackCategory.Suggestion, null)]),
        new Question("one", QuestionKind.SingleChoice, false, T, null, null, null, ChoiceOptions),
        new Question("many", QuestionKind.MultipleChoice, false, T, null, null, null, ChoiceOptions),
        new Question("text", QuestionKind.FreeText, false, T, null, null, FreeTextField.Suggestions, []),
        new Question("nps", QuestionKind.Nps, false, T, null, null, null, []),
    ], new CallScript(T, T));

    private static SurveyAnswer Overall(int score) => new("overall", score, null, null, null);

    /// <summary>Every answer shape there is; each kind accepts exactly the ones <see cref="Fits"/> says.</summary>
    private static readonly (string Name, Func<string, SurveyAnswer> Make)[] Shapes =
    [
        ("nothing", q => new(q, null, null, null, null)),
        ("score 0", q => new(q, 0, null, null, null)),
        ("score 1", q => new(q, 1, null, null, null)),
        ("score 5", q => new(q, 5, null, null, null)),
        ("score 6", q => new(q, 6, null, null, null)),
        ("score 10", q => new(q, 10, null, null, null)),
        ("score 11", q => new(q, 11, null, null, null)),
        ("score -1", q => new(q, -1, null, null, null)),
        ("yes", q => new(q, null, true, null, null)),
        ("no", q => new(q, null, false, null, null)),
        ("one choice", q => new(q, null, null, ["a"], null)),
        ("two choices", q => new(q, null, null, ["a", "b"], null)),
        ("same choice twice", q => new(q, null, null, ["a", "a"], null)),
        ("no choices", q => new(q, null, null, [], null)),
        ("unknown choice", q => new(q, null, null, ["zz"], null)),
        ("text", q => new(q, null, null, null, "so so")),
        ("blank text", q => new(q, null, null, null, "  ")),
        ("text too long", q => new(q, null, null, null, new string('x', AnswerSheet.MaxTextLength + 1))),
        ("score and text", q => new(q, 3, null, null, "hm")),
        ("yes and choice", q => new(q, null, true, ["a"], null)),
    ];

    private static bool Fits(QuestionKind kind, string shape) => kind switch
    {
        QuestionKind.OverallScore or QuestionKind.DimensionScore => shape is "score 1" or "score 5",
        QuestionKind.Nps => shape is "score 0" or "score 1" or "score 5" or "score 6" or "score 10",
        QuestionKind.YesNo => shape is "yes" or "no",
        QuestionKind.SingleChoice => shape is "one choice",
        QuestionKind.MultipleChoice => shape is "one choice" or "two choices",
        QuestionKind.FreeText => shape is "text",
        _ => false,
    };

    public static TheoryData<string, string> KindsAndShapes()
    {
        var data = new TheoryData<string, string>();
        foreach (var question in EveryKind.Questions)
        {
            foreach (var (name, _) in Shapes)
            {
                data.Add(question.Key, name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KindsAndShapes))]
    public void Every_kind_takes_exactly_its_own_answer_shape_and_names_the_question_otherwise(string key, string shape)
    {
        var question = EveryKind.Find(key)!;
        var answer = Shapes.Single(s => s.Name == shape).Make(key);
        var answers = key == "overall" ? [answer] : new[] { Overall(4), answer };

        var result = AnswerSheet.Evaluate(EveryKind, answers);

        if (Fits(question.Kind, shape))
        {
            Assert.True(result.IsSuccess, $"{question.Kind} refused '{shape}'");
        }
        else
        {
            Assert.False(result.IsSuccess, $"{question.Kind} accepted '{shape}'");
            var rule = Assert.Single(result.Error!.FieldRules!);
            Assert.Equal($"answers[{key}]", rule.Key);
            Assert.StartsWith("questionnaire.answer.", rule.Value);
        }
    }

    [Fact]
    public void The_overall_score_is_the_score_and_other_answers_land_where_their_questions_say()
    {
        var result = AnswerSheet.Evaluate(EveryKind,
        [
            Overall(2),
            new("dim", 3, null, null, null),
            new("nps", 7, null, null, null),
            new("text", null, null, null, "  more staff  "),
        ]);

        var evaluated = result.Value;
        Assert.Equal(2, evaluated.Score);
        Assert.Equal(new DimensionScores(null, null, 3, null), evaluated.DimensionScores);
        Assert.Equal(7, evaluated.Nps);
        Assert.Equal("more staff", evaluated.Suggestions);
        Assert.Null(evaluated.Comment);
        Assert.Empty(evaluated.Categories);
        Assert.Null(evaluated.ComplaintLevel);
    }

    [Fact]
    public void Categories_are_what_the_chosen_options_imply_and_a_complaint_takes_the_most_serious_level()
    {
        var result = AnswerSheet.Evaluate(EveryKind,
        [
            Overall(4),
            new("one", null, null, ["b"], null),
            new("many", null, null, ["a", "c", "d"], null),
            new("yn", null, false, null, null),
        ]);

        Assert.Equal([FeedbackCategory.Praise, FeedbackCategory.Suggestion, FeedbackCategory.Complaint], result.Value.Categories);
        Assert.Equal(ComplaintLevel.Urgent, result.Value.ComplaintLevel);
        Assert.Null(result.Value.DimensionScores);
    }

    [Fact]
    public void A_yes_no_answer_without_an_option_for_it_implies_nothing()
    {
        var result = AnswerSheet.Evaluate(EveryKind, [Overall(5), new("yn", null, true, null, null)]);

        Assert.Empty(result.Value.Categories);
    }

    [Fact]
    public void Unknown_duplicate_unnamed_and_missing_required_answers_are_each_named()
    {
        var required = EveryKind with { Questions = [.. EveryKind.Questions.Select(q => q.Key == "yn" ? q with { Required = true } : q)] };

        var result = AnswerSheet.Evaluate(required,
        [
            new("dim", 3, null, null, null),
            new("dim", 4, null, null, null),
            new("nope", 1, null, null, null),
            new("", 1, null, null, null),
        ]);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["answers[dim]"] = "questionnaire.answer.duplicate",
                ["answers[nope]"] = "questionnaire.answer.unknownQuestion",
                ["answers[3].question"] = "questionnaire.answer.questionMissing",
                ["answers[overall]"] = "questionnaire.answer.required",
                ["answers[yn]"] = "questionnaire.answer.required",
            },
            result.Error!.FieldRules);
    }

    [Fact]
    public void An_option_the_question_does_not_have_is_refused()
    {
        var result = AnswerSheet.Evaluate(EveryKind, [Overall(3), new("many", null, null, ["a", "zz"], null)]);

        Assert.Equal("questionnaire.answer.unknownOption", result.Error!.FieldRules!["answers[many]"]);
    }

    [Fact]
    public void The_shipped_default_turns_an_unsolved_problem_into_a_general_complaint_and_keeps_the_customers_words()
    {
        var result = AnswerSheet.Evaluate(ShippedQuestionnaires.Default,
        [
            Overall(3),
            new("resolved", null, false, null, null),
            new("details", null, null, null, "维修后仍漏水"),
            new("professionalism", 4, null, null, null),
            new("conduct", 5, null, null, null),
            new("timeliness", 2, null, null, null),
        ]);

        Assert.Equal([FeedbackCategory.Complaint], result.Value.Categories);
        Assert.Equal(ComplaintLevel.General, result.Value.ComplaintLevel);
        Assert.Equal("维修后仍漏水", result.Value.Comment);
        Assert.Equal(new DimensionScores(5, 2, null, 4), result.Value.DimensionScores);
    }

    [Fact]
    public void The_shipped_default_needs_the_overall_score_and_whether_the_problem_was_solved()
    {
        var result = AnswerSheet.Evaluate(ShippedQuestionnaires.Default, [new("nps", 9, null, null, null)]);

        Assert.Equal(["answers[overall]", "answers[resolved]"], result.Error!.FieldRules!.Keys.Order());
    }
}
