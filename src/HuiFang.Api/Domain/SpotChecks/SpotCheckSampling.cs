using System.Globalization;
using HuiFang.Api.Domain.FollowUp;

namespace HuiFang.Api.Domain.SpotChecks;

/// <summary>
/// How many visits a spot-check takes per agent: a percentage of the agent's visits of the month (rounded up, so at
/// least one of an agent who had any), or a fixed count (all of them when the agent had fewer). Exactly one is set.
/// </summary>
public sealed record SampleRule(int? Percent, int? CountPerAgent)
{
    public const int MaxCountPerAgent = 1000;

    public static SampleRule OfPercent(int percent) => new(percent, null);

    public static SampleRule OfCount(int count) => new(null, count);

    /// <summary>Exactly one of the two, the percentage 1–100, the count 1–<see cref="MaxCountPerAgent"/>.</summary>
    public bool IsValid => (Percent, CountPerAgent) switch
    {
        ({ } p, null) => p is >= 1 and <= 100,
        (null, { } c) => c is >= 1 and <= MaxCountPerAgent,
        _ => false,
    };

    /// <summary>How many of an agent's <paramref name="population"/> visits are taken.</summary>
    public int TakeOf(int population) =>
        population <= 0 ? 0
        : Percent is { } p ? (int)Math.Min(population, (population * (long)p + 99) / 100)
        : Math.Min(population, CountPerAgent!.Value);

    /// <summary>Why <see cref="TakeOf"/> gives what it gives, as a formula: "ceil(23 × 10 %) = 3", "min(5, 3) = 3".</summary>
    public string Explain(int population) =>
        Percent is { } p
            ? string.Create(CultureInfo.InvariantCulture, $"ceil({population} × {p} %) = {TakeOf(population)}")
            : string.Create(CultureInfo.InvariantCulture, $"min({CountPerAgent}, {population}) = {TakeOf(population)}");

    public override string ToString() => Percent is { } p ? $"{p}%" : $"{CountPerAgent} per agent";
}

/// <summary>A completed visit of the month that a spot-check may pick.</summary>
/// <param name="FeedbackId">The (latest) feedback record of the visit.</param>
/// <param name="TaskId">The visit task; its id is what the hash is taken of, so a correction of the feedback keeps the pick.</param>
/// <param name="WorkOrderNo">The work order of the visit.</param>
/// <param name="Agent">Who made the visit: the task's assignee, else who recorded the feedback; null when neither is known.</param>
/// <param name="Department">The work order's department.</param>
/// <param name="RecordedAt">When the feedback was recorded.</param>
public sealed record SampleCandidate(Guid FeedbackId, Guid TaskId, string WorkOrderNo, string? Agent, string? Department, DateTimeOffset RecordedAt);

/// <summary>One visit the sample took, with everything needed to recompute the choice.</summary>
/// <param name="Visit">The visit.</param>
/// <param name="Population">The agent's visits in the month (the population the pick was drawn from).</param>
/// <param name="Taken">How many of them the rule takes.</param>
/// <param name="Rank">The visit's place among the agent's visits ordered by hash score, lowest first (1-based); taken when rank ≤ taken.</param>
/// <param name="HashScore">The visit's keyed hash score in [0, 1).</param>
/// <param name="CutOff">The highest score taken from this agent: every visit of the agent scoring at or below it was taken.</param>
/// <param name="HashInput">The text that was hashed (under the sampling key).</param>
public sealed record SamplePick(SampleCandidate Visit, int Population, int Taken, int Rank, double HashScore, double CutOff, string HashInput);

/// <summary>
/// The spot-check's sample: for each agent, the month's visits are ordered by their keyed hash score — HMAC-SHA256 under
/// the tenant's sampling key of <c>"spot-check:{month}:{level}\n{taskId}"</c>, the score of
/// <see cref="Sampling.HashScore"/>, the same hash the intake's sampling uses — and the lowest
/// <see cref="SampleRule.TakeOf"/> are taken. So the same visits, month, level and rule give the same picks; another
/// month or level gives another, independent, sample; nobody can choose which visits are checked; and anyone with the
/// key can recompute each pick from its explanation.
/// </summary>
public static class SpotCheckSampling
{
    /// <summary>The rule name of the hash: the month and the level, so that each level checks its own visits.</summary>
    public static string RuleName(string month, SpotCheckLevel level) => $"spot-check:{month}:{level}";

    /// <summary>The visit's identity in the hash: its task id (lower-case, with hyphens).</summary>
    public static string VisitKey(Guid taskId) => taskId.ToString("D");

    public static double Score(string samplingKey, string month, SpotCheckLevel level, Guid taskId) =>
        Sampling.HashScore(samplingKey, RuleName(month, level), VisitKey(taskId));

    /// <summary>The picks, agent by agent (agents in ordinal order, a null agent last), each agent's by rank.</summary>
    public static IReadOnlyList<SamplePick> Select(IEnumerable<SampleCandidate> visits, SampleRule rule, string month, SpotCheckLevel level, string samplingKey)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (!rule.IsValid)
        {
            throw new ArgumentException("A sample rule takes a percentage or a count per agent.", nameof(rule));
        }

        var ruleName = RuleName(month, level);
        var picks = new List<SamplePick>();
        var byAgent = visits.GroupBy(v => v.Agent, StringComparer.Ordinal)
            .OrderBy(g => g.Key is null).ThenBy(g => g.Key, StringComparer.Ordinal);
        foreach (var agent in byAgent)
        {
            var scored = agent
                .Select(v => (Visit: v, Input: ruleName + "\n" + VisitKey(v.TaskId), Score: Sampling.HashScore(samplingKey, ruleName, VisitKey(v.TaskId))))
                .OrderBy(s => s.Score).ThenBy(s => VisitKey(s.Visit.TaskId), StringComparer.Ordinal)
                .ToList();
            var taken = rule.TakeOf(scored.Count);
            if (taken == 0)
            {
                continue;
            }

            var cutOff = scored[taken - 1].Score;
            for (var i = 0; i < taken; i++)
            {
                picks.Add(new SamplePick(scored[i].Visit, scored.Count, taken, i + 1, scored[i].Score, cutOff, scored[i].Input));
            }
        }

        return picks;
    }
}
