using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.VisitTasks;

namespace HuiFang.Api.Domain.Surveys;

/// <summary>The expected failures of survey invitations, each with a stable code.</summary>
public static class SurveyInvitationErrors
{
    public static Error NotFound(Guid id) =>
        new(ErrorKind.NotFound, "survey-invitation-not-found", "surveyInvitation.notFound", [id]);

    /// <summary>The invitation is no longer open (answered, expired or revoked), or its time is over.</summary>
    public static Error NotOpen(SurveyInvitation invitation, string action) =>
        new(ErrorKind.InvalidTransition, "invalid-transition", "surveyInvitation.notOpen", [action, invitation.Status],
            new Dictionary<string, object?> { ["invitationId"] = invitation.Id, ["invitationStatus"] = invitation.Status.ToString(), ["action"] = action });

    /// <summary>Only an open task gets an invitation.</summary>
    public static Error TaskNotOpen(VisitTask task) =>
        new(ErrorKind.InvalidTransition, "invalid-transition", "surveyInvitation.taskNotOpen", [task.Id, task.Status],
            new Dictionary<string, object?> { ["taskId"] = task.Id, ["taskStatus"] = task.Status.ToString(), ["action"] = "invite" });

    /// <summary>The task's customer asked not to be contacted.</summary>
    public static Error DoNotContact(Guid taskId) =>
        new(ErrorKind.Conflict, "do-not-contact", "surveyInvitation.doNotContact", [taskId],
            new Dictionary<string, object?> { ["taskId"] = taskId });

    public static Error ConcurrentChange(Guid id) =>
        new(ErrorKind.Conflict, "concurrent-change", "surveyInvitation.concurrentChange", [id]);
}
