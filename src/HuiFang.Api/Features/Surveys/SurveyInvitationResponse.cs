using HuiFang.Api.Common;
using HuiFang.Api.Domain.Surveys;
using HuiFang.Api.Domain.VisitTasks;

namespace HuiFang.Api.Features.Surveys;

/// <summary>A survey invitation as callers read it. The link's token is never part of it: HuiFang keeps only its hash.</summary>
/// <param name="Id">The invitation.</param>
/// <param name="TaskId">The visit task the survey is about.</param>
/// <param name="CustomerExternalId">The task's customer.</param>
/// <param name="Channel">The task's channel when the invitation was created.</param>
/// <param name="Language">The survey page's language: zh-CN or en.</param>
/// <param name="Status">Open, Answered, Expired or Revoked.</param>
/// <param name="IsOpen">Whether the link still accepts an answer now (open and not past its expiry).</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="ExpiresAt">When the link stops working.</param>
/// <param name="RemindAt">When the one reminder falls due while unanswered (inside working hours); null for none.</param>
/// <param name="RemindedAt">When the reminder was sent, if it was.</param>
/// <param name="AnsweredAt">When the customer answered, if they did.</param>
/// <param name="FeedbackId">The feedback record the answer became.</param>
/// <param name="RevokedAt">When it was revoked, if it was.</param>
/// <param name="RevocationReason">Why: Revoked (by a caller), Replaced (by a newer invitation), DoNotContact, TaskClosed (the task closed another way, in the same change), CustomerErased.</param>
/// <param name="ExpiredAt">When it expired, if it did.</param>
/// <param name="Fallback">What the task became when it expired: PhoneVisit, Unreachable, or Cancelled (PhoneVisit refused: the customer asked not to be contacted; the task's cancellation reason is do-not-contact).</param>
/// <param name="Version">The invitation's version; the ETag is this number in quotes.</param>
public sealed record SurveyInvitationResponse(
    Guid Id,
    Guid TaskId,
    string CustomerExternalId,
    ContactChannel Channel,
    string? Language,
    SurveyInvitationStatus Status,
    bool IsOpen,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RemindAt,
    DateTimeOffset? RemindedAt,
    DateTimeOffset? AnsweredAt,
    Guid? FeedbackId,
    DateTimeOffset? RevokedAt,
    SurveyRevocationReason? RevocationReason,
    DateTimeOffset? ExpiredAt,
    SurveyExpiryFallback? Fallback,
    int Version) : IVersioned
{
    public static SurveyInvitationResponse From(SurveyInvitation i, DateTimeOffset now) => new(
        i.Id, i.TaskId, i.CustomerExternalId, i.Channel, i.Language, i.Status, i.IsOpenAt(now), i.CreatedAt, i.ExpiresAt,
        i.Status == SurveyInvitationStatus.Open && i.RemindedAt is null ? i.RemindAt : null,
        i.RemindedAt, i.AnsweredAt, i.FeedbackId, i.RevokedAt, i.RevocationReason, i.ExpiredAt, i.Fallback, i.Version);
}

/// <summary>
/// A new invitation, with its link. <paramref name="Link"/> and <paramref name="Token"/> are shown this once (and in the
/// <c>SurveyInvitationCreated</c> event): HuiFang keeps only a hash of the token and cannot show them again. They are a
/// secret — whoever holds the link can answer in the customer's name — so do not log them.
/// </summary>
/// <param name="Invitation">The invitation.</param>
/// <param name="Link">The survey link to send to the customer, <c>{PublicBaseUrl}/s/{token}</c>.</param>
/// <param name="Token">The link's token (22 base64url characters, 128 random bits).</param>
public sealed record CreatedSurveyInvitationResponse(SurveyInvitationResponse Invitation, string Link, string Token) : IVersioned
{
    int IVersioned.Version => Invitation.Version;
}

/// <summary>A task's survey invitations, newest first.</summary>
/// <param name="TaskId">The visit task.</param>
/// <param name="Items">Its invitations (at most one of them open).</param>
public sealed record SurveyInvitationList(Guid TaskId, IReadOnlyList<SurveyInvitationResponse> Items);
