using HuiFang.Api.Domain.CorrectiveActions;
using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Domain.Quality;
using HuiFang.Api.Domain.VisitTasks;
using static HuiFang.UnitTests.TestCalendars;

namespace HuiFang.UnitTests.CorrectiveActions;

/// <summary>The recurrence rule: which problems a feedback record is an occurrence of, and the rule re-run over a period.</summary>
public sealed class RecurrenceRuleTests
{
    private static readonly DateTimeOffset Now = Bj(2026, 11, 25, 10);

    private static readonly RecurrenceRule Default = RecurrenceRule.Of(QualityPolicy.Default);

    private static FeedbackRecord Feedback(int score, string serviceType = "Repair", string? department = "AfterSales", params FeedbackCategory[] categories)
    {
        var task = VisitTask.Create(
            Guid.CreateVersion7(),
            new CustomerInfo("C-1", "王先生", null, null),
            new ServiceRecordInfo("WO-1", serviceType, null, Bj(2026, 11, 20, 10), null, department),
            VisitPurpose.AfterSales,
            ContactChannel.Phone,
            "agent",
            new DueWindow(Bj(2026, 11, 25, 9), Bj(2026, 12, 1, 18), DueRule.CallerSpecified),
            null,
            Now,
            Shanghai());
        var content = new FeedbackContent(
            score, categories.Length == 0 ? [FeedbackCategory.Praise] : categories, categories.Contains(FeedbackCategory.Complaint) ? ComplaintLevel.General : null,
            null, null, null, null, null, "agent", null, null, false, null, null);
        return FeedbackRecord.Record(Guid.CreateVersion7(), task, content, VerdictThresholds.Default, FeedbackRecord.DefaultLateAfter, TimeSpan.FromHours(24), Now);
    }

    [Fact]
    public void The_default_rule_is_three_occurrences_within_ninety_days_by_service_type_and_department_and_by_category()
    {
        Assert.Equal(3, Default.Threshold);
        Assert.Equal(90, Default.WindowDays);
        Assert.Equal([RecurrenceKind.ServiceTypeAndDepartment, RecurrenceKind.Category], Default.By);
        Assert.False(Default.Recurs(2));
        Assert.True(Default.Recurs(3));
        Assert.True(Default.Recurs(4));
    }

    [Fact]
    public void Unsatisfied_feedback_is_an_occurrence_of_its_service_type_and_department_and_satisfied_or_neutral_feedback_is_not()
    {
        Assert.Equal([ProblemKey.ForServiceType("Repair", "AfterSales")], Default.KeysOf(Feedback(1)));
        Assert.Equal([ProblemKey.ForServiceType("Repair", "AfterSales")], Default.KeysOf(Feedback(2)));
        Assert.Empty(Default.KeysOf(Feedback(3)));
        Assert.Empty(Default.KeysOf(Feedback(5)));
    }

    [Fact]
    public void A_complaint_or_a_suggestion_is_an_occurrence_of_its_category_in_its_department_and_praise_or_an_inquiry_never()
    {
        // A complaint is unsatisfied whatever the score: both keys.
        Assert.Equal(
            [ProblemKey.ForServiceType("Repair", "AfterSales"), ProblemKey.ForCategory(FeedbackCategory.Complaint, "AfterSales")],
            Default.KeysOf(Feedback(4, categories: [FeedbackCategory.Complaint])));
        Assert.Equal([ProblemKey.ForCategory(FeedbackCategory.Suggestion, "AfterSales")], Default.KeysOf(Feedback(4, categories: [FeedbackCategory.Suggestion, FeedbackCategory.Praise])));
        Assert.Empty(Default.KeysOf(Feedback(4, categories: [FeedbackCategory.Praise, FeedbackCategory.Inquiry])));
    }

    [Fact]
    public void The_policy_chooses_which_kinds_count()
    {
        var byCategory = Default with { By = [RecurrenceKind.Category] };
        Assert.Equal([ProblemKey.ForCategory(FeedbackCategory.Complaint, "AfterSales")], byCategory.KeysOf(Feedback(1, categories: [FeedbackCategory.Complaint])));
        Assert.Empty((Default with { By = [] }).KeysOf(Feedback(1, categories: [FeedbackCategory.Complaint])));
    }

