using HuiFang.Api.Domain.Common;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Calendar;
using HuiFang.Api.Domain.Escalations;
using static HuiFang.UnitTests.TestCalendars;

namespace HuiFang.UnitTests.Escalations;

public sealed class EscalationStateMachineTests
{
    private static readonly BusinessCalendar Calendar = Shanghai();
    private static readonly DateTimeOffset T0 = Bj(2026, 11, 25, 10);

    private static Escalation NewEscalation(EscalationSeverity severity = EscalationSeverity.Urgent, int maxCycles = 3) => Escalation.Open(
        Guid.NewGuid(),
        "tenant-a",
        new EscalationSubject(Guid.NewGuid(), Guid.NewGuid(), "C-1", "WO-1", "Repair"),
        severity,
        EscalationTrigger.Complaint,
        new Route("Engineering", "eng-wang", "sup-li", "mgr-zhao"),
        EscalationSlaRules.From(EscalationPolicy.Default with { MaxCycles = maxCycles }, severity),
        null,
        T0,
        Calendar);

    private static Escalation In(EscalationStatus status)
    {
        var e = NewEscalation();
        var t = T0.AddMinutes(10);
        switch (status)
        {
            case EscalationStatus.Acknowledged:
                Ok(e.Acknowledge(null, null, t, Calendar));
                break;
            case EscalationStatus.InProgress:
                Ok(e.Acknowledge(null, null, t, Calendar));
                Ok(e.AddProgress("working", null, t, Calendar));
                break;
            case EscalationStatus.Paused:
                Ok(e.Pause("waiting", null, t, Calendar));
                break;
            case EscalationStatus.Resolved:
                Ok(e.Acknowledge(null, null, t, Calendar));
                Ok(e.Resolve("fixed", null, Revisit(t), t, Calendar));
                break;
            case EscalationStatus.Closed:
                Ok(e.Acknowledge(null, null, t, Calendar));
                Ok(e.Resolve("fixed", null, Revisit(t), t, Calendar));
                Ok(e.CloseLoop(Answer, t, Calendar));
                break;
        }

        Assert.Equal(status, e.Status);
        return e;
    }

    internal static readonly RevisitAnswer Answer = new(Guid.NewGuid(), Guid.NewGuid(), 2, null);

    internal static EscalationRevisit Revisit(DateTimeOffset now) => new(Guid.NewGuid(), now.AddHours(24));

    private static void Ok(Outcome outcome) => Assert.True(outcome.IsSuccess, outcome.Error?.Code);

    private static readonly Dictionary<string, Func<Escalation, Outcome>> Actions = new()
    {
        ["acknowledge"] = e => e.Acknowledge(null, null, T0.AddHours(1), Calendar),
        ["progress"] = e => e.AddProgress("note", null, T0.AddHours(1), Calendar),
        ["pause"] = e => e.Pause("wait", null, T0.AddHours(1), Calendar),
        ["resume"] = e => e.Resume(null, null, T0.AddHours(1), Calendar),
        ["resolve"] = e => e.Resolve("fixed", null, Revisit(T0.AddHours(1)), T0.AddHours(1), Calendar),
        ["reassign"] = e => e.Reassign("AfterSales", null, null, null, T0.AddHours(1), Calendar),
        ["remind"] = e => e.Remind(null, null, T0.AddHours(1), Calendar),
        ["close"] = e => e.CloseLoop(Answer, T0.AddHours(1), Calendar),
        ["reopen"] = e => e.Reopen(Answer, T0.AddHours(1), Calendar),
    };

