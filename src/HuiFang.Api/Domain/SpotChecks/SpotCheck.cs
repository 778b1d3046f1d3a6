using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Tenants;

namespace HuiFang.Api.Domain.SpotChecks;

/// <summary>What the reviewer found on one picked visit. Pass = all four true.</summary>
/// <param name="Real">The visit really took place (the customer was reached and said what the record says).</param>
/// <param name="Complete">The record's fields are filled.</param>
/// <param name="Objective">The record states what the customer said, without the agent's opinion.</param>
/// <param name="OnTime">The record was entered within 10 minutes of the call.</param>
/// <param name="Reasons">Why, in a few words each; a failed pick needs at least one.</param>
/// <param name="Note">Anything else the reviewer wants kept.</param>
public sealed record PickJudgment(bool Real, bool Complete, bool Objective, bool OnTime, IReadOnlyList<string> Reasons, string? Note)
{
    public const int MaxReasons = 10;
    public const int MaxReasonLength = 200;

    public bool Passed => Real && Complete && Objective && OnTime;
}

/// <summary>One visit of a spot-check's sample: why it was picked, what the service saw, and the reviewer's judgment.</summary>
public sealed class SpotCheckPick
{
    private SpotCheckPick()
    {
    }

    public Guid Id { get; private set; }

    public Guid FeedbackId { get; private set; }

    public Guid TaskId { get; private set; }

    public string WorkOrderNo { get; private set; } = "";

    /// <summary>The agent the visit counts for (the task's assignee, else who recorded the feedback); null: neither is known.</summary>
    public string? Agent { get; private set; }

    public string? Department { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public int Population { get; private set; }

    public int Taken { get; private set; }

    public int Rank { get; private set; }

    public double HashScore { get; private set; }

    public double CutOff { get; private set; }

    public string HashInput { get; private set; } = "";

    public bool? RecordedWithinLimit { get; private set; }

    public IReadOnlyList<string> MissingFields { get; private set; } = [];

    public IReadOnlyList<string> SubjectiveWords { get; private set; } = [];

    public bool? Real { get; private set; }

    public bool? Complete { get; private set; }

    public bool? Objective { get; private set; }

    public bool? OnTime { get; private set; }

    /// <summary>All four true; null until judged. Stored so that reports count it in SQL.</summary>
    public bool? Passed { get; private set; }

    public IReadOnlyList<string> Reasons { get; private set; } = [];

    public string? Note { get; private set; }

    public DateTimeOffset? JudgedAt { get; private set; }

    public string? JudgedBy { get; private set; }

    public bool IsJudged => Passed is not null;

    public PickFacts Facts => new(RecordedWithinLimit, MissingFields, SubjectiveWords);

    public PickJudgment? Judgment => IsJudged ? new(Real!.Value, Complete!.Value, Objective!.Value, OnTime!.Value, Reasons, Note) : null;

    internal static SpotCheckPick From(Guid id, SamplePick pick, PickFacts facts) => new()
    {
        Id = id,
        FeedbackId = pick.Visit.FeedbackId,
        TaskId = pick.Visit.TaskId,
        WorkOrderNo = pick.Visit.WorkOrderNo,
        Agent = pick.Visit.Agent,
        Department = pick.Visit.Department,
        RecordedAt = pick.Visit.RecordedAt.ToUniversalTime(),
        Population = pick.Population,
        Taken = pick.Taken,
        Rank = pick.Rank,
        HashScore = pick.HashScore,
        CutOff = pick.CutOff,
        HashInput = pick.HashInput,
        RecordedWithinLimit = facts.RecordedWithinLimit,
        MissingFields = facts.MissingFields,
        SubjectiveWords = facts.SubjectiveWords,
    };

    internal void Judge(PickJudgment judgment, string by, DateTimeOffset now)
    {
        Real = judgment.Real;
        Complete = judgment.Complete;
        Objective = judgment.Objective;
        OnTime = judgment.OnTime;
        Passed = judgment.Passed;
        Reasons = [.. judgment.Reasons];
        Note = judgment.Note;
        JudgedAt = now.ToUniversalTime();
        JudgedBy = by;
    }
}

/// <summary>
/// A monthly spot-check (月度抽查) of the follow-up records at one level: a reproducible sample of the month's completed
/// visits per agent (<see cref="SpotCheckSampling"/>), each pick judged by the reviewer — real, complete, objective, on
/// time — and the check completed once every pick is judged. The same month, level and rule may be opened again: the
/// keyed hash gives the same picks, so a sample cannot be re-drawn until it suits.
/// </summary>
public sealed class SpotCheck : AggregateRoot, ITenantOwned
{
    private readonly List<SpotCheckPick> _picks = [];

