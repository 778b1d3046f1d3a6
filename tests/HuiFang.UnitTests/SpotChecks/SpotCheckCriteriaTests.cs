using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Domain.SpotChecks;
using HuiFang.Api.Domain.VisitTasks;
using static HuiFang.UnitTests.TestCalendars;

namespace HuiFang.UnitTests.SpotChecks;

/// <summary>What the service sees of a record against the criteria, and the judgment's rules on the spot-check.</summary>
public sealed class SpotCheckCriteriaTests
{
    private static readonly DateTimeOffset Now = Bj(2026, 11, 25, 10);

    private static VisitTask Task() => VisitTask.Create(
        Guid.CreateVersion7(),
        new CustomerInfo("C-1", "王先生", null, null),
        new ServiceRecordInfo("WO-1", "Repair", null, Bj(2026, 11, 20, 10), null, null),
        VisitPurpose.AfterSales,
        ContactChannel.Phone,
        "agent",
        new DueWindow(Bj(2026, 11, 25, 9), Bj(2026, 12, 1, 18), DueRule.CallerSpecified),
        null,
        Now,
        Shanghai());

    private static FeedbackRecord Record(int score, string? comment, string? recordedBy, DateTimeOffset? callEnded, int? duration, string? problems = null) =>
        FeedbackRecord.Record(
            Guid.CreateVersion7(), Task(),
            new FeedbackContent(score, [FeedbackCategory.Praise], null, comment, null, problems, null, null, recordedBy, callEnded, duration, false, null, null),
            VerdictThresholds.Default, FeedbackRecord.DefaultLateAfter, TimeSpan.FromHours(24), Now);

    [Fact]
    public void A_complete_timely_objective_record_shows_nothing()
    {
        var facts = SpotCheckCriteria.Of(Record(5, "客户表示维修及时，师傅态度好", "agent", Now.AddMinutes(-9), 120));
        Assert.True(facts.RecordedWithinLimit);
        Assert.Empty(facts.MissingFields);
        Assert.Empty(facts.SubjectiveWords);
    }

    [Fact]
    public void A_late_record_is_not_within_the_limit_and_an_unknown_call_end_is_unknown()
    {
        Assert.False(SpotCheckCriteria.Of(Record(5, "ok", "agent", Now.AddMinutes(-11), 60)).RecordedWithinLimit);
        var unknown = SpotCheckCriteria.Of(Record(5, "ok", "agent", null, 60));
        Assert.Null(unknown.RecordedWithinLimit);
        Assert.Contains("callEndedAt", unknown.MissingFields);
    }

    [Fact]
    public void The_missing_fields_are_named_and_an_unsatisfied_record_needs_its_problems()
    {
        Assert.Equal(["recordedBy", "callEndedAt", "callDurationSeconds", "comment", "unresolvedProblems"], SpotCheckCriteria.Of(Record(1, " ", null, null, null)).MissingFields);
        Assert.DoesNotContain("unresolvedProblems", SpotCheckCriteria.Of(Record(1, "漏水", "agent", Now, 60, problems: "阳台仍漏水")).MissingFields);
        Assert.DoesNotContain("unresolvedProblems", SpotCheckCriteria.Of(Record(4, "ok", "agent", Now, 60)).MissingFields);
    }

    [Theory]
    [InlineData("我觉得客户在无理取闹", new[] { "我觉得", "无理取闹" })]
    [InlineData("我感觉师傅很好", new[] { "我感觉" })]
    [InlineData("感觉还行", new[] { "感觉" })]
    [InlineData("I THINK the customer was Rude.", new[] { "i think", "rude" })]
    [InlineData("Maybe.  Perhaps not", new[] { "maybe", "perhaps" })]
    [InlineData("The crude oil seemingly leaked; prudent repair", new string[0])]
    [InlineData("客户说：维修及时，满意", new string[0])]
    public void Subjective_words_are_found_chinese_anywhere_english_as_whole_words(string comment, string[] words) =>
        Assert.Equal(words, SpotCheckCriteria.SubjectiveWords(comment));

    [Fact]
    public void A_pick_passes_only_on_all_four_a_fail_needs_a_reason_and_a_completed_check_takes_no_judgment()
    {
        var visit = new SampleCandidate(Guid.CreateVersion7(), Guid.CreateVersion7(), "WO-1", "agent", "AfterSales", Now);
        var picks = SpotCheckSampling.Select([visit], SampleRule.OfPercent(100), "2026-11", SpotCheckLevel.Supervisor, "key");
        var check = SpotCheck.Open(Guid.CreateVersion7(), "2026-11", Now, Now.AddDays(30), SpotCheckLevel.Supervisor, null, SampleRule.OfPercent(100), false, 1, 1,
            picks.Select(p => (p, new PickFacts(true, [], []))), "reviewer", Now);
        Assert.IsType<SpotCheckOpened>(Assert.Single(check.DequeueEvents()));
        var pick = check.Picks[0].Id;

        Assert.Equal("spot-check-picks-not-judged", check.Complete("reviewer", null, Now).Error!.Code);
        Assert.Equal("validation", check.Judge(pick, new PickJudgment(true, true, false, true, [], null), "reviewer", Now).Error!.Code);
        Assert.Equal("spot-check-pick-not-found", check.Judge(Guid.NewGuid(), new PickJudgment(true, true, true, true, [], null), "reviewer", Now).Error!.Code);
        Assert.Equal(1, check.Version);

        Assert.True(check.Judge(pick, new PickJudgment(true, true, false, true, ["主观"], null), "reviewer", Now).IsSuccess);
        Assert.False(check.Picks[0].Passed);
        Assert.True(check.Judge(pick, new PickJudgment(true, true, true, true, [], "复核后通过"), "reviewer", Now).IsSuccess);
        Assert.True(check.Picks[0].Passed);
        Assert.Equal([false, true], check.DequeueEvents().OfType<SpotCheckPickJudged>().Select(e => e.Changed));

        Assert.True(check.Complete("reviewer", "done", Now).IsSuccess);
        Assert.Equal(SpotCheckStatus.Completed, check.Status);
        Assert.Equal(4, check.Version);
        Assert.Equal("invalid-transition", check.Judge(pick, new PickJudgment(true, true, true, true, [], null), "reviewer", Now).Error!.Code);
        Assert.Equal("invalid-transition", check.Complete("reviewer", null, Now).Error!.Code);
    }
}