    public static TheoryData<EscalationStatus, string, EscalationStatus?> Transitions => new()
    {
        { EscalationStatus.Open, "acknowledge", EscalationStatus.Acknowledged },
        { EscalationStatus.Open, "progress", null },
        { EscalationStatus.Open, "pause", EscalationStatus.Paused },
        { EscalationStatus.Open, "resume", null },
        { EscalationStatus.Open, "resolve", null },
        { EscalationStatus.Open, "reassign", EscalationStatus.Open },
        { EscalationStatus.Open, "remind", EscalationStatus.Open },
        { EscalationStatus.Open, "close", null },
        { EscalationStatus.Open, "reopen", null },
        { EscalationStatus.Acknowledged, "acknowledge", null },
        { EscalationStatus.Acknowledged, "progress", EscalationStatus.InProgress },
        { EscalationStatus.Acknowledged, "pause", EscalationStatus.Paused },
        { EscalationStatus.Acknowledged, "resume", null },
        { EscalationStatus.Acknowledged, "resolve", EscalationStatus.Resolved },
        { EscalationStatus.Acknowledged, "reassign", EscalationStatus.Acknowledged },
        { EscalationStatus.Acknowledged, "remind", EscalationStatus.Acknowledged },
        { EscalationStatus.Acknowledged, "close", null },
        { EscalationStatus.Acknowledged, "reopen", null },
        { EscalationStatus.InProgress, "acknowledge", null },
        { EscalationStatus.InProgress, "progress", EscalationStatus.InProgress },
        { EscalationStatus.InProgress, "pause", EscalationStatus.Paused },
        { EscalationStatus.InProgress, "resume", null },
        { EscalationStatus.InProgress, "resolve", EscalationStatus.Resolved },
        { EscalationStatus.InProgress, "reassign", EscalationStatus.InProgress },
        { EscalationStatus.InProgress, "remind", EscalationStatus.InProgress },
        { EscalationStatus.InProgress, "close", null },
        { EscalationStatus.InProgress, "reopen", null },
        { EscalationStatus.Paused, "acknowledge", null },
        { EscalationStatus.Paused, "progress", null },
        { EscalationStatus.Paused, "pause", null },
        { EscalationStatus.Paused, "resume", EscalationStatus.Open },
        { EscalationStatus.Paused, "resolve", null },
        { EscalationStatus.Paused, "reassign", EscalationStatus.Paused },
        { EscalationStatus.Paused, "remind", null },
        { EscalationStatus.Paused, "close", null },
        { EscalationStatus.Paused, "reopen", null },
        { EscalationStatus.Resolved, "acknowledge", null },
        { EscalationStatus.Resolved, "progress", null },
        { EscalationStatus.Resolved, "pause", null },
        { EscalationStatus.Resolved, "resume", null },
        { EscalationStatus.Resolved, "resolve", null },
        { EscalationStatus.Resolved, "reassign", null },
        { EscalationStatus.Resolved, "remind", null },
        { EscalationStatus.Resolved, "close", EscalationStatus.Closed },
        { EscalationStatus.Resolved, "reopen", EscalationStatus.Open },
        { EscalationStatus.Closed, "acknowledge", null },
        { EscalationStatus.Closed, "progress", null },
        { EscalationStatus.Closed, "pause", null },
        { EscalationStatus.Closed, "resume", null },
        { EscalationStatus.Closed, "resolve", null },
        { EscalationStatus.Closed, "reassign", null },
        { EscalationStatus.Closed, "remind", null },
        { EscalationStatus.Closed, "close", null },
        { EscalationStatus.Closed, "reopen", null },
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Every_action_is_allowed_or_refused_by_the_status(EscalationStatus from, string action, EscalationStatus? to)
    {
        var e = In(from);
        var version = e.Version;
        var outcome = Actions[action](e);
        if (to is null)
        {
            Assert.False(outcome.IsSuccess);
            Assert.Equal(ErrorKind.InvalidTransition, outcome.Error!.Kind);
            Assert.Equal(from, e.Status);
            Assert.Equal(version, e.Version);
        }
        else
        {
            Assert.True(outcome.IsSuccess);
            Assert.Equal(to, e.Status);
            Assert.True(e.Version > version);
        }
    }

    [Fact]
    public void Resolving_an_open_escalation_says_it_was_never_acknowledged() =>
        Assert.Equal("escalation-not-acknowledged", NewEscalation().Resolve("x", null, Revisit(T0), T0, Calendar).Error!.Code);

    [Fact]
    public void A_warning_then_a_breach_happen_once_each_and_the_breach_moves_it_to_the_supervisor()
    {
        var e = NewEscalation();
        Assert.Equal(T0.AddHours(1.5), e.NextCheckAt);
        Assert.Equal([SlaHappeningKind.Warning], e.Check(T0.AddMinutes(95), Calendar).Select(h => h.Kind));
        Assert.Empty(e.Check(T0.AddMinutes(100), Calendar));
        Assert.Equal(T0.AddHours(2), e.NextCheckAt);
        var breach = e.Check(T0.AddMinutes(121), Calendar);
        Assert.Equal([(SlaHappeningKind.Breach, SlaTargetKind.Response)], breach.Select(h => (h.Kind, h.Target)));
        Assert.Empty(e.Check(T0.AddMinutes(122), Calendar));
        Assert.Equal(EscalationLevel.Supervisor, e.Level);
        Assert.Equal("sup-li", e.Owner);
    }

    [Fact]
    public void A_breach_found_late_raises_no_warning_before_it()
    {
        var e = NewEscalation();
        Assert.Equal([SlaHappeningKind.Breach], e.Check(T0.AddHours(3), Calendar).Select(h => h.Kind));
    }

    [Fact]
    public void A_paused_escalation_neither_warns_nor_breaches()
    {
        var e = NewEscalation();
        Ok(e.Pause("wait", null, T0.AddMinutes(10), Calendar));
        Assert.Null(e.NextCheckAt);
        Assert.Empty(e.Check(T0.AddDays(3), Calendar));
        Ok(e.Resume(null, null, T0.AddDays(3), Calendar));
        Assert.Equal(T0.AddDays(3).AddMinutes(110), e.ResponseSla.DueBy);
    }

    [Fact]
    public void Each_reopen_starts_a_new_cycle_one_level_up_and_past_the_limit_a_manager_owns_it()
    {
        var e = NewEscalation(maxCycles: 2);
        var t = T0;
        for (var cycle = 1; cycle <= 3; cycle++)
        {
            t = t.AddHours(1);
            Ok(e.Acknowledge(null, null, t, Calendar));
            Ok(e.Resolve("fixed", null, Revisit(t), t, Calendar));
            Ok(e.Reopen(Answer with { UnresolvedProblems = "still broken" }, t, Calendar));
            Assert.Equal(cycle + 1, e.Cycle);
            Assert.Equal(t, e.CycleStartedAt);
            Assert.Null(e.AcknowledgedAt);
            Assert.Equal(t.AddHours(2), e.ResponseSla.DueBy);
        }

        Assert.Equal(EscalationLevel.Manager, e.Level);
        Assert.True(e.HandedToManager);
        Assert.Equal("mgr-zhao", e.Owner);
    }
}

public sealed class EscalationPauseTests
{
    private static readonly DateTimeOffset T0 = Bj(2026, 11, 25, 10);

