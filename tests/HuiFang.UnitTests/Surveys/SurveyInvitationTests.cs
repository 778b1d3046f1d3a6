using HuiFang.Api.Domain.Surveys;
using HuiFang.Api.Domain.VisitTasks;
using static HuiFang.UnitTests.TestCalendars;

namespace HuiFang.UnitTests.Surveys;

public sealed class SurveyInvitationTests
{
    private static readonly DateTimeOffset Now = Bj(2026, 11, 25, 10); // a Wednesday, working time

    private static VisitTask NewTask(ContactChannel channel = ContactChannel.Sms) => VisitTask.Create(
        Guid.CreateVersion7(),
        new CustomerInfo("C-1", "王先生", "13812345678", ContactChannel.Phone),
        new ServiceRecordInfo("WO-1", "Repair", null, Bj(2026, 11, 20, 10), null, null),
        VisitPurpose.AfterSales,
        channel,
        null,
        new DueWindow(Bj(2026, 11, 25, 9), Bj(2026, 12, 1, 18), DueRule.AfterSalesWorkingDays),
        null,
        Now,
        Shanghai());

    private static (SurveyInvitation Invitation, string Token) Invite(VisitTask task, DateTimeOffset? remindAt = null)
    {
        var (token, _) = SurveyToken.New();
        var invitation = SurveyInvitation.Create(Guid.CreateVersion7(), task, token, "zh-CN", Now.AddDays(14), remindAt ?? Now.AddDays(3), null, Now);
        return (invitation, token);
    }

    [Fact]
    public void A_new_invitation_is_open_keeps_only_the_hash_and_raises_created_without_printing_the_token()
    {
        var task = NewTask();
        var (invitation, token) = Invite(task);
        Assert.Equal(SurveyInvitationStatus.Open, invitation.Status);
        Assert.True(invitation.IsOpenAt(Now));
        Assert.Equal(SurveyToken.Hash(token), invitation.TokenHash);
        Assert.Equal(task.Id, invitation.TaskId);
        Assert.Equal(ContactChannel.Sms, invitation.Channel);

        var created = Assert.IsType<SurveyInvitationCreated>(Assert.Single(invitation.DequeueEvents()));
        Assert.Equal(token, created.Token);
        Assert.DoesNotContain(token, created.ToString());
        Assert.DoesNotContain(token, invitation.ToString());
    }

    [Fact]
    public void A_reminder_at_or_after_the_expiry_is_none()
    {
        var (invitation, _) = Invite(NewTask(), remindAt: Now.AddDays(14));
        Assert.Null(invitation.RemindAt);
    }

    [Fact]
    public void An_answer_closes_the_invitation_once_and_only_while_it_is_open()
    {
        var (invitation, _) = Invite(NewTask());
        invitation.DequeueEvents();
        var feedbackId = Guid.NewGuid();
        Assert.True(invitation.Answer(feedbackId, Now.AddDays(1)).IsSuccess);
        Assert.Equal(SurveyInvitationStatus.Answered, invitation.Status);
        Assert.Equal(feedbackId, invitation.FeedbackId);
        Assert.Equal(2, invitation.Version);
        Assert.IsType<SurveyInvitationAnswered>(Assert.Single(invitation.DequeueEvents()));

        var again = invitation.Answer(Guid.NewGuid(), Now.AddDays(1));
        Assert.Equal("invalid-transition", again.Error!.Code);
        Assert.Equal(feedbackId, invitation.FeedbackId);
    }

    [Fact]
    public void An_answer_after_the_expiry_is_refused_even_before_the_monitor_expired_it()
    {
        var (invitation, _) = Invite(NewTask());
        Assert.False(invitation.IsOpenAt(Now.AddDays(14)));
        Assert.False(invitation.Answer(Guid.NewGuid(), Now.AddDays(14)).IsSuccess);
        Assert.Equal(SurveyInvitationStatus.Open, invitation.Status);
    }

    [Fact]
    public void A_revoked_invitation_cannot_be_answered_revoked_again_or_expired()
    {
        var task = NewTask();
        var (invitation, _) = Invite(task);
        Assert.True(invitation.Revoke(SurveyRevocationReason.Revoked, "sent to the wrong number", Now).IsSuccess);
        Assert.Equal(SurveyRevocationReason.Revoked, invitation.RevocationReason);
        Assert.False(invitation.IsOpenAt(Now));
        Assert.False(invitation.Revoke(SurveyRevocationReason.Revoked, null, Now).IsSuccess);
        Assert.False(invitation.Answer(Guid.NewGuid(), Now).IsSuccess);
        Assert.False(invitation.Expire(SurveyExpiryFallback.PhoneVisit, task, Shanghai(), Now.AddDays(15)).IsSuccess);
    }

