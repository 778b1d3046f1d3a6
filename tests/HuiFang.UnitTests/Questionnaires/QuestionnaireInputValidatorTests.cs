using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Domain.Questionnaires;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Features.Questionnaires;
using HuiFang.Api.Infrastructure.Http;
using HuiFang.Api.Services.Questionnaires;
using Microsoft.Extensions.DependencyInjection;

namespace HuiFang.UnitTests.Questionnaires;

/// <summary>What a questionnaire must be before it is stored; each kind with exactly the fields it needs.</summary>
public sealed class QuestionnaireInputValidatorTests
{
    // JSON-style field names, set before the validator's rules are built.
    private static readonly QuestionnaireInputValidator Validator = Build();

    private static QuestionnaireInputValidator Build()
    {
        new ServiceCollection().AddHuiFangHttp();
        return new QuestionnaireInputValidator();
    }

    private static LocalizedTextInput T(string s) => new("中" + s, "en " + s);

    private static readonly ChoiceOptionInput[] TwoOptions = [new("a", T("a")), new("b", T("b"), FeedbackCategory.Complaint, ComplaintLevel.General)];

    private static QuestionnaireInput With(params QuestionInput[] questions) => new(
        "name",
        VisitPurpose.AfterSales,
        null,
        null,
        T("title"),
        null,
        [new QuestionInput("overall", QuestionKind.OverallScore, true, T("overall")), .. questions],
        new CallScriptInput(T("hello {customer}"), T("bye")));

    private static IEnumerable<string> ErrorsOf(QuestionnaireInput input) =>
        Validator.Validate(input).Errors.Select(e => e.PropertyName).Distinct();

    /// <summary>The fields a question may carry besides key, kind and texts.</summary>
    private static readonly (string Name, Func<QuestionInput, QuestionInput> Apply)[] Extras =
    [
        ("bare", q => q),
        ("dimension", q => q with { Dimension = FeedbackDimension.Quality }),
        ("field", q => q with { Field = FreeTextField.Suggestions }),
        ("two options", q => q with { Options = TwoOptions }),
        ("one option", q => q with { Options = [TwoOptions[0]] }),
        ("yes/no options", q => q with { Options = [new(Question.YesKey, T("y")), new(Question.NoKey, T("n"), FeedbackCategory.Suggestion)] }),
    ];

    /// <summary>Which extras make a valid question of each kind (besides the overall score, which is there already).</summary>
    private static bool Valid(QuestionKind kind, string extra) => kind switch
    {
        QuestionKind.DimensionScore => extra == "dimension",
        QuestionKind.FreeText => extra == "field",
        QuestionKind.SingleChoice or QuestionKind.MultipleChoice => extra is "two options" or "yes/no options",
        QuestionKind.YesNo => extra is "bare" or "yes/no options",
        QuestionKind.Nps => extra == "bare",
        _ => false,
    };

    public static TheoryData<QuestionKind, string> KindsAndExtras()
    {
        var data = new TheoryData<QuestionKind, string>();
        foreach (var kind in Enum.GetValues<QuestionKind>().Where(k => k != QuestionKind.OverallScore))
        {
            foreach (var (name, _) in Extras)
            {
                data.Add(kind, name);
            }
        }

        return data;
    }

    [Fact]
    public void The_shipped_default_passes_its_own_rules()
    {
        var shipped = QuestionnaireCatalog.Shipped.Content;
        var input = new QuestionnaireInput(
            "shipped",
            VisitPurpose.AfterSales,
            null,
            null,
            LocalizedTextInput.From(shipped.Title),
            shipped.Intro is null ? null : LocalizedTextInput.From(shipped.Intro),
            [.. shipped.Questions.Select(q => new QuestionInput(q.Key, q.Kind, q.Required, LocalizedTextInput.From(q.Text), q.Script is null ? null : LocalizedTextInput.From(q.Script), q.Dimension, q.Field,
                [.. q.Options.Select(o => new ChoiceOptionInput(o.Key, LocalizedTextInput.From(o.Label), o.Implies, o.Level))]))],
            new CallScriptInput(LocalizedTextInput.From(shipped.Script.Opening), LocalizedTextInput.From(shipped.Script.Closing)));

        Assert.Empty(ErrorsOf(input));
        Assert.Equal(shipped with { }, input.ToContent(), new ContentComparer());
    }

