using HuiFang.Api.Domain.Calendar;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Escalations;
using static HuiFang.UnitTests.TestCalendars;

namespace HuiFang.UnitTests.Escalations;

/// <summary>Each transition of an escalation says what happened, once, and a refused one says nothing.</summary>
public sealed class EscalationEventTests
{
    private static readonly BusinessCalendar Calendar = Shanghai();
    private static readonly DateTimeOffset T0 = Bj(2026, 11, 25, 10);
    private static readonly RevisitAnswer Answer = new(Guid.NewGuid(), Guid.NewGuid(), 2, "still noisy");

    private static Escalation Opened()
    {
        var e = Escalation.Open(
            Guid.NewGuid(),
            "tenant-a",
            new EscalationSubject(Guid.NewGuid(), Guid.NewGuid(), "C-1", "WO-1", "Repair"),
            EscalationSeverity.Urgent,
            EscalationTrigger.Complaint,
            new Route("Engineering", "eng-wang", "sup-li", "mgr-zhao"),
            EscalationSlaRules.From(EscalationPolicy.Default, EscalationSeverity.Urgent),
            "noisy after repair",
            T0,
            Calendar);
        e.DequeueEvents();
        return e;
    }

    private static Escalation Acknowledged()
    {
        var e = Opened();
        Assert.True(e.Acknowledge(null, null, T0.AddMinutes(5), Calendar).IsSuccess);
        e.DequeueEvents();
        return e;
    }

    private static Escalation Resolved()
    {
        var e = Acknowledged();
        Assert.True(e.Resolve("fixed", null, new EscalationRevisit(Guid.NewGuid(), T0.AddDays(1)), T0.AddMinutes(10), Calendar).IsSuccess);
        e.DequeueEvents();
        return e;
    }

    private static TEvent Single<TEvent>(Escalation e)
        where TEvent : IDomainEvent
    {
        var raised = Assert.Single(e.DequeueEvents());
        return Assert.IsType<TEvent>(raised);
    }

    [Fact]
    public void Opening_raises_opened()
    {
        var e = Escalation.Open(Guid.NewGuid(), "tenant-a", new EscalationSubject(Guid.NewGuid(), null, "C-1", "WO-1", "Repair"),
            EscalationSeverity.General, EscalationTrigger.Manual, new Route("Engineering", null, null, null),
            EscalationSlaRules.From(EscalationPolicy.Default, EscalationSeverity.General), "x", T0, Calendar);
        var opened = Single<EscalationOpened>(e);
        Assert.Same(e, opened.Escalation);
        Assert.Equal(T0, opened.OccurredAt);
        Assert.Empty(e.DequeueEvents());
    }

    [Fact]
    public void Acknowledging_raises_acknowledged_with_the_note()
    {
        var e = Opened();
        Assert.True(e.Acknowledge("on it", "agent", T0.AddMinutes(5), Calendar).IsSuccess);
        var acknowledged = Single<EscalationAcknowledged>(e);
        Assert.Equal(("on it", T0.AddMinutes(5)), (acknowledged.Note, acknowledged.OccurredAt));
    }

    [Fact]
    public void Progress_raises_progress_added()
    {
        var e = Acknowledged();
        Assert.True(e.AddProgress("parts ordered", null, T0.AddMinutes(6), Calendar).IsSuccess);
        Assert.Equal("parts ordered", Single<EscalationProgressAdded>(e).Note);
    }

    [Fact]
    public void Pausing_and_resuming_raise_paused_and_resumed()
    {
        var e = Opened();
        Assert.True(e.Pause("customer away", null, T0.AddMinutes(5), Calendar).IsSuccess);
        Assert.Equal("customer away", Single<EscalationPaused>(e).Reason);
        Assert.True(e.Resume("back", null, T0.AddMinutes(35), Calendar).IsSuccess);
        var resumed = Single<EscalationResumed>(e);
        Assert.Equal(("back", T0.AddMinutes(35)), (resumed.Note, resumed.OccurredAt));
        Assert.Equal(TimeSpan.FromMinutes(30), resumed.Escalation.PausedIn(resumed.OccurredAt));
    }

    [Fact]
    public void Reassigning_raises_reassigned_with_who_had_it_before()
    {
        var e = Opened();
        Assert.True(e.Reassign("AfterSales", "as-chen", "wrong team", null, T0.AddMinutes(5), Calendar).IsSuccess);
        var reassigned = Single<EscalationReassigned>(e);
        Assert.Equal(("Engineering", "eng-wang", "wrong team"), (reassigned.FromDepartment, reassigned.FromOwner, reassigned.Reason));
        Assert.Equal(("AfterSales", "as-chen"), (e.Department, e.Owner));
    }

