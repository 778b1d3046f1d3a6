namespace HuiFang.Api.Domain.Feedback;

/// <summary>The overall verdict derived from the score (满意 / 一般 / 不满意).</summary>
public enum Verdict
{
    Satisfied,
    Neutral,
    Unsatisfied,
}

/// <summary>What kind of feedback the customer gave; one record may have several.</summary>
public enum FeedbackCategory
{
    /// <summary>表扬.</summary>
    Praise,

    /// <summary>建议.</summary>
    Suggestion,

    /// <summary>投诉; needs a <see cref="ComplaintLevel"/>.</summary>
    Complaint,

    /// <summary>咨询; one that could not be answered on the spot gets a promised reply time.</summary>
    Inquiry,
}

/// <summary>How serious a complaint is; decides the escalation's SLA.</summary>
public enum ComplaintLevel
{
    /// <summary>一般: affects the customer's experience.</summary>
    General,

    /// <summary>紧急: stops the customer's business.</summary>
    Urgent,
}

/// <summary>
/// The score bands of the verdict, per tenant: scores from <see cref="SatisfiedFrom"/> up are satisfied,
/// scores up to <see cref="UnsatisfiedUpTo"/> unsatisfied, anything between neutral.
/// </summary>
/// <param name="SatisfiedFrom">Lowest satisfied score (default 4).</param>
/// <param name="UnsatisfiedUpTo">Highest unsatisfied score (default 2).</param>
public sealed record VerdictThresholds(int SatisfiedFrom = 4, int UnsatisfiedUpTo = 2)
{
    public const int MinScore = 1;
    public const int MaxScore = 5;

    public static VerdictThresholds Default { get; } = new();

    /// <summary>1 ≤ unsatisfied-up-to &lt; satisfied-from ≤ 5.</summary>
    public bool IsValid => UnsatisfiedUpTo >= MinScore && SatisfiedFrom <= MaxScore && UnsatisfiedUpTo < SatisfiedFrom;

    public Verdict Of(int score) =>
        score >= SatisfiedFrom ? Verdict.Satisfied
        : score <= UnsatisfiedUpTo ? Verdict.Unsatisfied
        : Verdict.Neutral;
}