    [Fact]
    public void Feedback_without_a_department_has_the_department_null_and_a_superseded_record_counts_for_nothing()
    {
        Assert.Equal([ProblemKey.ForServiceType("Repair", null)], Default.KeysOf(Feedback(1, department: null)));
        Assert.Equal(ProblemKey.ForServiceType("Repair", null), ProblemKey.ForServiceType("Repair", ""));

        var original = Feedback(1);
        var task = VisitTask.Create(
            Guid.CreateVersion7(), new CustomerInfo("C-1", "王先生", null, null), new ServiceRecordInfo("WO-1", "Repair", null, Bj(2026, 11, 20, 10), null, "AfterSales"),
            VisitPurpose.AfterSales, ContactChannel.Phone, "agent", new DueWindow(Bj(2026, 11, 25, 9), Bj(2026, 12, 1, 18), DueRule.CallerSpecified), null, Now, Shanghai());
        original.Correct(Guid.CreateVersion7(), task, new FeedbackContent(5, [FeedbackCategory.Praise], null, null, null, null, null, null, "agent", null, null, false, null, null),
            "typo", VerdictThresholds.Default, FeedbackRecord.DefaultLateAfter, TimeSpan.FromHours(24), Now);
        Assert.Empty(Default.KeysOf(original));
    }

    [Fact]
    public void A_key_matches_the_feedback_it_was_made_from_and_prints_stably()
    {
        var feedback = Feedback(1, "空调维修", "工程部", FeedbackCategory.Complaint);
        foreach (var key in Default.KeysOf(feedback))
        {
            Assert.True(key.Matches(feedback));
            Assert.True(key.IsWellFormed);
        }

        Assert.False(ProblemKey.ForServiceType("Install", "工程部").Matches(feedback));
        Assert.False(ProblemKey.ForServiceType("空调维修", "客服部").Matches(feedback));
        Assert.Equal("ServiceTypeAndDepartment:%E7%A9%BA%E8%B0%83%E7%BB%B4%E4%BF%AE|%E5%B7%A5%E7%A8%8B%E9%83%A8", ProblemKey.ForServiceType("空调维修", "工程部").ToString());
        Assert.Equal("Category:Complaint|", ProblemKey.ForCategory(FeedbackCategory.Complaint, null).ToString());

        // A separator in a value cannot make two keys print the same.
        Assert.NotEqual(ProblemKey.ForServiceType("a|b", "c").ToString(), ProblemKey.ForServiceType("a", "b|c").ToString());
        Assert.False(new ProblemKey(RecurrenceKind.Category, "Repair", null, FeedbackCategory.Complaint).IsWellFormed);
    }

    [Fact]
    public void Re_run_over_a_period_the_rule_counts_the_most_occurrences_within_one_window()
    {
        var from = Now;
        var to = Now.AddDays(200);

        // Four occurrences in the period, but never three within 90 days: not a recurrence.
        var spread = new[] { Now.AddDays(1), Now.AddDays(60), Now.AddDays(120), Now.AddDays(180), Now.AddDays(-5), Now.AddDays(250) };
        var evidence = Default.Evaluate(spread, from, to);
        Assert.Equal(new RecurrenceEvidence(from, to, 4, 2, 3, 90, false), evidence);

        // Three within 89 days: a recurrence.
        var bunched = new[] { Now.AddDays(100), Now.AddDays(150), Now.AddDays(189) };
        Assert.Equal(new RecurrenceEvidence(from, to, 3, 3, 3, 90, true), Default.Evaluate(bunched, from, to));

        // Exactly 90 days apart is outside one window.
        Assert.False(Default.Evaluate([Now.AddDays(10), Now.AddDays(50), Now.AddDays(100)], from, to).Recurred);
        Assert.Equal(new RecurrenceEvidence(from, to, 0, 0, 3, 90, false), Default.Evaluate([], from, to));
    }
}