    [Fact]
    public void A_chase_by_a_person_raises_reminded()
    {
        var e = Opened();
        Assert.True(e.Remind("please call back", null, T0.AddMinutes(5), Calendar).IsSuccess);
        Assert.Equal("please call back", Single<EscalationReminded>(e).Note);
        Assert.Equal(1, e.ReminderCount);
    }

    [Fact]
    public void Resolving_raises_resolved_with_the_revisit()
    {
        var e = Acknowledged();
        var revisit = new EscalationRevisit(Guid.NewGuid(), T0.AddDays(1));
        Assert.True(e.Resolve("fixed", null, revisit, T0.AddMinutes(10), Calendar).IsSuccess);
        Assert.Equal(revisit, Single<EscalationResolved>(e).Revisit);
        Assert.Equal(revisit.TaskId, e.RevisitTaskId);
    }

    [Fact]
    public void A_satisfied_revisit_raises_loop_closed_and_an_unsatisfied_one_reopened()
    {
        var closed = Resolved();
        Assert.True(closed.CloseLoop(Answer, T0.AddHours(1), Calendar).IsSuccess);
        Assert.Equal(Answer, Single<EscalationLoopClosed>(closed).Answer);

        var reopened = Resolved();
        Assert.True(reopened.Reopen(Answer, T0.AddHours(1), Calendar).IsSuccess);
        Assert.Equal(Answer, Single<EscalationReopened>(reopened).Answer);
        Assert.Equal(2, reopened.Cycle);
        Assert.Equal("still noisy", reopened.Notes[^1].Text);
    }

    [Fact]
    public void A_refused_transition_raises_nothing()
    {
        var e = Opened();
        Assert.False(e.Resolve("fixed", null, new EscalationRevisit(Guid.NewGuid(), T0), T0, Calendar).IsSuccess);
        Assert.False(e.Resume(null, null, T0, Calendar).IsSuccess);
        Assert.False(e.CloseLoop(Answer, T0, Calendar).IsSuccess);
        Assert.Empty(e.DequeueEvents());
    }

    [Fact]
    public void The_sla_clock_raises_a_happening_for_the_warning_the_breach_and_each_automatic_reminder()
    {
        var e = Opened();
        Assert.Empty(e.Check(T0.AddMinutes(30), Calendar));
        Assert.Empty(e.DequeueEvents());

        e.Check(T0.AddMinutes(95), Calendar);
        var warning = Single<EscalationSlaHappened>(e);
        Assert.Equal((SlaHappeningKind.Warning, SlaTargetKind.Response, T0.AddHours(2)), (warning.Happening.Kind, warning.Happening.Target, warning.Happening.DueBy));

        e.Check(T0.AddMinutes(125), Calendar);
        var breach = Single<EscalationSlaHappened>(e);
        Assert.Equal(SlaHappeningKind.Breach, breach.Happening.Kind);
        Assert.Equal((EscalationLevel.Supervisor, "sup-li"), (breach.AsChecked.Level, breach.AsChecked.Owner));

        // The first automatic reminder is due 4 working hours after the breach (12:05 + 4 h within 09–12, 13:30–18).
        e.Check(Bj(2026, 11, 25, 17, 35), Calendar);
        var reminder = Single<EscalationSlaHappened>(e);
        Assert.Equal(SlaHappeningKind.AutomaticReminder, reminder.Happening.Kind);
        Assert.Equal(1, reminder.AsChecked.ReminderCount);
        Assert.Equal(T0.AddHours(2), reminder.AsChecked.NextDueBy);
    }

    [Fact]
    public void A_happening_keeps_the_escalation_as_the_check_left_it_whatever_the_change_after_it()
    {
        var e = Opened();
        e.Check(T0.AddHours(3), Calendar);
        var afterCheck = e.Version;
        Assert.True(e.Reassign("AfterSales", "as-chen", null, null, T0.AddHours(3), Calendar).IsSuccess);

        var events = e.DequeueEvents();
        Assert.Equal([typeof(EscalationSlaHappened), typeof(EscalationReassigned)], events.Select(x => x.GetType()));
        var breach = (EscalationSlaHappened)events[0];
        Assert.Equal(new EscalationAsChecked(afterCheck, EscalationLevel.Supervisor, "Engineering", "sup-li", 0, T0.AddHours(2)), breach.AsChecked);
        Assert.Equal(afterCheck + 1, e.Version);
    }
}

public sealed class EscalationRecorderTests
{
    private sealed record SomethingElse(DateTimeOffset OccurredAt) : IDomainEvent;

    [Fact]
    public void The_recorder_leaves_other_aggregates_events_to_their_own_recorders() =>
        Assert.False(new HuiFang.Api.Features.Escalations.EscalationRecorder().TryRecord(new SomethingElse(DateTimeOffset.UnixEpoch), null!));
}
