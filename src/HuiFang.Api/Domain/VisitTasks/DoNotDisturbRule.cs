using System.Linq.Expressions;

namespace HuiFang.Api.Domain.VisitTasks;

/// <summary>
/// At most one follow-up per customer within a window of days (docs/follow-up-rules.md: "at most one follow-up per
/// customer per month"). Complaint follow-ups are exempt both ways: they answer the customer's own
/// request, so they are never refused and never count against another visit. Cancelled tasks do not
/// count; unreachable ones do (the customer was called).
/// </summary>
public static class DoNotDisturbRule
{
    public static bool Applies(VisitPurpose purpose) => purpose != VisitPurpose.ComplaintFollowUp;

    /// <summary>Tasks of the same customer whose planned contact lies within <paramref name="days"/> of <paramref name="plannedAt"/>.</summary>
    public static Expression<Func<VisitTask, bool>> ConflictsWith(string customerExternalId, DateTimeOffset plannedAt, int days)
    {
        var from = plannedAt.AddDays(-days);
        var to = plannedAt.AddDays(days);
        return t => t.CustomerExternalId == customerExternalId
            && t.Status != VisitTaskStatus.Cancelled
            && t.Purpose != VisitPurpose.ComplaintFollowUp
            && t.ScheduledFor > from
            && t.ScheduledFor < to;
    }
}