    [Theory]
    [MemberData(nameof(KindsAndExtras))]
    public void Every_kind_takes_exactly_the_fields_it_needs_and_is_refused_otherwise_naming_the_question(QuestionKind kind, string extra)
    {
        var question = Extras.Single(e => e.Name == extra).Apply(new QuestionInput("q", kind, false, T("q")));

        var errors = ErrorsOf(With(question)).ToList();

        if (Valid(kind, extra))
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.NotEmpty(errors);
            Assert.All(errors, e => Assert.StartsWith("questions[1].", e));
        }
    }

    [Fact]
    public void A_text_without_one_of_its_languages_is_named_by_its_path()
    {
        var input = With(new QuestionInput("q", QuestionKind.SingleChoice, false, new LocalizedTextInput("中", null), null, null, null,
            [new("a", new LocalizedTextInput(null, "A")), new("b", T("b"))])) with { Intro = new LocalizedTextInput("", "intro") };

        Assert.Equal(["intro.zhCn", "questions[1].options[0].label.zhCn", "questions[1].text.en"], ErrorsOf(input).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Keys_must_be_safe_in_urls_and_forms_and_unique()
    {
        string[] bad = ["1st", "Score", "a b", "a/b", "a.b", "ä", "", new string('k', QuestionnaireLimits.Key + 1)];
        foreach (var key in bad)
        {
            Assert.Contains("questions[1].key", ErrorsOf(With(new QuestionInput(key, QuestionKind.YesNo, false, T("q")))));
            Assert.Contains("questions[1].options[0].key", ErrorsOf(With(new QuestionInput("q", QuestionKind.SingleChoice, false, T("q"), Options: [new(key, T("x")), new("b", T("b"))]))));
        }

        Assert.Empty(ErrorsOf(With(new QuestionInput("a-b_9", QuestionKind.YesNo, false, T("q")))));
        Assert.Equal(["questions"], ErrorsOf(With(new QuestionInput("overall", QuestionKind.YesNo, false, T("q")))));
        Assert.Equal(["questions[1].options"], ErrorsOf(With(new QuestionInput("q", QuestionKind.MultipleChoice, false, T("q"), Options: [new("a", T("x")), new("a", T("y"))]))));
    }

    [Fact]
    public void The_overall_score_is_there_exactly_once_and_always_required()
    {
        Assert.Equal(["questions"], ErrorsOf(With() with { Questions = [new QuestionInput("yn", QuestionKind.YesNo, true, T("q"))] }));
        Assert.Equal(["questions"], ErrorsOf(With(new QuestionInput("again", QuestionKind.OverallScore, true, T("q")))));
        Assert.Equal(["questions[0].required"], ErrorsOf(With() with { Questions = [new QuestionInput("overall", QuestionKind.OverallScore, false, T("q"))] }));
        Assert.True(With() with { Questions = [new QuestionInput("overall", QuestionKind.OverallScore, null, T("q"))] } is var input && !ErrorsOf(input).Any() && input.ToContent().Questions[0].Required);
    }

    [Fact]
    public void Placeholders_in_scripts_are_the_known_ones_only()
    {
        Assert.Empty(ErrorsOf(With() with { Script = new CallScriptInput(T("{serviceDate} {serviceType} {customer}"), T("bye")) }));
        Assert.Equal(["script.opening.zhCn", "script.opening.en"], ErrorsOf(With() with { Script = new CallScriptInput(T("{phone}"), T("bye")) }));
        Assert.Equal(["questions[1].script.en"], ErrorsOf(With(new QuestionInput("q", QuestionKind.YesNo, false, T("q"), new LocalizedTextInput("好", "{fullName}?")))));
    }

    [Fact]
    public void Sizes_are_bounded()
    {
        var many = Enumerable.Range(0, QuestionnaireLimits.Questions).Select(i => new QuestionInput("q" + i, QuestionKind.YesNo, false, T("q"))).ToArray();
        Assert.Equal(["questions"], ErrorsOf(With(many)));
        Assert.Empty(ErrorsOf(With(many[..^1])));
        Assert.Equal(["questions[1].text.en"], ErrorsOf(With(new QuestionInput("q", QuestionKind.YesNo, false, new LocalizedTextInput("中", new string('x', QuestionnaireLimits.Text + 1))))));
        Assert.Equal(["name"], ErrorsOf(With() with { Name = new string('n', QuestionnaireLimits.Name + 1) }));
        var options = Enumerable.Range(0, QuestionnaireLimits.Options + 1).Select(i => new ChoiceOptionInput("o" + i, T("o"))).ToArray();
        Assert.Equal(["questions[1].options"], ErrorsOf(With(new QuestionInput("q", QuestionKind.SingleChoice, false, T("q"), Options: options))));

        // Within every single limit, the whole can still be too large to keep.
        var longText = new LocalizedTextInput(new string('中', QuestionnaireLimits.Text), new string('e', QuestionnaireLimits.Text));
        var big = Enumerable.Range(0, QuestionnaireLimits.Questions - 1)
            .Select(i => new QuestionInput("q" + i, QuestionKind.MultipleChoice, false, longText, longText, Options: [.. Enumerable.Range(0, 5).Select(o => new ChoiceOptionInput("o" + o, longText))]))
            .ToArray();
        Assert.Equal(["questions"], ErrorsOf(With(big)));
    }

    [Fact]
    public void A_selector_names_a_known_purpose_and_channel_and_a_service_type_code()
    {
        Assert.Equal(["purpose"], ErrorsOf(With() with { Purpose = null }));
        Assert.Equal(["purpose"], ErrorsOf(With() with { Purpose = (VisitPurpose)42 }));
        Assert.Equal(["channel"], ErrorsOf(With() with { Channel = (ContactChannel)42 }));
        Assert.Equal(["serviceType"], ErrorsOf(With() with { ServiceType = "has space" }));
        Assert.Null((With() with { ServiceType = "" }).ToSelector().ServiceType);
        Assert.Equal("AfterSales|repair|Sms", (With() with { ServiceType = "Repair", Channel = ContactChannel.Sms }).ToSelector().Key);
    }

    /// <summary>Contents compared by what they say (records compare their lists by reference).</summary>
    private sealed class ContentComparer : IEqualityComparer<QuestionnaireContent>
    {
        public bool Equals(QuestionnaireContent? x, QuestionnaireContent? y) =>
            System.Text.Json.JsonSerializer.Serialize(x) == System.Text.Json.JsonSerializer.Serialize(y);

        public int GetHashCode(QuestionnaireContent obj) => 0;
    }
}