    [Fact]
    public void Pauses_come_from_the_progress_column_per_cycle_and_resume_returns_to_the_status_before()
    {
        var calendar = Shanghai();
        var e = Escalation.Open(Guid.NewGuid(), "tenant-a", new EscalationSubject(Guid.NewGuid(), null, "C-1", "WO-1", "Repair"),
            EscalationSeverity.Urgent, EscalationTrigger.Manual, new Route("Engineering", null, null, null),
            EscalationSlaRules.From(EscalationPolicy.Default, EscalationSeverity.Urgent), "x", T0, calendar);
        Assert.True(e.Acknowledge(null, null, T0.AddMinutes(5), calendar).IsSuccess);
        Assert.True(e.AddProgress("working", null, T0.AddMinutes(10), calendar).IsSuccess);
        Assert.True(e.Pause("customer away", null, T0.AddMinutes(20), calendar).IsSuccess);
        Assert.True(e.Resume(null, null, T0.AddMinutes(50), calendar).IsSuccess);
        Assert.Equal(EscalationStatus.InProgress, e.Status);
        Assert.True(e.Pause("again", null, T0.AddHours(2), calendar).IsSuccess);

        Assert.Equal(
            [new EscalationPauseSpan(T0.AddMinutes(20), T0.AddMinutes(50), "customer away"), new EscalationPauseSpan(T0.AddHours(2), null, "again")],
            e.PausesOf(1));
        Assert.Equal(TimeSpan.FromMinutes(30 + 60), e.PausedIn(T0.AddHours(3)));
        Assert.Null(e.ResolutionSla.DueBy);

        Assert.True(e.Resume(null, null, T0.AddHours(3), calendar).IsSuccess);
        Assert.True(e.Resolve("fixed", null, EscalationStateMachineTests.Revisit(T0.AddHours(3)), T0.AddHours(3), calendar).IsSuccess);
        Assert.True(e.Reopen(EscalationStateMachineTests.Answer, T0.AddHours(4), calendar).IsSuccess);

        // A new cycle starts with a clean clock, and without acknowledgement a pause returns to Open.
        Assert.Empty(e.PausesOf(2));
        Assert.Equal(TimeSpan.Zero, e.PausedIn(T0.AddHours(5)));
        Assert.True(e.Pause("wait", null, T0.AddHours(4.5), calendar).IsSuccess);
        Assert.True(e.Resume(null, null, T0.AddHours(5), calendar).IsSuccess);
        Assert.Equal(EscalationStatus.Open, e.Status);
    }
}
