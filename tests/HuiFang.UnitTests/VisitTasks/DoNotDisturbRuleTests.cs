using HuiFang.Api.Domain.VisitTasks;
using static HuiFang.UnitTests.TestCalendars;

namespace HuiFang.UnitTests.VisitTasks;

public sealed class DoNotDisturbRuleTests
{
    private static readonly DateTimeOffset Planned = Bj(2026, 11, 25, 10);

    private static VisitTask Task(string customer, VisitPurpose purpose, DateTimeOffset scheduledFor, bool cancelled = false)
    {
        var task = VisitTask.Create(
            Guid.CreateVersion7(),
            new CustomerInfo(customer, "N", null, null),
            new ServiceRecordInfo(Guid.NewGuid().ToString(), "Repair", null, scheduledFor.AddDays(-5), null, null),
            purpose,
            ContactChannel.Phone,
            null,
            new DueWindow(scheduledFor, scheduledFor.AddDays(3), DueRule.CallerSpecified),
            null,
            scheduledFor.AddDays(-1),
            TestCalendars.Shanghai());
        if (cancelled)
        {
            task.Cancel("r", scheduledFor);
        }

        return task;
    }

    private static bool Conflicts(VisitTask existing, int days = 30) =>
        new[] { existing }.AsQueryable().Any(DoNotDisturbRule.ConflictsWith("C-1", Planned, days));

    [Fact]
    public void A_follow_up_of_the_same_customer_29_days_earlier_conflicts() =>
        Assert.True(Conflicts(Task("C-1", VisitPurpose.AfterSales, Planned.AddDays(-29))));

    [Fact]
    public void A_follow_up_31_days_earlier_does_not_conflict() =>
        Assert.False(Conflicts(Task("C-1", VisitPurpose.AfterSales, Planned.AddDays(-31))));

    [Fact]
    public void A_follow_up_already_planned_for_next_week_conflicts() =>
        Assert.True(Conflicts(Task("C-1", VisitPurpose.Periodic, Planned.AddDays(7))));

    [Fact]
    public void Another_customers_follow_up_does_not_conflict() =>
        Assert.False(Conflicts(Task("C-2", VisitPurpose.AfterSales, Planned)));

    [Fact]
    public void A_cancelled_follow_up_does_not_conflict() =>
        Assert.False(Conflicts(Task("C-1", VisitPurpose.AfterSales, Planned, cancelled: true)));

    [Fact]
    public void A_complaint_follow_up_does_not_count_against_another_visit() =>
        Assert.False(Conflicts(Task("C-1", VisitPurpose.ComplaintFollowUp, Planned)));

    [Fact]
    public void The_window_is_configurable() =>
        Assert.False(Conflicts(Task("C-1", VisitPurpose.AfterSales, Planned.AddDays(-10)), days: 7));

    [Fact]
    public void Complaint_follow_ups_are_exempt_from_the_rule()
    {
        Assert.False(DoNotDisturbRule.Applies(VisitPurpose.ComplaintFollowUp));
        Assert.True(DoNotDisturbRule.Applies(VisitPurpose.AfterSales));
        Assert.True(DoNotDisturbRule.Applies(VisitPurpose.Periodic));
        Assert.True(DoNotDisturbRule.Applies(VisitPurpose.Activity));
    }
}
