using HuiFang.Api.Common;
using HuiFang.Api.Domain.SpotChecks;
using HuiFang.Api.Services.SpotChecks;

namespace HuiFang.Api.Features.SpotChecks;

/// <summary>How many visits were taken per agent.</summary>
/// <param name="Percent">The share of each agent's visits (rounded up: at least one of an agent who had any), or null.</param>
/// <param name="CountPerAgent">The fixed count per agent (all of an agent's visits when fewer), or null.</param>
/// <param name="FromPolicy">True when the request named no rule and the quality policy's default was used.</param>
public sealed record SampleRuleResponse(int? Percent, int? CountPerAgent, bool FromPolicy)
{
    public static SampleRuleResponse Of(SampleRule rule, bool fromPolicy) => new(rule.Percent, rule.CountPerAgent, fromPolicy);
}

/// <summary>
/// Why a visit was picked, with what it takes to recompute it: the score is the first 8 bytes of
/// HMAC-SHA256(samplingKey, hashInput) read as an unsigned big-endian integer ÷ 2^64, where the key is the follow-up
/// policy's <c>samplingKey</c> (the tenant id when it names none). The agent's visits ordered by score (lowest first,
/// ties by task id) — the visit is taken when its rank is at most <c>taken</c>.
/// </summary>
/// <param name="Agent">The agent whose visits the pick was drawn from (the task's assignee, else who recorded the feedback); null: neither is known.</param>
/// <param name="Population">The agent's completed visits in the month.</param>
/// <param name="Taken">How many of them the rule takes.</param>
/// <param name="TakenBecause">The rule's formula, e.g. "ceil(23 × 10 %) = 3" or "min(5, 3) = 3".</param>
/// <param name="Rank">The visit's place among the agent's visits by score (1 = lowest).</param>
/// <param name="HashScore">The visit's score in [0, 1).</param>
/// <param name="CutOff">The highest score taken from this agent; the visits scoring above it were left.</param>
/// <param name="HashInput">The text hashed: <c>spot-check:{month}:{level}</c>, a line feed, the task id.</param>
public sealed record PickExplanation(string? Agent, int Population, int Taken, string TakenBecause, int Rank, double HashScore, double CutOff, string HashInput);

/// <summary>What the service saw of the record when the pick was made: hints for the reviewer, who decides.</summary>
/// <param name="RecordedWithinLimit">True: entered within 10 minutes of the call's end; false: later (the record is flagged late); null: the call's end is not known.</param>
/// <param name="MissingFields">Fields a complete record fills that are empty: recordedBy, callEndedAt, callDurationSeconds, comment, and unresolvedProblems for an unsatisfied customer.</param>
/// <param name="SubjectiveWords">Words of the documented list (zh-CN and en) found in the comment, suggestions or unresolved problems.</param>
public sealed record PickFactsResponse(bool? RecordedWithinLimit, IReadOnlyList<string> MissingFields, IReadOnlyList<string> SubjectiveWords)
{
    public static PickFactsResponse Of(PickFacts f) => new(f.RecordedWithinLimit, f.MissingFields, f.SubjectiveWords);
}

/// <summary>The reviewer's judgment of a pick.</summary>
/// <param name="Real">The visit really took place.</param>
/// <param name="Complete">The record's fields are filled.</param>
/// <param name="Objective">The record states what the customer said, without the agent's opinion.</param>
/// <param name="OnTime">The record was entered within 10 minutes of the call.</param>
/// <param name="Passed">All four true.</param>
/// <param name="Reasons">Why (a failed pick has at least one).</param>
/// <param name="Note">The reviewer's note.</param>
/// <param name="JudgedAt">When it was (last) judged.</param>
/// <param name="JudgedBy">Who judged it (the caller).</param>
public sealed record PickJudgmentResponse(bool Real, bool Complete, bool Objective, bool OnTime, bool Passed, IReadOnlyList<string> Reasons, string? Note, DateTimeOffset JudgedAt, string JudgedBy);