    private SpotCheck()
    {
    }

    public Guid Id { get; private set; }

    public string TenantId { get; private set; } = "";

    /// <summary>The month checked, <c>YYYY-MM</c> in the tenant's time zone.</summary>
    public string Month { get; private set; } = "";

    /// <summary>The month's first instant (UTC).</summary>
    public DateTimeOffset MonthStart { get; private set; }

    /// <summary>The first instant after the month (UTC).</summary>
    public DateTimeOffset MonthEnd { get; private set; }

    public SpotCheckLevel Level { get; private set; }

    /// <summary>Only this department's visits; null: every department.</summary>
    public string? Department { get; private set; }

    public int? Percent { get; private set; }

    public int? CountPerAgent { get; private set; }

    /// <summary>True when the request named no rule and the quality policy's default was used.</summary>
    public bool RuleFromPolicy { get; private set; }

    /// <summary>The month's completed visits the sample was drawn from (all agents).</summary>
    public int Population { get; private set; }

    /// <summary>How many agents had visits in the month.</summary>
    public int Agents { get; private set; }

    public SpotCheckStatus Status { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public string OpenedBy { get; private set; } = "";

    public DateTimeOffset? CompletedAt { get; private set; }

    public string? CompletedBy { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<SpotCheckPick> Picks => _picks;

    public SampleRule Rule => new(Percent, CountPerAgent);

    public int Judged => _picks.Count(p => p.IsJudged);

    public int PassedCount => _picks.Count(p => p.Passed == true);

    public int FailedCount => _picks.Count(p => p.Passed == false);

    public static SpotCheck Open(
        Guid id,
        string month,
        DateTimeOffset monthStart,
        DateTimeOffset monthEnd,
        SpotCheckLevel level,
        string? department,
        SampleRule rule,
        bool ruleFromPolicy,
        int population,
        int agents,
        IEnumerable<(SamplePick Pick, PickFacts Facts)> picks,
        string openedBy,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (!rule.IsValid)
        {
            throw new ArgumentException("A sample rule takes a percentage or a count per agent.", nameof(rule));
        }

        var check = new SpotCheck
        {
            Id = id,
            Month = month,
            MonthStart = monthStart.ToUniversalTime(),
            MonthEnd = monthEnd.ToUniversalTime(),
            Level = level,
            Department = department,
            Percent = rule.Percent,
            CountPerAgent = rule.CountPerAgent,
            RuleFromPolicy = ruleFromPolicy,
            Population = population,
            Agents = agents,
            Status = SpotCheckStatus.Open,
            OpenedAt = now.ToUniversalTime(),
            OpenedBy = openedBy,
            Version = 1,
        };
        check._picks.AddRange(picks.Select(p => SpotCheckPick.From(Guid.CreateVersion7(now), p.Pick, p.Facts)));
        check.Raise(new SpotCheckOpened(check, now));
        return check;
    }

    /// <summary>Records (or, while the check is open, changes) the judgment of one pick.</summary>
    public Outcome Judge(Guid pickId, PickJudgment judgment, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(judgment);
        if (Status != SpotCheckStatus.Open)
        {
            return SpotCheckErrors.NotOpen(this, "judge");
        }

        var pick = _picks.FirstOrDefault(p => p.Id == pickId);
        if (pick is null)
        {
            return SpotCheckErrors.PickNotFound(Id, pickId);
        }

        if (!judgment.Passed && judgment.Reasons.Count == 0)
        {
            return Error.InvalidField("reasons", "spotCheck.reasonRequired");
        }

        var changed = pick.IsJudged;
        pick.Judge(judgment, by, now);
        Version++;
        Raise(new SpotCheckPickJudged(this, pick, changed, now));
        return Outcome.Ok;
    }

    /// <summary>Closes the check; every pick must be judged. <paramref name="note"/> is kept in the history.</summary>
    public Outcome Complete(string by, string? note, DateTimeOffset now)
    {
        if (Status != SpotCheckStatus.Open)
        {
            return SpotCheckErrors.NotOpen(this, "complete");
        }

        var waiting = _picks.Count - Judged;
        if (waiting > 0)
        {
            return SpotCheckErrors.PicksNotJudged(Id, waiting);
        }

        Status = SpotCheckStatus.Completed;
        CompletedAt = now.ToUniversalTime();
        CompletedBy = by;
        Version++;
        Raise(new SpotCheckCompleted(this, note, now));
        return Outcome.Ok;
    }
}
