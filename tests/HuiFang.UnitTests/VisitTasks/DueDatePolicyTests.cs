using HuiFang.Api.Domain.VisitTasks;
using static HuiFang.UnitTests.TestCalendars;

namespace HuiFang.UnitTests.VisitTasks;

public sealed class DueDatePolicyTests
{
    private static readonly TimingRules Rules = new();

    private static DueWindow Plan(VisitPurpose purpose, string serviceType, DateTimeOffset completedAt) =>
        DueDatePolicy.Plan(purpose, serviceType, completedAt, Shanghai(), Rules);

    [Fact]
    public void After_sales_is_due_from_the_third_to_the_end_of_the_seventh_working_day()
    {
        // Friday 2026-11-20: working days after it are 23, 24, 25 (3rd) … 30, 1 Dec (7th).
        var window = Plan(VisitPurpose.AfterSales, "Repair", Bj(2026, 11, 20, 10));
        Assert.Equal(new DueWindow(Bj(2026, 11, 25, 9), Bj(2026, 12, 1, 18), DueRule.AfterSalesWorkingDays), window);
    }

    [Fact]
    public void After_sales_counts_around_a_holiday_and_its_make_up_day()
    {
        // Service on 30 Sep: 1–7 Oct are holidays; 8 (1st), 9 (2nd), Sat 10 make-up (3rd), 12 … 15 (7th).
        var window = Plan(VisitPurpose.AfterSales, "Installation", Bj(2026, 9, 30, 16));
        Assert.Equal(Bj(2026, 10, 10, 9), window.From);
        Assert.Equal(Bj(2026, 10, 15, 18), window.By);
    }

    [Fact]
    public void The_service_date_is_the_local_date_of_completion()
    {
        // 2026-11-19 20:00 UTC is already Friday the 20th in Beijing.
        var window = Plan(VisitPurpose.AfterSales, "Repair", new DateTimeOffset(2026, 11, 19, 20, 0, 0, TimeSpan.Zero));
        Assert.Equal(Bj(2026, 11, 25, 9), window.From);
    }

    [Fact]
    public void Complaint_follow_up_is_due_within_24_hours_starting_at_the_next_working_moment()
    {
        var window = Plan(VisitPurpose.ComplaintFollowUp, "Repair", Bj(2026, 11, 25, 19));
        Assert.Equal(new DueWindow(Bj(2026, 11, 26, 9), Bj(2026, 11, 26, 19), DueRule.ComplaintWithinHours), window);
    }

    [Fact]
    public void Complaint_follow_up_keeps_the_24_hour_promise_over_a_holiday()
    {
        var window = Plan(VisitPurpose.ComplaintFollowUp, "Repair", Bj(2026, 10, 2, 10));
        Assert.Equal(Bj(2026, 10, 3, 10), window.By);
        Assert.Equal(window.By, window.From);
    }

    [Fact]
    public void Emergency_repair_is_visited_immediately_within_two_working_hours()
    {
        var window = Plan(VisitPurpose.AfterSales, "EmergencyRepair", Bj(2026, 11, 25, 11));
        Assert.Equal(new DueWindow(Bj(2026, 11, 25, 11), Bj(2026, 11, 25, 14, 30), DueRule.EmergencyRepairImmediately), window);
    }

    [Fact]
    public void Service_type_names_match_whatever_their_case()
    {
        Assert.Equal(DueRule.EmergencyRepairImmediately, Plan(VisitPurpose.AfterSales, "emergencyrepair", Bj(2026, 11, 25, 11)).Rule);
    }

    [Fact]
    public void Activities_are_due_within_five_days_closing_on_a_working_day()
    {
        // Wednesday 25th + 5 days = Monday 30th.
        var window = Plan(VisitPurpose.Activity, "CommunityEvent", Bj(2026, 11, 25, 15));
        Assert.Equal(new DueWindow(Bj(2026, 11, 25, 15), Bj(2026, 11, 30, 18), DueRule.ActivityWithinDays), window);

        // Tuesday 24th + 5 days = Sunday 29th: the window closes on Friday 27th.
        Assert.Equal(Bj(2026, 11, 27, 18), Plan(VisitPurpose.Activity, "CommunityEvent", Bj(2026, 11, 24, 15)).By);
    }

    [Fact]
    public void Help_services_are_due_within_a_week() =>
        Assert.Equal(new DueWindow(Bj(2026, 11, 25, 15), Bj(2026, 12, 2, 18), DueRule.HelpServiceWithinDays), Plan(VisitPurpose.AfterSales, "HelpService", Bj(2026, 11, 25, 15)));

    [Fact]
    public void Routine_repairs_join_the_monthly_batch_from_the_26th()
    {
        var window = Plan(VisitPurpose.AfterSales, "RoutineRepair", Bj(2026, 11, 3, 10));
        Assert.Equal(new DueWindow(Bj(2026, 11, 26, 9), Bj(2026, 11, 30, 18), DueRule.RoutineRepairMonthlyBatch), window);
    }

    [Fact]
    public void Routine_repairs_completed_after_the_batch_day_go_to_next_months_batch()
    {
        var window = Plan(VisitPurpose.AfterSales, "RoutineRepair", Bj(2026, 11, 27, 10));
        Assert.Equal(Bj(2026, 12, 28, 9), window.From); // 26 Dec 2026 is a Saturday
        Assert.Equal(Bj(2026, 12, 31, 18), window.By);
    }

    [Fact]
    public void A_batch_day_on_a_holiday_moves_to_the_next_working_day()
    {
        var rules = Rules with { RoutineRepairBatchDay = 1 };
        var window = DueDatePolicy.Plan(VisitPurpose.AfterSales, "RoutineRepair", Bj(2026, 10, 1, 10), Shanghai(), rules);
        Assert.Equal(Bj(2026, 10, 8, 9), window.From);
    }

    [Fact]
    public void Periodic_visits_are_due_during_the_next_month()
    {
        var window = Plan(VisitPurpose.Periodic, "Relationship", Bj(2026, 9, 15, 10));
        Assert.Equal(new DueWindow(Bj(2026, 10, 8, 9), Bj(2026, 10, 30, 18), DueRule.PeriodicNextMonth), window);
    }

    [Fact]
    public void Complaint_follow_up_wins_over_the_service_type_rule() =>
        Assert.Equal(DueRule.ComplaintWithinHours, Plan(VisitPurpose.ComplaintFollowUp, "RoutineRepair", Bj(2026, 11, 25, 10)).Rule);

    [Fact]
    public void Configured_numbers_change_the_window()
    {
        var rules = Rules with { AfterSalesFirstWorkingDay = 1, AfterSalesLastWorkingDay = 2 };
        var window = DueDatePolicy.Plan(VisitPurpose.AfterSales, "Repair", Bj(2026, 11, 20, 10), Shanghai(), rules);
        Assert.Equal(Bj(2026, 11, 23, 9), window.From);
        Assert.Equal(Bj(2026, 11, 24, 18), window.By);
    }
}
