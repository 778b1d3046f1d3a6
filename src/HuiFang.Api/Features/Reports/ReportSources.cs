using HuiFang.Api.Domain.Escalations;
using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Domain.Surveys;
using HuiFang.Api.Domain.VisitTasks;

namespace HuiFang.Api.Features.Reports;

/// <summary>What each report's rows can be grouped by, per source table.</summary>
public static class ReportSources
{
    /// <summary>Feedback by when it was recorded; department and service type of the work order, the task's agent, the visit's channel.</summary>
    public static readonly ReportDimensions<FeedbackRecord> Feedback = new(f => f.RecordedAt, f => f.Department, f => f.Assignee, f => f.ServiceType, f => f.Channel);

    /// <summary>Visit tasks by when they were planned.</summary>
    public static readonly ReportDimensions<VisitTask> Visits = new(t => t.CreatedAt, t => t.ServiceDepartment, t => t.Assignee, t => t.ServiceType, t => t.Channel);

    /// <summary>Escalations by when they were opened; the handling department and its owner.</summary>
    /// <summary>Survey invitations by when they were created; their channel (no department, agent or service type).</summary>
    public static readonly ReportDimensions<SurveyInvitation> SurveyInvitations = new(i => i.CreatedAt, null, null, null, i => i.Channel);

    public static readonly ReportDimensions<Escalation> Escalations = new(e => e.OpenedAt, e => e.Department, e => e.Owner, e => e.ServiceType, null);
}
