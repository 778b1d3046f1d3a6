using HuiFang.Api.Domain.Common;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.VisitTasks;
using static HuiFang.UnitTests.TestCalendars;

namespace HuiFang.UnitTests.VisitTasks;

public sealed class VisitTaskTests
{
    private static readonly AttemptRules Attempts = new(3, TimeSpan.FromHours(2));
    private static readonly DateTimeOffset Now = Bj(2026, 11, 25, 10);

    private static VisitTask NewTask(string? assignee = null, DueWindow? window = null) => VisitTask.Create(
        Guid.CreateVersion7(),
        new CustomerInfo("C-1", "王先生", "13812345678", ContactChannel.Phone),
        new ServiceRecordInfo("WO-1", "Repair", null, Bj(2026, 11, 20, 10), null, null),
        VisitPurpose.AfterSales,
        ContactChannel.Phone,
        assignee,
        window ?? new DueWindow(Bj(2026, 11, 25, 9), Bj(2026, 12, 1, 18), DueRule.AfterSalesWorkingDays),
        null,
        Now,
        Shanghai());

    private static Outcome Fail(VisitTask task, DateTimeOffset? at = null) =>
        task.RecordAttempt(Guid.NewGuid(), AttemptOutcome.NoAnswer, null, null, "agent", at ?? Now, Shanghai(), Attempts);

    [Fact]
    public void A_new_task_without_assignee_is_pending_and_planned_at_the_window_start_or_now()
    {
        var task = NewTask();
        Assert.Equal(VisitTaskStatus.Pending, task.Status);
        Assert.Equal(Now, task.ScheduledFor); // window opened at 09:00, it is 10:00
        Assert.Equal(1, task.Version);
    }

    [Fact]
    public void A_new_task_whose_window_opens_later_is_planned_at_the_window_start()
    {
        var task = NewTask(window: new DueWindow(Bj(2026, 11, 27, 9), Bj(2026, 11, 30, 18), DueRule.CallerSpecified));
        Assert.Equal(Bj(2026, 11, 27, 9), task.ScheduledFor);
    }

    [Fact]
    public void A_task_created_outside_working_hours_is_planned_at_the_next_working_moment()
    {
        var task = VisitTask.Create(
            Guid.CreateVersion7(), new CustomerInfo("C", "N", null, null), new ServiceRecordInfo("WO", "Repair", null, Now, null, null),
            VisitPurpose.AfterSales, ContactChannel.Phone, null, new DueWindow(Bj(2026, 11, 25, 9), Bj(2026, 11, 27, 18), DueRule.CallerSpecified),
            null, Bj(2026, 11, 25, 20), Shanghai());
        Assert.Equal(Bj(2026, 11, 26, 9), task.ScheduledFor);
    }

    [Fact]
    public void Assigning_makes_a_task_assigned_and_bumps_its_version()
    {
        var task = NewTask();
        Assert.True(task.Assign("agent-07", Now).IsSuccess);
        Assert.Equal(VisitTaskStatus.Assigned, task.Status);
        Assert.Equal("agent-07", task.Assignee);
        Assert.Equal(2, task.Version);
    }

    [Fact]
    public void Reassigning_an_assigned_task_changes_the_assignee()
    {
        var task = NewTask("agent-01");
        Assert.True(task.Assign("agent-02", Now).IsSuccess);
        Assert.Equal("agent-02", task.Assignee);
        var assigned = Assert.IsType<VisitTaskAssigned>(task.DequeueEvents()[^1]);
        Assert.Equal("agent-01", assigned.From);
        Assert.Same(task, assigned.Task);
    }

    [Fact]
    public void A_failed_attempt_plans_the_next_try_two_working_hours_later()
    {
        var task = NewTask("agent");
        Assert.True(Fail(task, Bj(2026, 11, 25, 11)).IsSuccess);
        Assert.Equal(1, task.FailedAttempts);
        Assert.Equal(Bj(2026, 11, 25, 14, 30), task.ScheduledFor); // one hour before lunch, one after
        Assert.Single(task.Attempts);
    }

    [Fact]
    public void The_third_failed_attempt_makes_the_task_unreachable()
    {
        var task = NewTask("agent");
        Fail(task);
        Fail(task);
        Assert.Equal(VisitTaskStatus.Assigned, task.Status);
        Fail(task);
        Assert.Equal(VisitTaskStatus.Unreachable, task.Status);
        Assert.Equal(Now, task.ClosedAt);
        Assert.Equal(3, task.Attempts.Count);
    }

