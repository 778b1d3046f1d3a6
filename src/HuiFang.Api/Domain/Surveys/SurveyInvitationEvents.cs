using System.Text;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.VisitTasks;

namespace HuiFang.Api.Domain.Surveys;

// What happens to a survey invitation, raised by its transitions; each carries the invitation as it is after the change.

/// <summary>
/// An invitation was created. <paramref name="Token"/> is the raw secret of the link, carried only in memory so that
/// the invitation's integration event can name the link; it is left out of <see cref="ToString"/> so that no log line
/// that prints the event can leak it.
/// </summary>
public sealed record SurveyInvitationCreated(SurveyInvitation Invitation, string Token, Guid? Replaced, bool Automatic, DateTimeOffset OccurredAt) : IDomainEvent
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Invitation = ").Append(Invitation.Id).Append(", Replaced = ").Append(Replaced).Append(", Automatic = ").Append(Automatic).Append(", OccurredAt = ").Append(OccurredAt);
        return true;
    }
}

/// <summary>The invitation was withdrawn, for <see cref="SurveyInvitation.RevocationReason"/>.</summary>
public sealed record SurveyInvitationRevoked(SurveyInvitation Invitation, string? Note, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The invitation stayed unanswered past its reminder time, inside working hours (raised once).</summary>
public sealed record SurveyReminderDue(SurveyInvitation Invitation, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The invitation expired unanswered; <paramref name="Task"/> (as it is after) fell back as <see cref="SurveyInvitation.Fallback"/> says.</summary>
public sealed record SurveyInvitationExpired(SurveyInvitation Invitation, VisitTask Task, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The customer answered through the link; <see cref="SurveyInvitation.FeedbackId"/> is what they said.</summary>
public sealed record SurveyInvitationAnswered(SurveyInvitation Invitation, DateTimeOffset OccurredAt) : IDomainEvent;
