using HuiFang.Api.Domain.Calendar;
using HuiFang.Api.Domain.Escalations;
using static HuiFang.UnitTests.TestCalendars;

namespace HuiFang.UnitTests.Escalations;

/// <summary>One SLA target's deadline, warning and marks, on its own (the escalation holds two of these).</summary>
public sealed class SlaTargetStateTests
{
    private static readonly BusinessCalendar Calendar = Shanghai();
    private static readonly DateTimeOffset T0 = Bj(2026, 11, 25, 10);

    private static SlaTargetState TwoHours(params SlaPauseSpan[] pauses) =>
        SlaTargetState.Start(new SlaTarget(TimeSpan.FromHours(2), SlaClockKind.WallClock)).Planned(T0, pauses, Calendar, warningPercent: 75);

    [Fact]
    public void Planning_sets_the_deadline_and_the_warning_at_the_warning_share()
    {
        var target = TwoHours();
        Assert.Equal(T0.AddHours(2), target.DueBy);
        Assert.Equal(T0.AddMinutes(90), target.WarnAt);
        Assert.Equal(T0.AddMinutes(90), target.NextCheckAt);
        Assert.Null(target.MetAt);
    }

    [Fact]
    public void A_pause_moves_the_deadline_by_its_length_and_an_open_pause_leaves_no_deadline()
    {
        Assert.Equal(T0.AddHours(2.5), TwoHours(new SlaPauseSpan(T0.AddMinutes(10), T0.AddMinutes(40))).DueBy);
        var paused = TwoHours(new SlaPauseSpan(T0.AddMinutes(10), null));
        Assert.Null(paused.DueBy);
        Assert.Null(paused.WarnAt);
        Assert.Null(paused.FallenDue(T0.AddDays(5)));
    }

    [Fact]
    public void The_warning_falls_due_once_then_the_breach_once()
    {
        var target = TwoHours();
        Assert.Null(target.FallenDue(T0.AddMinutes(89)));
        Assert.Equal(SlaHappeningKind.Warning, target.FallenDue(T0.AddMinutes(90)));

        target = target.Warned(T0.AddMinutes(90));
        Assert.Null(target.FallenDue(T0.AddMinutes(100)));
        Assert.Equal(T0.AddHours(2), target.NextCheckAt);
        Assert.Null(target.FallenDue(T0.AddHours(2)));
        Assert.Equal(SlaHappeningKind.Breach, target.FallenDue(T0.AddHours(2).AddTicks(1)));

        target = target.Breached(T0.AddHours(3));
        Assert.Equal(T0.AddMinutes(90), target.WarnedAt);
        Assert.Equal(T0.AddHours(3), target.BreachedAt);
        Assert.Null(target.FallenDue(T0.AddHours(4)));
        Assert.Null(target.NextCheckAt);
        Assert.True(target.IsBreached);
        Assert.True(target.IsOwedAfterBreach);
    }

    [Fact]
    public void A_breach_found_late_sets_the_warning_mark_with_it()
    {
        var target = TwoHours();
        Assert.Equal(SlaHappeningKind.Breach, target.FallenDue(T0.AddHours(5)));
        target = target.Breached(T0.AddHours(5));
        Assert.Equal(T0.AddHours(5), target.WarnedAt);
        Assert.Equal(T0.AddHours(5), target.BreachedAt);
    }

    [Fact]
    public void Once_met_the_deadline_stays_nothing_falls_due_and_a_breach_is_no_longer_owed()
    {
        var target = TwoHours().Breached(T0.AddHours(3)).Met(T0.AddHours(4));
        var replanned = target.Planned(T0.AddHours(4), [], Calendar, 75);
        Assert.Equal(T0.AddHours(2), replanned.DueBy);
        Assert.Null(replanned.WarnAt);
        Assert.Null(replanned.NextCheckAt);
        Assert.Null(replanned.FallenDue(T0.AddDays(1)));
        Assert.True(replanned.IsBreached);
        Assert.False(replanned.IsOwedAfterBreach);
    }

    [Fact]
    public void A_restart_clears_the_marks_and_keeps_the_target()
    {
        var target = TwoHours().Breached(T0.AddHours(3)).Met(T0.AddHours(4)).Restarted().Planned(T0.AddHours(5), [], Calendar, 75);
        Assert.Equal(new SlaTarget(TimeSpan.FromHours(2), SlaClockKind.WallClock), target.Target);
        Assert.Null(target.WarnedAt);
        Assert.Null(target.BreachedAt);
        Assert.Null(target.MetAt);
        Assert.Equal(T0.AddHours(7), target.DueBy);
    }

    [Fact]
    public void Stopped_keeps_the_deadline_for_the_record_and_drops_the_warning()
    {
        var target = TwoHours().Stopped();
        Assert.Equal(T0.AddHours(2), target.DueBy);
        Assert.Null(target.WarnAt);
    }

    [Fact]
    public void Business_hours_are_counted_in_the_calendar()
    {
        // Wednesday 17:00 Beijing, 2 working hours: the working day ends at 18:00, the rest is Thursday morning.
        var target = SlaTargetState.Start(new SlaTarget(TimeSpan.FromHours(2), SlaClockKind.BusinessHours))
            .Planned(Bj(2026, 11, 25, 17), [], Calendar, 50);
        Assert.Equal(Bj(2026, 11, 25, 18), target.WarnAt);
        Assert.Equal(Bj(2026, 11, 26, 10), target.DueBy);
        Assert.Equal(TimeSpan.FromHours(2), target.Reckon(Bj(2026, 11, 25, 17), [], Calendar).ElapsedAt(target.DueBy!.Value));
    }

    [Fact]
    public void Pause_time_is_summed_by_the_sla_clock_with_an_open_pause_up_to_now() =>
        Assert.Equal(
            TimeSpan.FromMinutes(30 + 45),
            SlaClock.PausedFor([new SlaPauseSpan(T0, T0.AddMinutes(30)), new SlaPauseSpan(T0.AddHours(1), null)], T0.AddMinutes(105)));
}