    [Fact]
    public void A_requested_callback_moves_the_next_contact_without_counting_as_failed()
    {
        var task = NewTask("agent");
        var callback = Bj(2026, 12, 3, 15);
        Assert.True(task.RecordAttempt(Guid.NewGuid(), AttemptOutcome.CallbackRequested, "请下周再打", callback, "agent", Now, Shanghai(), Attempts).IsSuccess);
        Assert.Equal(0, task.FailedAttempts);
        Assert.Equal(callback, task.ScheduledFor);
        Assert.Equal(callback, task.DueBy); // the customer's own time moves the deadline with it
    }

    [Fact]
    public void A_callback_in_the_past_is_refused()
    {
        var task = NewTask("agent");
        var outcome = task.RecordAttempt(Guid.NewGuid(), AttemptOutcome.CallbackRequested, null, Now.AddMinutes(-1), null, Now, Shanghai(), Attempts);
        Assert.Equal(ErrorKind.Validation, outcome.Error!.Kind);
        Assert.Empty(task.Attempts);
    }

    [Fact]
    public void Cancelling_stores_the_reason_and_closes_the_task()
    {
        var task = NewTask();
        Assert.True(task.Cancel("客户已搬离", Now).IsSuccess);
        Assert.Equal(VisitTaskStatus.Cancelled, task.Status);
        Assert.Equal("客户已搬离", task.CancellationReason);
        Assert.Equal(Now, task.ClosedAt);
    }

    [Fact]
    public void Rescheduling_moves_the_next_contact_and_optionally_the_deadline()
    {
        var task = NewTask();
        Assert.True(task.Reschedule(Bj(2026, 12, 2, 10), Bj(2026, 12, 4, 18), Now).IsSuccess);
        Assert.Equal(Bj(2026, 12, 2, 10), task.ScheduledFor);
        Assert.Equal(Bj(2026, 12, 4, 18), task.DueBy);
        Assert.Equal(DueRule.CallerSpecified, task.DueRule);
    }

    [Fact]
    public void Rescheduling_past_the_deadline_without_a_new_one_is_refused()
    {
        var task = NewTask();
        var outcome = task.Reschedule(Bj(2026, 12, 10, 10), null, Now);
        Assert.Equal("dueBy", outcome.Error!.FieldRules!.Keys.Single());
        Assert.Equal(1, task.Version);
    }

    [Fact]
    public void Rescheduling_into_the_past_is_refused() =>
        Assert.Equal(ErrorKind.Validation, NewTask().Reschedule(Now.AddHours(-1), null, Now).Error!.Kind);

    public static TheoryData<string> Actions => ["assign", "reschedule", "cancel", "record-attempt"];

    [Theory]
    [MemberData(nameof(Actions))]
    public void A_cancelled_task_refuses_every_change(string action) => AssertRefused(Closed(VisitTaskStatus.Cancelled), action);

    [Theory]
    [MemberData(nameof(Actions))]
    public void An_unreachable_task_refuses_every_change(string action) => AssertRefused(Closed(VisitTaskStatus.Unreachable), action);

    private static VisitTask Closed(VisitTaskStatus status)
    {
        var task = NewTask("agent");
        if (status == VisitTaskStatus.Cancelled)
        {
            task.Cancel("r", Now);
        }
        else
        {
            Fail(task);
            Fail(task);
            Fail(task);
        }

        Assert.Equal(status, task.Status);
        return task;
    }

    private static void AssertRefused(VisitTask task, string action)
    {
        task.DequeueEvents();
        var version = task.Version;
        var outcome = action switch
        {
            "assign" => task.Assign("x", Now),
            "reschedule" => task.Reschedule(Now.AddDays(1), Now.AddDays(2), Now),
            "cancel" => task.Cancel("again", Now),
            _ => Fail(task),
        };

        Assert.Equal(ErrorKind.InvalidTransition, outcome.Error!.Kind);
        Assert.Equal(action, outcome.Error.Extensions!["action"]);
        Assert.Equal(version, task.Version);
        Assert.Empty(task.DequeueEvents());
    }

    // What happened, as the task says it: each transition raises its event (with what the task no longer knows).

    [Fact]
    public void Planning_a_task_raises_planned()
    {
        var task = NewTask();
        Assert.Equal([new VisitTaskPlanned(task, Now)], task.DequeueEvents());
    }

    [Fact]
    public void Planning_a_revisit_raises_planned_for_the_revisit()
    {
        var original = NewTask();
        var revisit = VisitTask.CreateRevisit(Guid.CreateVersion7(), original, Guid.CreateVersion7(), TimeSpan.FromHours(24), Now, Shanghai());
        Assert.Equal([new VisitTaskPlanned(revisit, Now)], revisit.DequeueEvents());
    }

