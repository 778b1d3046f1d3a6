using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Domain.Quality;

namespace HuiFang.Api.Domain.CorrectiveActions;

/// <summary>
/// The recurrence rule of a tenant's quality policy: a problem recurs when <see cref="Threshold"/> occurrences of the same
/// <see cref="ProblemKey"/> fall within <see cref="WindowDays"/> days. What counts as an occurrence: a current (not superseded)
/// feedback record that is unsatisfied (by score, or a complaint) for <see cref="RecurrenceKind.ServiceTypeAndDepartment"/>,
/// and one that carries the category for <see cref="RecurrenceKind.Category"/> — only the categories that signal a
/// non-conformity (<see cref="CountedCategories"/>: complaint and suggestion), never praise or a plain inquiry.
/// </summary>
public sealed record RecurrenceRule(int Threshold, int WindowDays, IReadOnlyList<RecurrenceKind> By)
{
    public const int MinWindowDays = 1;
    public const int MaxWindowDays = 366;

    /// <summary>The categories whose recurrence is a problem.</summary>
    public static IReadOnlyList<FeedbackCategory> CountedCategories { get; } = [FeedbackCategory.Complaint, FeedbackCategory.Suggestion];

    public static RecurrenceRule Of(QualityPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new(policy.RecurrenceThreshold, policy.RecurrenceWindowDays, policy.RecurrenceBy);
    }

    public TimeSpan Window => TimeSpan.FromDays(WindowDays);

    /// <summary>The problems <paramref name="feedback"/> is an occurrence of, in the order of <see cref="By"/> (none for a superseded record).</summary>
    public IReadOnlyList<ProblemKey> KeysOf(FeedbackRecord feedback)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        if (feedback.SupersededBy is not null)
        {
            return [];
        }

        var keys = new List<ProblemKey>();
        foreach (var kind in By.Distinct())
        {
            switch (kind)
            {
                case RecurrenceKind.ServiceTypeAndDepartment when feedback.IsUnsatisfied && !string.IsNullOrEmpty(feedback.ServiceType):
                    keys.Add(ProblemKey.ForServiceType(feedback.ServiceType, feedback.Department));
                    break;
                case RecurrenceKind.Category:
                    keys.AddRange(CountedCategories.Where(feedback.Has).Select(c => ProblemKey.ForCategory(c, feedback.Department)));
                    break;
            }
        }

        return keys;
    }

    /// <summary>Whether <paramref name="occurrences"/> within one window are a recurrence.</summary>
    public bool Recurs(int occurrences) => Threshold > 0 && occurrences >= Threshold;

    /// <summary>
    /// The rule re-run over <paramref name="from"/>–<paramref name="to"/> (e.g. the period after an action was implemented):
    /// the occurrences in the period, the most that fall within any one window inside it, and whether that is a recurrence.
    /// </summary>
    public RecurrenceEvidence Evaluate(IEnumerable<DateTimeOffset> occurrences, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(occurrences);
        var inPeriod = occurrences.Where(t => t >= from && t <= to).Order().ToList();
        var most = 0;
        var start = 0;
        for (var end = 0; end < inPeriod.Count; end++)
        {
            while (inPeriod[end] - inPeriod[start] >= Window)
            {
                start++;
            }

            most = Math.Max(most, end - start + 1);
        }

        return new RecurrenceEvidence(from, to, inPeriod.Count, most, Threshold, WindowDays, Recurs(most));
    }
}

/// <summary>
/// The recurrence rule re-run over a period: <see cref="Occurrences"/> in it, <see cref="MostInWindow"/> within any one window of
/// <see cref="WindowDays"/> days, the <see cref="Threshold"/> applied, and whether the problem <see cref="Recurred"/>.
/// </summary>
public sealed record RecurrenceEvidence(DateTimeOffset From, DateTimeOffset To, int Occurrences, int MostInWindow, int Threshold, int WindowDays, bool Recurred);
