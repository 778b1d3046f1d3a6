using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Domain.VisitTasks;
using static HuiFang.UnitTests.TestCalendars;

namespace HuiFang.UnitTests.Feedback;

/// <summary>What a feedback record says happened: each of its transitions raises its event.</summary>
public sealed class FeedbackRecordEventTests
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

    private static FeedbackContent Said(int score, string? inquiry = null, params FeedbackCategory[] categories) =>
        new(score, categories, null, null, null, null, null, null, "agent", null, null, false, inquiry, null);

    private static FeedbackRecord Record(VisitTask task, FeedbackContent content) =>
        FeedbackRecord.Record(Guid.CreateVersion7(), task, content, VerdictThresholds.Default, FeedbackRecord.DefaultLateAfter, TimeSpan.FromHours(24), Now);

    [Fact]
    public void A_record_raises_nothing_until_its_recording_is_concluded_with_the_loop_outcome()
    {
        var task = Task();
        var feedback = Record(task, Said(2));
        Assert.Empty(feedback.DequeueEvents());

        var escalationId = Guid.CreateVersion7();
        feedback.Concluded(task, escalationId, "Opened", Now);

        Assert.Equal([new FeedbackRecorded(feedback, task, escalationId, "Opened", Now)], feedback.DequeueEvents());
    }

    [Fact]
    public void Concluding_a_correction_raises_corrected_and_says_whether_the_customer_is_newly_unsatisfied()
    {
        var task = Task();
        var original = Record(task, Said(5));
        var correction = original.Correct(Guid.CreateVersion7(), task, Said(1), "score mistyped", VerdictThresholds.Default, FeedbackRecord.DefaultLateAfter, TimeSpan.FromHours(24), Now);
        original.CorrectionConcluded(correction, null, Now);

        var corrected = Assert.IsType<FeedbackCorrected>(Assert.Single(original.DequeueEvents()));
        Assert.Same(correction, corrected.Correction);
        Assert.True(corrected.NewlyUnsatisfied);
    }

    [Fact]
    public void A_correction_of_feedback_already_unsatisfied_is_not_newly_unsatisfied()
    {
        var task = Task();
        var original = Record(task, Said(2));
        var correction = original.Correct(Guid.CreateVersion7(), task, Said(1), "worse", VerdictThresholds.Default, FeedbackRecord.DefaultLateAfter, TimeSpan.FromHours(24), Now);
        original.CorrectionConcluded(correction, null, Now);

        Assert.False(Assert.IsType<FeedbackCorrected>(Assert.Single(original.DequeueEvents())).NewlyUnsatisfied);
    }

    [Fact]
    public void Only_a_correction_of_this_record_concludes_it()
    {
        var task = Task();
        var original = Record(task, Said(5));
        Assert.Throws<ArgumentException>(() => original.CorrectionConcluded(Record(task, Said(1)), null, Now));
    }

    [Fact]
    public void Replying_to_the_inquiry_raises_replied_with_who_answered_and_a_second_reply_raises_nothing()
    {
        var feedback = Record(Task(), Said(4, "when is the warranty over?"));
        Assert.True(feedback.ReplyToInquiry("in March", "agent-02", Now.AddHours(1)));
        Assert.False(feedback.ReplyToInquiry("again", "agent-02", Now.AddHours(2)));

        Assert.Equal([new FeedbackInquiryReplied(feedback, "agent-02", Now.AddHours(1))], feedback.DequeueEvents());
    }

    [Fact]
    public void A_late_reply_is_found_overdue_once()
    {
        var feedback = Record(Task(), Said(4, "when is the warranty over?"));
        var late = Now.AddHours(25);
        Assert.True(feedback.MarkInquiryOverdue(late));
        Assert.False(feedback.MarkInquiryOverdue(late.AddHours(1)));

        Assert.Equal([new FeedbackInquiryFoundOverdue(feedback, late)], feedback.DequeueEvents());
    }
}