/// <summary>One picked visit.</summary>
/// <param name="Id">The pick (the path's pickId when judging it).</param>
/// <param name="FeedbackId">The feedback record checked (the visit's latest when it was picked).</param>
/// <param name="TaskId">The visit task.</param>
/// <param name="WorkOrderNo">The work order.</param>
/// <param name="Department">The work order's department.</param>
/// <param name="RecordedAt">When the feedback was recorded.</param>
/// <param name="Explanation">Why it was picked.</param>
/// <param name="Facts">What the service saw.</param>
/// <param name="Judgment">The reviewer's judgment; null until judged.</param>
public sealed record SpotCheckPickResponse(
    Guid Id,
    Guid FeedbackId,
    Guid TaskId,
    string WorkOrderNo,
    string? Department,
    DateTimeOffset RecordedAt,
    PickExplanation Explanation,
    PickFactsResponse Facts,
    PickJudgmentResponse? Judgment)
{
    public static SpotCheckPickResponse From(SpotCheckPick p, SampleRule rule) => new(
        p.Id, p.FeedbackId, p.TaskId, p.WorkOrderNo, p.Department, p.RecordedAt,
        new PickExplanation(p.Agent, p.Population, p.Taken, rule.Explain(p.Population), p.Rank, p.HashScore, p.CutOff, p.HashInput),
        PickFactsResponse.Of(p.Facts),
        p.Judgment is { } j ? new PickJudgmentResponse(j.Real, j.Complete, j.Objective, j.OnTime, j.Passed, j.Reasons, j.Note, p.JudgedAt!.Value, p.JudgedBy!) : null);
}

/// <summary>A spot-check with its picks.</summary>
/// <param name="Id">The spot-check.</param>
/// <param name="Month">The month checked, YYYY-MM in the tenant's time zone.</param>
/// <param name="Level">Supervisor, ProjectManager, QualityDepartment or RegionalDirector.</param>
/// <param name="Department">Only this department's visits; null: every department.</param>
/// <param name="Rule">How many visits were taken per agent.</param>
/// <param name="Status">Open or Completed.</param>
/// <param name="MonthStart">The month's first instant (UTC).</param>
/// <param name="MonthEnd">The first instant after the month (UTC).</param>
/// <param name="Population">The month's completed visits the sample was drawn from.</param>
/// <param name="Agents">Agents with visits in the month.</param>
/// <param name="PickCount">Visits picked.</param>
/// <param name="Judged">Picks judged so far.</param>
/// <param name="Passed">Picks judged passed.</param>
/// <param name="Failed">Picks judged failed.</param>
/// <param name="PassRate">Passed ÷ judged (0–1); null before the first judgment.</param>
/// <param name="OpenedAt">When it was opened.</param>
/// <param name="OpenedBy">Who opened it (the caller).</param>
/// <param name="CompletedAt">When it was completed.</param>
/// <param name="CompletedBy">Who completed it.</param>
/// <param name="Picks">The picks, agent by agent, each agent's by rank.</param>
/// <param name="Version">The version; the ETag is this number in quotes.</param>
public sealed record SpotCheckResponse(
    Guid Id,
    string Month,
    SpotCheckLevel Level,
    string? Department,
    SampleRuleResponse Rule,
    SpotCheckStatus Status,
    DateTimeOffset MonthStart,
    DateTimeOffset MonthEnd,
    int Population,
    int Agents,
    int PickCount,
    int Judged,
    int Passed,
    int Failed,
    double? PassRate,
    DateTimeOffset OpenedAt,
    string OpenedBy,
    DateTimeOffset? CompletedAt,
    string? CompletedBy,
    IReadOnlyList<SpotCheckPickResponse> Picks,
    int Version) : IVersioned
{
    public static SpotCheckResponse From(SpotCheck s) => new(
        s.Id, s.Month, s.Level, s.Department, SampleRuleResponse.Of(s.Rule, s.RuleFromPolicy), s.Status, s.MonthStart, s.MonthEnd,
        s.Population, s.Agents, s.Picks.Count, s.Judged, s.PassedCount, s.FailedCount, PassRateOf(s.PassedCount, s.Judged),
        s.OpenedAt, s.OpenedBy, s.CompletedAt, s.CompletedBy, [.. InOrder(s.Picks).Select(p => SpotCheckPickResponse.From(p, s.Rule))], s.Version);

    /// <summary>Agent by agent (ordinal, an unknown agent last), each agent's by rank: the order the sample drew them in.</summary>
    public static IEnumerable<SpotCheckPick> InOrder(IEnumerable<SpotCheckPick> picks) =>
        picks.OrderBy(p => p.Agent is null).ThenBy(p => p.Agent, StringComparer.Ordinal).ThenBy(p => p.Rank);

    public static double? PassRateOf(int passed, int judged) => judged == 0 ? null : Math.Round(passed / (double)judged, 4);
}

