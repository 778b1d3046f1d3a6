using System.Text.RegularExpressions;
using HuiFang.Api.Domain.Feedback;

namespace HuiFang.Api.Domain.SpotChecks;

/// <summary>
/// What the service itself can see of a follow-up record against the criteria of a good record (a real visit, the
/// record complete, objective and on time): hints for the reviewer, who decides. Taken when the pick is made.
/// </summary>
/// <param name="RecordedWithinLimit">True when the feedback was entered within 10 minutes of the call's end, false when later (the record's <c>recordedLate</c>), null when the call's end is not known.</param>
/// <param name="MissingFields">The fields of the record left empty that a complete record fills (see <see cref="SpotCheckCriteria.MissingFields"/>).</param>
/// <param name="SubjectiveWords">The words of <see cref="SpotCheckCriteria.SubjectiveWords"/> found in the record's texts (comment, suggestions, unresolved problems).</param>
public sealed record PickFacts(bool? RecordedWithinLimit, IReadOnlyList<string> MissingFields, IReadOnlyList<string> SubjectiveWords);

/// <summary>The criteria the service checks by itself, and the word list behind the objectivity hint.</summary>
public static class SpotCheckCriteria
{
    /// <summary>Feedback entered later than this after the call is not on time (the record's own rule).</summary>
    public static TimeSpan OnTimeLimit => FeedbackRecord.DefaultLateAfter;

    /// <summary>
    /// Words that give the agent's opinion instead of what the customer said (a record states facts: 如实记录, 客观描述).
    /// Chinese words are found anywhere in the text; English ones as whole words, in any letter case. The list is a
    /// hint: "可能" may be the customer's own word, and the reviewer decides.
    /// </summary>
    public static readonly IReadOnlyList<string> SubjectiveWordsZh =
    [
        "我觉得", "我认为", "我感觉", "感觉", "好像", "似乎", "大概", "估计", "可能", "应该是", "也许", "据说", "听说",
        "显然", "肯定是", "无理取闹", "难缠", "刁难", "素质差", "脾气差", "太挑剔",
    ];

    /// <inheritdoc cref="SubjectiveWordsZh"/>
    public static readonly IReadOnlyList<string> SubjectiveWordsEn =
    [
        "i think", "i feel", "i believe", "i guess", "in my opinion", "seems", "seemed", "probably", "maybe", "perhaps",
        "apparently", "obviously", "clearly", "unreasonable", "rude", "difficult customer", "picky",
    ];

    /// <summary>The facts of <paramref name="feedback"/>.</summary>
    public static PickFacts Of(FeedbackRecord feedback)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        return new PickFacts(
            feedback.CallEndedAt is null ? null : !feedback.RecordedLate,
            MissingFields(feedback),
            SubjectiveWords(feedback.Comment, feedback.Suggestions, feedback.UnresolvedProblems));
    }

    /// <summary>
    /// The fields a complete record fills: who recorded it (<c>recordedBy</c>), when the call ended (<c>callEndedAt</c>,
    /// which the 10-minute rule needs) and how long it took (<c>callDurationSeconds</c>), what the customer said
    /// (<c>comment</c>), and — for an unsatisfied customer or a complaint — the problems left (<c>unresolvedProblems</c>).
    /// </summary>
    public static IReadOnlyList<string> MissingFields(FeedbackRecord f)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(f.RecordedBy))
        {
            missing.Add("recordedBy");
        }

        if (f.CallEndedAt is null)
        {
            missing.Add("callEndedAt");
        }

        if (f.CallDurationSeconds is null)
        {
            missing.Add("callDurationSeconds");
        }

        if (string.IsNullOrWhiteSpace(f.Comment))
        {
            missing.Add("comment");
        }

        if (f.IsUnsatisfied && string.IsNullOrWhiteSpace(f.UnresolvedProblems))
        {
            missing.Add("unresolvedProblems");
        }

        return missing;
    }

    /// <summary>The listed words found in <paramref name="texts"/>, each once, in list order (Chinese first).</summary>
    public static IReadOnlyList<string> SubjectiveWords(params string?[] texts)
    {
        var text = string.Join("\n", texts.Where(t => !string.IsNullOrEmpty(t)));
        if (text.Length == 0)
        {
            return [];
        }

        var found = SubjectiveWordsZh.Where(w => text.Contains(w, StringComparison.Ordinal)).ToList();
        foreach (var word in SubjectiveWordsEn)
        {
            if (Regex.IsMatch(text, @"(?<![\p{L}\p{N}])" + Regex.Escape(word).Replace("\\ ", "\\s+", StringComparison.Ordinal) + @"(?![\p{L}\p{N}])",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            {
                found.Add(word);
            }
        }

        // "感觉" is inside "我感觉": name the longer word only.
        return [.. found.Where(w => !found.Any(o => o != w && o.Contains(w, StringComparison.Ordinal)))];
    }
}
