using HuiFang.Api.Domain.Common;

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

    public static Error ConcurrentChange(Guid id) =>
        new(ErrorKind.Conflict, "concurrent-change", "surveyInvitation.concurrentChange", [id]);
}
