namespace HuiFang.Api.Features.SurveyPage;

/// <summary>How a question is asked on the page.</summary>
public enum PageQuestionKind
{
    /// <summary>1–5, as five radios from very dissatisfied to very satisfied (the overall score and dimension scores).</summary>
    Score,

    /// <summary>Two radios, yes or no.</summary>
    YesNo,

    /// <summary>One radio per option.</summary>
    SingleChoice,

    /// <summary>One checkbox per option.</summary>
    MultipleChoice,

    /// <summary>A text area.</summary>
    FreeText,

    /// <summary>0–10, as eleven radios.</summary>
    Nps,
}

public sealed record PageOption(string Key, string Label);

/// <summary>One question in the page's language. <see cref="Key"/> is the questionnaire's key; the form field is <c>q.{Key}</c>.</summary>
public sealed record PageQuestion(string Key, PageQuestionKind Kind, bool Required, string Text, IReadOnlyList<PageOption> Options, bool IsOverall = false)
{
    public string Field => "q." + Key;

    public string Id => "q-" + Key;
}

/// <summary>What the page shows about a survey: whose it is and what the visit was about, never who the customer is.</summary>
public sealed record PageSurvey(string Language, string Organisation, string Title, string? Intro, string About, IReadOnlyList<PageQuestion> Questions);

/// <summary>What the customer sent (or what a link preselects), and the errors to show next to each field.</summary>
public sealed record PageForm(IReadOnlyDictionary<string, IReadOnlyList<string>> Values, IReadOnlyDictionary<string, string> Errors, bool DoNotContact)
{
    public static readonly PageForm Empty = new(new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, string>(), false);

    public bool Has(string field, string value) => Values.TryGetValue(field, out var v) && v.Contains(value, StringComparer.Ordinal);

    public string? Text(string field) => Values.TryGetValue(field, out var v) && v.Count > 0 ? v[0] : null;
}

/// <summary>A line of an answered survey as the already-answered page shows it.</summary>
public sealed record PageAnswerLine(string Label, string Value);
