using HuiFang.Api.Domain.FollowUp;
using HuiFang.Api.Domain.VisitTasks;
using static HuiFang.UnitTests.TestCalendars;

namespace HuiFang.UnitTests.FollowUp;

public class FollowUpTimingTests
{
    private static DueWindow Plan(string serviceType, DateTimeOffset completedAt) =>
        DueDatePolicy.Plan(FollowUpPolicy.Default.TimingFor(serviceType), completedAt, Shanghai());

    [Fact]
    public void A_routine_repair_completed_before_the_26th_is_visited_in_that_months_batch()
    {
        var window = Plan("RoutineRepair", Bj(2026, 11, 3, 15));
        Assert.Equal(Bj(2026, 11, 26, 9), window.From);
        Assert.Equal(Bj(2026, 11, 30, 18), window.By);
    }

    [Fact]
    public void A_routine_repair_completed_after_the_26th_waits_for_next_months_batch()
    {
        var window = Plan("RoutineRepair", Bj(2026, 11, 27, 10));
        Assert.Equal(Bj(2026, 12, 28, 9), window.From); // 26 December 2026 is a Saturday: the batch opens on Monday the 28th
        Assert.Equal(Bj(2026, 12, 31, 18), window.By);
    }

    [Fact]
    public void A_batch_day_in_the_national_day_holiday_moves_to_the_next_working_day()
    {
        var window = DueDatePolicy.Plan(new FollowUpTiming(TimingKind.MonthlyBatch, 1), Bj(2026, 9, 28, 10), Shanghai());
        Assert.Equal(Bj(2026, 10, 8, 9), window.From);
    }

    [Fact]
    public void An_emergency_repair_is_visited_immediately_within_two_working_hours()
    {
        var window = Plan("EmergencyRepair", Bj(2026, 11, 25, 17, 30));
        Assert.Equal(Bj(2026, 11, 25, 17, 30), window.From);
        Assert.Equal(Bj(2026, 11, 26, 10, 30), window.By);
    }

    [Fact]
    public void After_sales_work_is_visited_from_the_3rd_to_the_7th_working_day_skipping_the_holiday_and_counting_the_make_up_day()
    {
        var window = Plan("Installation", Bj(2026, 9, 29, 10));
        Assert.Equal(Bj(2026, 10, 9, 9), window.From);
        Assert.Equal(Bj(2026, 10, 14, 18), window.By); // Saturday 10 October is a make-up working day
    }

    [Fact]
    public void Complaints_are_visited_within_24_hours_and_activities_within_5_days()
    {
        Assert.Equal(Bj(2026, 11, 26, 10), Plan("Complaint", Bj(2026, 11, 25, 10)).By);
        Assert.Equal(Bj(2026, 11, 30, 18), Plan("Activity", Bj(2026, 11, 25, 10)).By);
    }
}
