using HuiFang.Api.Domain.Feedback;

namespace HuiFang.Api.Domain.Questionnaires;

/// <summary>What a question asks for, and so what shape its answer has.</summary>
public enum QuestionKind
{
    /// <summary>The overall satisfaction score 1–5; exactly one, required. It is the feedback's <c>score</c>.</summary>
    OverallScore,

    /// <summary>A score 1–5 for one <see cref="FeedbackDimension"/>.</summary>
    DimensionScore,

    /// <summary>Yes or no (e.g. 问题是否已解决); its options <c>yes</c>/<c>no</c> may imply a category.</summary>
    YesNo,

    /// <summary>Exactly one of the question's options.</summary>
    SingleChoice,

    /// <summary>One or more of the question's options.</summary>
    MultipleChoice,

    /// <summary>Free text, landing in the feedback field the question names (<see cref="FreeTextField"/>).</summary>
    FreeText,

    /// <summary>Net promoter answer 0–10; at most one.</summary>
    Nps,
}

/// <summary>The feedback dimension a <see cref="QuestionKind.DimensionScore"/> question scores (the feedback's <c>dimensions</c>).</summary>
public enum FeedbackDimension
{
    /// <summary>态度; the staff's conduct (服务人员言行).</summary>
    Attitude,

    /// <summary>响应速度 / 及时性.</summary>
    Timeliness,

    /// <summary>服务质量.</summary>
    Quality,

    /// <summary>专业度.</summary>
    Professionalism,
}

/// <summary>Where a <see cref="QuestionKind.FreeText"/> answer lands in the feedback record.</summary>
public enum FreeTextField
{
    Comment,
    Suggestions,
    UnresolvedProblems,
}

/// <summary>A text in both languages the service speaks.</summary>
public sealed record LocalizedText(string ZhCn, string En)
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    /// <summary>The Chinese text for "zh-CN" (any letter case, also "zh" and "zh-Hans…"), the English text for anything else.</summary>
    public string For(string? language) => IsChinese(language) ? ZhCn : En;

    /// <summary>Whether <paramref name="language"/> names Chinese ("zh", "zh-CN", "zh-Hans-CN"…).</summary>
    public static bool IsChinese(string? language) =>
        language is not null && (language.Equals("zh", StringComparison.OrdinalIgnoreCase) || language.StartsWith("zh-", StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// One option of a choice question (or the <c>yes</c>/<c>no</c> of a yes/no question). Choosing it puts
/// <paramref name="Implies"/> among the feedback's categories; a complaint names its <paramref name="Level"/>.
/// </summary>
public sealed record ChoiceOption(string Key, LocalizedText Label, FeedbackCategory? Implies, ComplaintLevel? Level);

/// <summary>One question of a questionnaire.</summary>
/// <param name="Key">Stable key the answers name (lowercase letters, digits, '-' and '_'; starts with a letter).</param>
/// <param name="Text">The question as the customer reads it (survey page).</param>
/// <param name="Script">How the agent says it on the call; <paramref name="Text"/> when null.</param>
/// <param name="Dimension">For <see cref="QuestionKind.DimensionScore"/>: which dimension it scores.</param>
/// <param name="Field">For <see cref="QuestionKind.FreeText"/>: which feedback text it fills.</param>
/// <param name="Options">For choice questions: the options (for yes/no: optionally <c>yes</c> and <c>no</c>); empty otherwise.</param>
public sealed record Question(
    string Key,
    QuestionKind Kind,
    bool Required,
    LocalizedText Text,
    LocalizedText? Script,
    FeedbackDimension? Dimension,
    FreeTextField? Field,
    IReadOnlyList<ChoiceOption> Options)
{
    public const string YesKey = "yes";
    public const string NoKey = "no";

    /// <summary>Lowest and highest score the kind takes (scores and NPS), or null for the kinds that take no score.</summary>
    public (int Min, int Max)? ScoreRange => Kind switch
    {
        QuestionKind.OverallScore or QuestionKind.DimensionScore => (VerdictThresholds.MinScore, VerdictThresholds.MaxScore),
        QuestionKind.Nps => (0, 10),
        _ => null,
    };

    public ChoiceOption? Option(string key) => Options.FirstOrDefault(o => o.Key == key);
}

/// <summary>
/// The agent's call script (话术) around the questions. Placeholders <c>{serviceDate}</c>, <c>{serviceType}</c> and
/// <c>{customer}</c> (the customer's masked salutation, never the full name or phone) are filled for a task.
/// </summary>
public sealed record CallScript(LocalizedText Opening, LocalizedText Closing)
{
    public const string ServiceDatePlaceholder = "{serviceDate}";
    public const string ServiceTypePlaceholder = "{serviceType}";
    public const string CustomerPlaceholder = "{customer}";

    public static IReadOnlyList<string> Placeholders { get; } = [ServiceDatePlaceholder, ServiceTypePlaceholder, CustomerPlaceholder];
}

/// <summary>What a questionnaire asks and how the agent asks it; exactly one required <see cref="QuestionKind.OverallScore"/> question.</summary>
public sealed record QuestionnaireContent(LocalizedText Title, LocalizedText? Intro, IReadOnlyList<Question> Questions, CallScript Script)
{
    public Question? Find(string key) => Questions.FirstOrDefault(q => q.Key == key);
}
