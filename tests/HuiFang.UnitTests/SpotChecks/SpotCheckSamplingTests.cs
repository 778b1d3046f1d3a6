using HuiFang.Api.Domain.FollowUp;
using HuiFang.Api.Domain.SpotChecks;

namespace HuiFang.UnitTests.SpotChecks;

/// <summary>The spot-check's sample: per agent, the lowest keyed hash scores, as many as the rule takes.</summary>
public sealed class SpotCheckSamplingTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    private static List<SampleCandidate> Visits(string? agent, int count, int seed = 0) =>
        [.. Enumerable.Range(0, count).Select(i => new SampleCandidate(
            new Guid(seed * 1000 + i, 0, 0, new byte[8]), new Guid(seed * 1000 + i, 1, 1, new byte[8]), $"WO-{seed}-{i}", agent, "AfterSales", At))];

    [Theory]
    [InlineData(10, 0, 0)]
    [InlineData(10, 1, 1)]
    [InlineData(10, 9, 1)]
    [InlineData(10, 10, 1)]
    [InlineData(10, 11, 2)]
    [InlineData(25, 12, 3)]
    [InlineData(100, 7, 7)]
    [InlineData(1, 1000, 10)]
    public void A_percentage_is_rounded_up_so_an_agent_with_visits_gets_at_least_one(int percent, int population, int taken) =>
        Assert.Equal(taken, SampleRule.OfPercent(percent).TakeOf(population));

    [Theory]
    [InlineData(3, 0, 0)]
    [InlineData(3, 2, 2)]
    [InlineData(3, 5, 3)]
    public void A_count_takes_that_many_or_all(int count, int population, int taken) =>
        Assert.Equal(taken, SampleRule.OfCount(count).TakeOf(population));

    [Theory]
    [InlineData(0, null, false)]
    [InlineData(101, null, false)]
    [InlineData(null, 0, false)]
    [InlineData(null, 1001, false)]
    [InlineData(10, 2, false)]
    [InlineData(null, null, false)]
    [InlineData(1, null, true)]
    [InlineData(100, null, true)]
    [InlineData(null, 1000, true)]
    public void A_rule_is_exactly_one_of_a_percentage_and_a_count_in_range(int? percent, int? count, bool valid) =>
        Assert.Equal(valid, new SampleRule(percent, count).IsValid);

    [Fact]
    public void The_lowest_scores_of_each_agent_are_taken_and_every_pick_explains_itself()
    {
        var visits = Visits("agent-a", 20).Concat(Visits("agent-b", 3, 1)).Concat(Visits(null, 2, 2)).ToList();
        var picks = SpotCheckSampling.Select(visits, SampleRule.OfPercent(10), "2026-11", SpotCheckLevel.Supervisor, "key");

        Assert.Equal(["agent-a", "agent-a", "agent-b", null], picks.Select(p => p.Visit.Agent));
        foreach (var agent in picks.GroupBy(p => p.Visit.Agent))
        {
            var population = visits.Where(v => v.Agent == agent.Key).ToList();
            var expected = population
                .OrderBy(v => Sampling.HashScore("key", "spot-check:2026-11:Supervisor", v.TaskId.ToString("D")))
                .Take(agent.Count())
                .Select(v => v.TaskId);
            Assert.Equal(expected, agent.Select(p => p.Visit.TaskId));
            Assert.Equal(Enumerable.Range(1, agent.Count()), agent.Select(p => p.Rank));
            Assert.All(agent, p => Assert.Equal(population.Count, p.Population));
            Assert.All(agent, p => Assert.Equal(agent.Max(x => x.HashScore), p.CutOff));
            Assert.All(agent, p => Assert.Equal($"spot-check:2026-11:Supervisor\n{p.Visit.TaskId:D}", p.HashInput));
            Assert.All(agent, p => Assert.Equal(SpotCheckSampling.Score("key", "2026-11", SpotCheckLevel.Supervisor, p.Visit.TaskId), p.HashScore));
        }

        // Every visit left scores above the agent's cut-off.
        var taken = picks.Select(p => p.Visit.TaskId).ToHashSet();
        foreach (var left in visits.Where(v => !taken.Contains(v.TaskId)))
        {
            var cutOff = picks.First(p => p.Visit.Agent == left.Agent).CutOff;
            Assert.True(SpotCheckSampling.Score("key", "2026-11", SpotCheckLevel.Supervisor, left.TaskId) > cutOff);
        }
    }

    [Fact]
    public void The_same_inputs_in_any_order_give_the_same_picks_and_another_month_level_or_key_another()
    {
        var visits = Visits("agent-a", 50);
        var rule = SampleRule.OfCount(5);
        List<Guid> Picked(IEnumerable<SampleCandidate> v, string month = "2026-11", SpotCheckLevel level = SpotCheckLevel.Supervisor, string key = "key") =>
            [.. SpotCheckSampling.Select(v, rule, month, level, key).Select(p => p.Visit.TaskId)];

        var first = Picked(visits);
        Assert.Equal(first, Picked(Enumerable.Reverse(visits)));
        Assert.Equal(first, Picked(visits.OrderBy(v => v.WorkOrderNo, StringComparer.Ordinal)));
        Assert.NotEqual(first.ToHashSet(), Picked(visits, month: "2026-12").ToHashSet());
        Assert.NotEqual(first.ToHashSet(), Picked(visits, level: SpotCheckLevel.ProjectManager).ToHashSet());
        Assert.NotEqual(first.ToHashSet(), Picked(visits, key: "other-key").ToHashSet());
    }

    [Fact]
    public void A_visit_keeps_its_score_whatever_else_the_agent_did()
    {
        var visits = Visits("agent-a", 10);
        var alone = SpotCheckSampling.Select(visits.Take(1), SampleRule.OfPercent(100), "2026-11", SpotCheckLevel.Supervisor, "key").Single();
        var among = SpotCheckSampling.Select(visits, SampleRule.OfPercent(100), "2026-11", SpotCheckLevel.Supervisor, "key").Single(p => p.Visit.TaskId == visits[0].TaskId);
        Assert.Equal(alone.HashScore, among.HashScore);
    }

    [Theory]
    [InlineData("2026-11", true)]
    [InlineData("1900-01", true)]
    [InlineData("2999-12", true)]
    [InlineData("2026-13", false)]
    [InlineData("2026-00", false)]
    [InlineData("1899-12", false)]
    [InlineData("3000-01", false)]
    [InlineData("2026-1", false)]
    [InlineData("2026/11", false)]
    [InlineData("2026-W48", false)]
    [InlineData("２０２６-11", false)]
    [InlineData("+026-11", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_month_is_exactly_YYYY_MM(string? text, bool valid)
    {
        Assert.Equal(valid, SpotCheckMonth.TryParse(text, out var month));
        if (valid)
        {
            Assert.Equal(text, month.ToString());
        }
    }

    [Fact]
    public void The_explanation_states_the_rule()
    {
        Assert.Equal("ceil(23 × 10 %) = 3", SampleRule.OfPercent(10).Explain(23));
        Assert.Equal("min(5, 3) = 3", SampleRule.OfCount(5).Explain(3));
    }
}
