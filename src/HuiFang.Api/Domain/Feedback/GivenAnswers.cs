namespace HuiFang.Api.Domain.Feedback;

/// <summary>One answer as the customer gave it: the question's key and kind (the questionnaire's kind name, e.g. <c>YesNo</c>; a name, so that feedback does not depend on the questionnaire model), and the one field its kind takes.</summary>
public sealed record GivenAnswer(string Question, string Kind, int? Score = null, bool? Yes = null, IReadOnlyList<string>? Choices = null, string? Text = null);

/// <summary>
/// The answers a feedback was given as, and the questionnaire version they answered (<see cref="QuestionnaireId"/>
/// null: the shipped default). Kept on the record as given, so that what the customer said is never lost, even what
/// decides nothing (a yes that implies no category, a choice that implies none).
/// </summary>
public sealed record GivenAnswers(Guid? QuestionnaireId, int QuestionnaireVersion, IReadOnlyList<GivenAnswer> Answers)
{
    /// <summary>At most this many characters of JSON in the column (30 questions × a 2000-character text, with room for keys and choices).</summary>
    public const int MaxJsonLength = 65_536;

    /// <summary>The same answers with every free text replaced by <paramref name="erased"/>.</summary>
    public static IReadOnlyList<GivenAnswer>? ErasedTexts(IReadOnlyList<GivenAnswer>? answers, string erased) =>
        answers is null ? null : [.. answers.Select(a => a.Text is null ? a : a with { Text = erased })];
}