    [Fact]
    public void Expiry_before_its_time_is_refused()
    {
        var task = NewTask();
        var (invitation, _) = Invite(task);
        Assert.False(invitation.Expire(SurveyExpiryFallback.PhoneVisit, task, Shanghai(), Now.AddDays(14).AddSeconds(-1)).IsSuccess);
        Assert.Equal(VisitTaskStatus.Pending, task.Status);
    }

    [Fact]
    public void Expiry_to_a_phone_visit_plans_the_call_at_the_next_working_moment_and_moves_a_deadline_too_close()
    {
        var task = NewTask();
        var (invitation, _) = Invite(task);
        var saturdayNight = Bj(2026, 12, 12, 22); // past the expiry (Dec 9) and past the task's deadline (Dec 1)
        Assert.True(invitation.Expire(SurveyExpiryFallback.PhoneVisit, task, Shanghai(), saturdayNight).IsSuccess);
        Assert.Equal(SurveyInvitationStatus.Expired, invitation.Status);
        Assert.Equal(SurveyExpiryFallback.PhoneVisit, invitation.Fallback);
        Assert.Equal(ContactChannel.Phone, task.Channel);
        Assert.True(task.IsOpen);
        Assert.Equal(Bj(2026, 12, 14, 9), task.ScheduledFor); // Monday 09:00
        Assert.Equal(Bj(2026, 12, 14, 18), task.DueBy);       // one working day (7.5 h) of time after it
        Assert.Null(task.OverdueRaisedAt);
        var events = task.DequeueEvents();
        Assert.Contains(events, e => e is VisitTaskFellBackToPhoneVisit { From: ContactChannel.Sms });
    }

    [Fact]
    public void Expiry_to_unreachable_closes_the_task()
    {
        var task = NewTask();
        var (invitation, _) = Invite(task);
        Assert.True(invitation.Expire(SurveyExpiryFallback.Unreachable, task, Shanghai(), Now.AddDays(14)).IsSuccess);
        Assert.Equal(VisitTaskStatus.Unreachable, task.Status);
        Assert.NotNull(task.ClosedAt);
        Assert.Contains(task.DequeueEvents(), e => e is VisitTaskSurveyUnanswered);
        var expired = invitation.DequeueEvents().OfType<SurveyInvitationExpired>().Single();
        Assert.Same(task, expired.Task);
    }

    [Fact]
    public void A_task_closed_another_way_does_not_expire_the_invitation()
    {
        var task = NewTask();
        var (invitation, _) = Invite(task);
        task.Cancel("duplicate", Now);
        var expired = invitation.Expire(SurveyExpiryFallback.PhoneVisit, task, Shanghai(), Now.AddDays(14));
        Assert.False(expired.IsSuccess);
        Assert.Equal(SurveyInvitationStatus.Open, invitation.Status);
        Assert.Equal(VisitTaskStatus.Cancelled, task.Status);
    }

    [Fact]
    public void The_reminder_is_raised_once_at_its_time_without_moving_the_version()
    {
        var (invitation, _) = Invite(NewTask());
        invitation.DequeueEvents();
        Assert.False(invitation.MarkReminded(Now.AddDays(3).AddSeconds(-1)));
        Assert.True(invitation.MarkReminded(Now.AddDays(3)));
        Assert.False(invitation.MarkReminded(Now.AddDays(4)));
        Assert.Equal(1, invitation.Version);
        Assert.IsType<SurveyReminderDue>(Assert.Single(invitation.DequeueEvents()));
    }

    [Fact]
    public void A_deferred_reminder_waits_for_work_to_resume_and_is_dropped_when_that_is_past_the_expiry()
    {
        var (invitation, _) = Invite(NewTask());
        invitation.DeferReminder(Now.AddDays(5));
        Assert.Equal(Now.AddDays(5), invitation.RemindAt);
        invitation.DeferReminder(Now.AddDays(20));
        Assert.Null(invitation.RemindAt);
        Assert.False(invitation.IsReminderDue(Now.AddDays(13)));
    }
}