    [Fact]
    public void Assigning_raises_assigned_with_the_previous_assignee()
    {
        var task = Fresh(NewTask());
        task.Assign("agent-07", Now);
        Assert.Equal([new VisitTaskAssigned(task, null, Now)], task.DequeueEvents());
    }

    [Fact]
    public void Rescheduling_raises_rescheduled_with_the_reason()
    {
        var task = Fresh(NewTask());
        task.Reschedule(Now.AddDays(1), null, "customer travels", Now);
        Assert.Equal([new VisitTaskRescheduled(task, "customer travels", Now)], task.DequeueEvents());
    }

    [Fact]
    public void Cancelling_raises_cancelled()
    {
        var task = Fresh(NewTask());
        task.Cancel("duplicate", Now);
        Assert.Equal([new VisitTaskCancelled(task, Now)], task.DequeueEvents());
    }

    [Fact]
    public void A_failed_attempt_raises_attempt_recorded_only()
    {
        var task = Fresh(NewTask("agent"));
        Fail(task);
        Assert.Equal([new VisitTaskAttemptRecorded(task, task.Attempts[^1], Now)], task.DequeueEvents());
    }

    [Fact]
    public void The_last_allowed_failed_attempt_raises_attempt_recorded_then_became_unreachable_once()
    {
        var task = Fresh(NewTask("agent"));
        Fail(task);
        Fail(task);
        task.DequeueEvents();
        Fail(task);
        Assert.Equal([new VisitTaskAttemptRecorded(task, task.Attempts[^1], Now), new VisitTaskBecameUnreachable(task, Now)], task.DequeueEvents());
    }

    [Fact]
    public void Completing_raises_completed()
    {
        var task = Fresh(NewTask("agent"));
        task.Complete(Now);
        Assert.Equal([new VisitTaskCompleted(task, Now)], task.DequeueEvents());
    }

    [Fact]
    public void Being_found_overdue_raises_found_overdue_once()
    {
        var task = Fresh(NewTask());
        var late = Bj(2026, 12, 1, 18, 1);
        Assert.True(task.MarkOverdue(late));
        Assert.False(task.MarkOverdue(late.AddHours(1)));
        Assert.Equal([new VisitTaskFoundOverdue(task, late)], task.DequeueEvents());
    }

    [Fact]
    public void Erasing_raises_personal_data_erased()
    {
        var task = Fresh(NewTask());
        task.ErasePersonalData("erased-1", Now);
        Assert.Equal([new VisitTaskPersonalDataErased(task, Now)], task.DequeueEvents());
    }

    private static VisitTask Fresh(VisitTask task)
    {
        task.DequeueEvents();
        return task;
    }

    [Fact]
    public void Overdue_means_open_after_the_deadline()
    {
        var task = NewTask();
        Assert.False(task.IsOverdue(Bj(2026, 12, 1, 17)));
        Assert.True(task.IsOverdue(Bj(2026, 12, 1, 18, 1)));
        task.Cancel("r", Now);
        Assert.False(task.IsOverdue(Bj(2026, 12, 1, 18, 1)));
    }

    [Fact]
    public void A_revisit_planned_at_night_opens_at_the_next_working_moment_and_keeps_the_wall_clock_deadline()
    {
        // Resolved at 00:27 on Thursday: nobody calls the customer before 09:00; due 24 h after the fix.
        var resolvedAt = Bj(2026, 11, 26, 0, 27);
        var revisit = VisitTask.CreateRevisit(Guid.CreateVersion7(), NewTask(), Guid.CreateVersion7(), TimeSpan.FromHours(24), resolvedAt, Shanghai());
        Assert.Equal(Bj(2026, 11, 26, 9), revisit.DueFrom);
        Assert.Equal(Bj(2026, 11, 27, 0, 27), revisit.DueBy);
        Assert.Equal(Bj(2026, 11, 26, 9), revisit.ScheduledFor);
        Assert.Equal(DueRule.ComplaintWithinHours, revisit.DueRule);
    }

    [Fact]
    public void A_revisit_whose_promise_holds_no_working_time_is_planned_at_its_deadline()
    {
        // Resolved on Friday at 23:00, to be revisited within 24 h: Saturday has no working time.
        var resolvedAt = Bj(2026, 11, 27, 23);
        var revisit = VisitTask.CreateRevisit(Guid.CreateVersion7(), NewTask(), Guid.CreateVersion7(), TimeSpan.FromHours(24), resolvedAt, Shanghai());
        Assert.Equal(Bj(2026, 11, 28, 23), revisit.DueFrom);
        Assert.Equal(Bj(2026, 11, 28, 23), revisit.DueBy);
    }
}
