using HuiFang.Api.Domain.Escalations;
using HuiFang.Api.Domain.Feedback;

namespace HuiFang.UnitTests.Escalations;

public sealed class VerdictTests
{
    [Theory]
    [InlineData(5, Verdict.Satisfied)]
    [InlineData(4, Verdict.Satisfied)]
    [InlineData(3, Verdict.Neutral)]
    [InlineData(2, Verdict.Unsatisfied)]
    [InlineData(1, Verdict.Unsatisfied)]
    public void Default_thresholds_follow_the_source_documents(int score, Verdict expected) =>
        Assert.Equal(expected, VerdictThresholds.Default.Of(score));

    [Theory]
    [InlineData(5, Verdict.Satisfied)]
    [InlineData(4, Verdict.Neutral)]
    [InlineData(3, Verdict.Unsatisfied)]
    public void A_tenant_can_set_stricter_thresholds(int score, Verdict expected) =>
        Assert.Equal(expected, new VerdictThresholds(SatisfiedFrom: 5, UnsatisfiedUpTo: 3).Of(score));

    [Theory]
    [InlineData(4, 2, true)]
    [InlineData(3, 2, true)]
    [InlineData(3, 3, false)]
    [InlineData(2, 3, false)]
    [InlineData(6, 2, false)]
    [InlineData(4, 0, false)]
    public void Thresholds_must_leave_the_bands_in_order(int satisfiedFrom, int unsatisfiedUpTo, bool valid) =>
        Assert.Equal(valid, new VerdictThresholds(satisfiedFrom, unsatisfiedUpTo).IsValid);

    [Fact]
    public void A_complaint_escalates_whatever_the_score_and_neutral_only_when_the_tenant_says_so()
    {
        var policy = EscalationPolicy.Default;
        Assert.Equal(EscalationTrigger.Complaint, policy.TriggerFor(Verdict.Satisfied, complaint: true));
        Assert.Equal(EscalationTrigger.Unsatisfied, policy.TriggerFor(Verdict.Unsatisfied, complaint: false));
        Assert.Null(policy.TriggerFor(Verdict.Neutral, complaint: false));
        Assert.Equal(EscalationTrigger.Unsatisfied, (policy with { EscalateNeutral = true }).TriggerFor(Verdict.Neutral, complaint: false));
        Assert.Null((policy with { EscalateUnsatisfied = false }).TriggerFor(Verdict.Unsatisfied, complaint: false));
    }

    [Fact]
    public void A_revisit_closes_the_loop_only_when_satisfied_unless_the_tenant_accepts_neutral()
    {
        var policy = EscalationPolicy.Default;
        Assert.True(policy.RevisitCloses(Verdict.Satisfied, complaint: false));
        Assert.False(policy.RevisitCloses(Verdict.Neutral, complaint: false));
        Assert.False(policy.RevisitCloses(Verdict.Satisfied, complaint: true));
        Assert.True((policy with { RevisitClosesFrom = Verdict.Neutral }).RevisitCloses(Verdict.Neutral, complaint: false));
    }

    [Fact]
    public void Routing_picks_the_most_specific_matching_rule_and_falls_back_to_the_work_orders_department()
    {
        var policy = EscalationPolicy.Default with
        {
            Routes =
            [
                new RoutingRule(null, null, "CustomerCare"),
                new RoutingRule("Repair", null, "Engineering", "eng-wang"),
                new RoutingRule("Repair", "Plumbing", "WaterTeam"),
            ],
        };
        Assert.Equal("WaterTeam", policy.RouteFor("repair", "plumbing").Department);
        Assert.Equal(new Route("Engineering", "eng-wang", null, null), policy.RouteFor("Repair", "AfterSales"));
        Assert.Equal("CustomerCare", policy.RouteFor("Installation", null).Department);
        Assert.Equal("AfterSales", EscalationPolicy.Default.RouteFor("Installation", "AfterSales").Department);
        Assert.Equal("CustomerService", EscalationPolicy.Default.RouteFor("Installation", null).Department);
    }
}