/// <summary>A spot-check in a list: its figures without the picks.</summary>
/// <param name="Id">The spot-check.</param>
/// <param name="Month">The month checked.</param>
/// <param name="Level">Who checks.</param>
/// <param name="Department">Only this department's visits; null: every department.</param>
/// <param name="Rule">How many visits were taken per agent.</param>
/// <param name="Status">Open or Completed.</param>
/// <param name="Population">The month's completed visits.</param>
/// <param name="PickCount">Visits picked.</param>
/// <param name="Judged">Picks judged.</param>
/// <param name="Passed">Picks passed.</param>
/// <param name="Failed">Picks failed.</param>
/// <param name="OpenedAt">When it was opened.</param>
/// <param name="OpenedBy">Who opened it.</param>
/// <param name="CompletedAt">When it was completed.</param>
/// <param name="Version">Its version (ETag).</param>
public sealed record SpotCheckSummary(
    Guid Id, string Month, SpotCheckLevel Level, string? Department, SampleRuleResponse Rule, SpotCheckStatus Status, int Population,
    int PickCount, int Judged, int Passed, int Failed, DateTimeOffset OpenedAt, string OpenedBy, DateTimeOffset? CompletedAt, int Version)
{
    public static SpotCheckSummary From(SpotCheck s) => new(
        s.Id, s.Month, s.Level, s.Department, SampleRuleResponse.Of(s.Rule, s.RuleFromPolicy), s.Status, s.Population,
        s.Picks.Count, s.Judged, s.PassedCount, s.FailedCount, s.OpenedAt, s.OpenedBy, s.CompletedAt, s.Version);
}

/// <summary>A sample drawn without opening a spot-check: what opening one with the same inputs would pick now.</summary>
/// <param name="Month">The month.</param>
/// <param name="Level">The level (part of the hash: each level checks its own visits).</param>
/// <param name="Department">Only this department's visits; null: every department.</param>
/// <param name="Rule">How many visits are taken per agent.</param>
/// <param name="TimeZone">The tenant calendar's time zone the month is in.</param>
/// <param name="MonthStart">The month's first instant (UTC).</param>
/// <param name="MonthEnd">The first instant after the month (UTC).</param>
/// <param name="Population">The month's completed visits.</param>
/// <param name="Agents">Agents with visits in the month.</param>
/// <param name="Picks">The visits the sample takes, with their explanation and facts (no judgment, no pick id).</param>
public sealed record SpotCheckPreview(
    string Month, SpotCheckLevel Level, string? Department, SampleRuleResponse Rule, string TimeZone, DateTimeOffset MonthStart, DateTimeOffset MonthEnd,
    int Population, int Agents, IReadOnlyList<SpotCheckPreviewPick> Picks)
{
    public static SpotCheckPreview From(DrawnSample s, SpotCheckLevel level, string? department) => new(
        s.Month, level, department, SampleRuleResponse.Of(s.Rule, s.RuleFromPolicy), s.TimeZone, s.Start, s.End, s.Population, s.Agents,
        [.. s.Picks.Select(p => new SpotCheckPreviewPick(
            p.Pick.Visit.FeedbackId, p.Pick.Visit.TaskId, p.Pick.Visit.WorkOrderNo, p.Pick.Visit.Department, p.Pick.Visit.RecordedAt,
            new PickExplanation(p.Pick.Visit.Agent, p.Pick.Population, p.Pick.Taken, s.Rule.Explain(p.Pick.Population), p.Pick.Rank, p.Pick.HashScore, p.Pick.CutOff, p.Pick.HashInput),
            PickFactsResponse.Of(p.Facts)))]);
}

/// <summary>A visit the previewed sample takes.</summary>
/// <param name="FeedbackId">The feedback record.</param>
/// <param name="TaskId">The visit task.</param>
/// <param name="WorkOrderNo">The work order.</param>
/// <param name="Department">The work order's department.</param>
/// <param name="RecordedAt">When the feedback was recorded.</param>
/// <param name="Explanation">Why it is picked.</param>
/// <param name="Facts">What the service sees.</param>
public sealed record SpotCheckPreviewPick(Guid FeedbackId, Guid TaskId, string WorkOrderNo, string? Department, DateTimeOffset RecordedAt, PickExplanation Explanation, PickFactsResponse Facts);
