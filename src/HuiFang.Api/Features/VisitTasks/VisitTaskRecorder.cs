using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.VisitTasks;

namespace HuiFang.Api.Features.VisitTasks;

/// <summary>
/// What each visit-task event owes: its entry in the task's history (the audit vocabulary of visit tasks)
/// and, where other systems care, its integration event on the task's stream (never with the phone number).
/// </summary>
public sealed class VisitTaskRecorder : IDomainEventRecorder
{
    public bool TryRecord(IDomainEvent e, EventRecording into)
    {
        switch (e)
        {
            case VisitTaskAssigned(var t, var from, _):
                into.Audit(AuditSubjects.VisitTask, t.Id, "assigned", t.Version, new { from, to = t.Assignee });
                return true;
            default:
                return false;
        }
    }
}
