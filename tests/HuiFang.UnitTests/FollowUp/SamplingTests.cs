using HuiFang.Api.Domain.FollowUp;
using HuiFang.Api.Domain.VisitTasks;

namespace HuiFang.UnitTests.FollowUp;

public class SamplingTests
{
    private static readonly SelectionRule Routine = FollowUpPolicy.Default.RuleFor("RoutineRepair").Rule;
    private static readonly SelectionRule Activities = FollowUpPolicy.Default.RuleFor("Activity").Rule;

    /// <summary>The house-repair variant of document 003: &lt;20 → a fixed 5, 20–50 → 30 %, 50–100 → 15 %, &gt;100 → a fixed 20.</summary>
    private static readonly SelectionRule HouseRepairs = new(
        "house-repairs", ["HouseRepair"], SelectionMode.Tiered, null,
        [new(19, null, 5), new(50, 30, null), new(100, 15, null), new(null, null, 20)],
        VisitPurpose.AfterSales, ContactChannel.OnSite);

    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(100, 1.0)]
    [InlineData(101, 0.3)]
    [InlineData(300, 0.3)]
    [InlineData(301, 0.1)]
    [InlineData(5000, 0.1)]
    public void Routine_repairs_are_visited_by_the_tier_of_the_months_volume(int position, double rate) =>
        Assert.Equal(rate, Sampling.RateAt(Routine, position).Rate, 9);

    [Theory]
    [InlineData(100, 100.0)]
    [InlineData(200, 130.0)]
    [InlineData(300, 160.0)]
    [InlineData(400, 170.0)]
    public void The_target_adds_each_tiers_share_of_the_orders_in_its_band(int volume, double target) =>
        Assert.Equal(target, Sampling.TargetAt(Routine, volume), 6);

    [Theory]
    [InlineData(19, 5.0)]
    [InlineData(50, 5 + 31 * 0.3)]
    [InlineData(100, 5 + 31 * 0.3 + 50 * 0.15)]
    [InlineData(150, 5 + 31 * 0.3 + 50 * 0.15 + 20)]
    [InlineData(1000, 5 + 31 * 0.3 + 50 * 0.15 + 20)]
    public void Fixed_counts_of_the_house_repair_variant_are_expressible(int volume, double target) =>
        Assert.Equal(target, Sampling.TargetAt(HouseRepairs, volume), 6);

    [Fact]
    public void The_same_work_order_under_the_same_key_always_scores_the_same_and_another_key_scores_differently()
    {
        var a = Sampling.HashScore("tenant-a", "activities", "WO-1");
        Assert.Equal(a, Sampling.HashScore("tenant-a", "activities", "WO-1"));
        Assert.NotEqual(a, Sampling.HashScore("tenant-b", "activities", "WO-1"));
        Assert.NotEqual(a, Sampling.HashScore("tenant-a", "activities", "WO-2"));
        Assert.InRange(a, 0, 1);
    }

    [Fact]
    public void The_hash_score_is_the_documented_hmac_so_an_auditor_can_recompute_it()
    {
        var mac = System.Security.Cryptography.HMACSHA256.HashData("k"u8.ToArray(), "activities\nWO-9"u8.ToArray());
        var expected = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(mac) / Math.Pow(2, 64);
        Assert.Equal(expected, Sampling.HashScore("k", "activities", "WO-9"), 12);
    }

    [Fact]
    public void Deciding_a_month_twice_chooses_the_same_orders() =>
        Assert.Equal(Simulate(Activities, 500, "k"), Simulate(Activities, 500, "k"));

    [Theory]
    [InlineData(37)]
    [InlineData(100)]
    [InlineData(250)]
    [InlineData(1000)]
    [InlineData(4321)]
    public void The_chosen_count_never_strays_a_whole_visit_from_the_target(int volume)
    {
        foreach (var rule in new[] { Routine, Activities, HouseRepairs })
        {
            var chosen = 0;
            for (var n = 1; n <= volume; n++)
            {
                var d = Sampling.Decide(rule, n, chosen, "tenant-a", $"WO-{n:00000}");
                chosen += d.Selected ? 1 : 0;
                Assert.True(Math.Abs(chosen - Sampling.TargetAt(rule, n)) < 1, $"{rule.Name}: {chosen} chosen after {n}, target {Sampling.TargetAt(rule, n)}");
            }
        }
    }

    [Fact]
    public void Over_a_simulated_month_each_tier_is_visited_at_its_rate()
    {
        var picks = Simulate(Routine, 1300, "tenant-a");
        Assert.Equal(100, picks.Take(100).Count(p => p));
        Assert.InRange(picks.Skip(100).Take(200).Count(p => p), 59, 61);
        Assert.InRange(picks.Skip(300).Count(p => p), 99, 101);

        var activities = Simulate(Activities, 1000, "tenant-a");
        Assert.InRange(activities.Count(p => p), 299, 301);
    }

    [Fact]
    public void A_fixed_count_spread_over_a_band_gives_exactly_that_count_and_an_open_band_its_first_orders()
    {
        var picks = Simulate(HouseRepairs, 200, "tenant-a");
        Assert.Equal(5, picks.Take(19).Count(p => p));
        Assert.Equal(20, picks.Skip(100).Count(p => p));
        Assert.All(picks.Skip(100).Take(20), Assert.True);
        Assert.All(picks.Skip(120), Assert.False);
    }

    [Fact]
    public void Within_the_bounds_the_hash_decides_so_the_choice_is_not_just_every_third_order()
    {
        var picks = Simulate(Activities, 300, "tenant-a");
        var gaps = picks.Select((p, i) => (p, i)).Where(x => x.p).Select(x => x.i).Zip(picks.Select((p, i) => (p, i)).Where(x => x.p).Select(x => x.i).Skip(1), (a, b) => b - a).Distinct().Count();
        Assert.True(gaps > 2, "the gaps between chosen orders vary");
        var reasons = Enumerable.Range(1, 300).Select(n => Sampling.Decide(Activities, n, (int)Math.Floor(n * 0.3 - 0.5), "tenant-a", $"WO-{n:00000}").Reason).Distinct().ToList();
        Assert.Contains(SelectionReason.HashBelowRate, reasons);
        Assert.Contains(SelectionReason.HashAboveRate, reasons);
    }

    [Fact]
    public void Always_and_never_do_not_consult_the_hash()
    {
        var always = Sampling.Decide(FollowUpPolicy.Default.RuleFor("Complaint").Rule, 7, 6, "k", "WO-1");
        Assert.True(always.Selected);
        Assert.Equal(SelectionReason.Always, always.Reason);
        Assert.Null(always.HashScore);
        var never = Sampling.Decide(Routine with { Mode = SelectionMode.Never }, 1, 0, "k", "WO-1");
        Assert.False(never.Selected);
        Assert.Equal(SelectionReason.Never, never.Reason);
    }

    [Fact]
    public void An_unknown_service_type_falls_to_the_default_rule_and_says_so()
    {
        var (rule, isDefault) = FollowUpPolicy.Default.RuleFor("WindowCleaning");
        Assert.True(isDefault);
        Assert.Equal(FollowUpPolicy.DefaultRuleName, rule.Name);
        Assert.False(FollowUpPolicy.Default.RuleFor("routinerepair").IsDefault);
    }

    private static List<bool> Simulate(SelectionRule rule, int volume, string key)
    {
        var picks = new List<bool>();
        for (var n = 1; n <= volume; n++)
        {
            picks.Add(Sampling.Decide(rule, n, picks.Count(p => p), key, $"WO-{n:00000}").Selected);
        }

        return picks;
    }
}
