namespace HuiFang.Api.Domain.Questionnaires;

/// <summary>How large a questionnaire may be, so that a page, a script and a stored version stay small.</summary>
public static class QuestionnaireLimits
{
    /// <summary>Longest question or option key.</summary>
    public const int Key = 40;

    /// <summary>Most questions in one questionnaire.</summary>
    public const int Questions = 30;

    /// <summary>Most options of one question.</summary>
    public const int Options = 20;

    /// <summary>Longest question text, script line of a question, option label or title (per language).</summary>
    public const int Text = 500;

    /// <summary>Longest intro, opening or closing (per language).</summary>
    public const int LongText = 2000;

    /// <summary>Longest questionnaire name.</summary>
    public const int Name = 100;
}
