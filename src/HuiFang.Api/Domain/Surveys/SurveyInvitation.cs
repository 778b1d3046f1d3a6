using HuiFang.Api.Domain.Calendar;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Customers;
using HuiFang.Api.Domain.Tenants;
using HuiFang.Api.Domain.VisitTasks;

namespace HuiFang.Api.Domain.Surveys;

/// <summary>
/// An invitation for the customer of one visit task to answer a survey from a link (在线问卷). The link's
/// token is never kept: only its SHA-256 (<see cref="TokenHash"/>). An invitation is open until the customer
/// answers, it expires, or it is revoked; at most one invitation of a task is open at a time.
/// </summary>
public sealed class SurveyInvitation : AggregateRoot, ITenantOwned
{
    private SurveyInvitation()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Set by the database context from the caller when the invitation is first saved.</summary>
    public string TenantId { get; private set; } = "";

    public Guid TaskId { get; private set; }

    public string CustomerExternalId { get; private set; } = "";

    public string WorkOrderNo { get; private set; } = "";

    /// <summary>The task's channel when the invitation was created (how the link is meant to reach the customer).</summary>
    public ContactChannel Channel { get; private set; }

    /// <summary>Lowercase hexadecimal SHA-256 of the link's token (<see cref="SurveyToken.Hash"/>); unique.</summary>
    public string TokenHash { get; private set; } = "";

    /// <summary>The page's language, <c>zh-CN</c> or <c>en</c>; null lets the page choose from the tenant and the browser.</summary>
    public string? Language { get; private set; }

    public SurveyInvitationStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The link stops working at this instant.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>When a reminder falls due while unanswered (moved to the next working moment when it falls outside working hours); null for none.</summary>
    public DateTimeOffset? RemindAt { get; private set; }

    public DateTimeOffset? RemindedAt { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    /// <summary>The feedback record the customer's answer became.</summary>
    public Guid? FeedbackId { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public SurveyRevocationReason? RevocationReason { get; private set; }

    public DateTimeOffset? ExpiredAt { get; private set; }

    /// <summary>What the task fell back to when the invitation expired.</summary>
    public SurveyExpiryFallback? Fallback { get; private set; }

    /// <summary>Incremented on every change; the optimistic-concurrency token.</summary>
    public int Version { get; private set; }

    /// <summary>The cancellation reason of a task whose survey expired for a customer who asked not to be contacted.</summary>
    public const string DoNotContactReason = "do-not-contact";

    /// <summary>Whether the link still accepts an answer at <paramref name="now"/>.</summary>
    public bool IsOpenAt(DateTimeOffset now) => Status == SurveyInvitationStatus.Open && now < ExpiresAt;

    /// <summary>
    /// A new invitation for <paramref name="task"/>, open until <paramref name="expiresAt"/>. The caller keeps
    /// <paramref name="token"/> to show it once; the invitation keeps only its hash. A reminder time at or after
    /// the expiry means no reminder. <paramref name="automatic"/>: the tenant's policy created it as the task was planned.
    /// </summary>
    public static SurveyInvitation Create(
        Guid id,
        VisitTask task,
        string token,
        string? language,
        DateTimeOffset expiresAt,
        DateTimeOffset? remindAt,
        Guid? replaced,
        DateTimeOffset now,
        bool automatic = false)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (!SurveyToken.IsWellFormed(token))
        {
            throw new ArgumentException("A survey token is 22 base64url characters.", nameof(token));
        }

        if (expiresAt <= now)
        {
            throw new ArgumentOutOfRangeException(nameof(expiresAt), "An invitation expires after it is created.");
        }

        var invitation = new SurveyInvitation
        {
            Id = id,
            TaskId = task.Id,
            CustomerExternalId = task.CustomerExternalId,
            WorkOrderNo = task.WorkOrderNo,
            Channel = task.Channel,
            TokenHash = SurveyToken.Hash(token),
            Language = language,
            Status = SurveyInvitationStatus.Open,
            CreatedAt = now.ToUniversalTime(),
            ExpiresAt = expiresAt.ToUniversalTime(),
            RemindAt = remindAt is { } r && r < expiresAt ? r.ToUniversalTime() : null,
            Version = 1,
        };
        invitation.Raise(new SurveyInvitationCreated(invitation, token, replaced, automatic, now));
        return invitation;
    }

    /// <summary>The customer answered through the link; <paramref name="feedbackId"/> is the feedback record it became.</summary>
    public Outcome Answer(Guid feedbackId, DateTimeOffset now)
    {
        if (!IsOpenAt(now))
        {
            return SurveyInvitationErrors.NotOpen(this, "answer");
        }

        Status = SurveyInvitationStatus.Answered;
        AnsweredAt = now.ToUniversalTime();
        FeedbackId = feedbackId;
        Touch();
        Raise(new SurveyInvitationAnswered(this, now));
        return Outcome.Ok;
    }

    /// <summary>Withdraws an open invitation (also one whose time is over but that the monitor has not expired yet).</summary>
    public Outcome Revoke(SurveyRevocationReason reason, string? note, DateTimeOffset now)
    {
        if (Status != SurveyInvitationStatus.Open)
        {
            return SurveyInvitationErrors.NotOpen(this, "revoke");
        }

        Status = SurveyInvitationStatus.Revoked;
        RevokedAt = now.ToUniversalTime();
        RevocationReason = reason;
        Touch();
        Raise(new SurveyInvitationRevoked(this, note, now));
        return Outcome.Ok;
    }

    /// <summary>Whether the monitor should expire it at <paramref name="now"/>.</summary>
    public bool IsDueToExpire(DateTimeOffset now) => Status == SurveyInvitationStatus.Open && now >= ExpiresAt;

    /// <summary>Whether its reminder is due at <paramref name="now"/> (open, not expired, not reminded yet).</summary>
    public bool IsReminderDue(DateTimeOffset now) =>
        Status == SurveyInvitationStatus.Open && now < ExpiresAt && RemindedAt is null && RemindAt is { } at && at <= now;

    /// <summary>
    /// The time is over unanswered: the invitation expires, and its (open) task falls back as <paramref name="fallback"/>
    /// says — a phone visit planned at the next working moment of <paramref name="calendar"/>, or closed as unreachable.
    /// A task already closed another way has nothing to fall back from: revoke the invitation instead
    /// (<see cref="SurveyRevocationReason.TaskClosed"/>).
    /// </summary>
    public Outcome Expire(SurveyExpiryFallback fallback, VisitTask task, BusinessCalendar calendar, DateTimeOffset now) =>
        Expire(fallback, task, calendar, doNotContact: false, now);

    /// <summary>
    /// As <see cref="Expire(SurveyExpiryFallback, VisitTask, BusinessCalendar, DateTimeOffset)"/>; when the customer asked not to
    /// be contacted (<paramref name="doNotContact"/>) a phone visit is not planned: the task is cancelled with the reason
    /// <see cref="DoNotContactReason"/> and the fallback taken is <see cref="SurveyExpiryFallback.Cancelled"/> — unless the task is a
    /// complaint follow-up, which the customer asked for (<see cref="DoNotContactRule"/>).
    /// </summary>
    public Outcome Expire(SurveyExpiryFallback fallback, VisitTask task, BusinessCalendar calendar, bool doNotContact, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.Id != TaskId)
        {
            throw new ArgumentException("The task is not the invitation's.", nameof(task));
        }

        if (!IsDueToExpire(now))
        {
            return SurveyInvitationErrors.NotOpen(this, "expire");
        }

        if (!task.IsOpen)
        {
            return SurveyInvitationErrors.TaskNotOpen(task);
        }

        if (fallback == SurveyExpiryFallback.PhoneVisit && doNotContact && DoNotContactRule.Applies(task.Purpose))
        {
            fallback = SurveyExpiryFallback.Cancelled;
        }

        var fellBack = fallback switch
        {
            SurveyExpiryFallback.PhoneVisit => task.FallBackToPhoneVisit(now, calendar),
            SurveyExpiryFallback.Cancelled => task.Cancel(DoNotContactReason, now),
            _ => task.CloseUnansweredSurvey(now),
        };
        if (!fellBack.IsSuccess)
        {
            return fellBack;
        }

        Status = SurveyInvitationStatus.Expired;
        ExpiredAt = now.ToUniversalTime();
        Fallback = fallback;
        Touch();
        Raise(new SurveyInvitationExpired(this, task, now));
        return Outcome.Ok;
    }

    /// <summary>
    /// The reminder is sent now (once). The monitor's bookkeeping: nothing the caller can change depends on it, so
    /// the version (ETag) stays; the write still carries the version it read, so a caller's change that lands
    /// first makes the monitor retry.
    /// </summary>
    public bool MarkReminded(DateTimeOffset now)
    {
        if (!IsReminderDue(now))
        {
            return false;
        }

        RemindedAt = now.ToUniversalTime();
        Raise(new SurveyReminderDue(this, now));
        return true;
    }

    /// <summary>A due reminder that fell outside working hours waits for <paramref name="workResumes"/> (bookkeeping, like <see cref="MarkReminded"/>).</summary>
    public void DeferReminder(DateTimeOffset workResumes)
    {
        if (Status == SurveyInvitationStatus.Open && RemindedAt is null && RemindAt is not null && workResumes > RemindAt)
        {
            RemindAt = workResumes < ExpiresAt ? workResumes.ToUniversalTime() : null;
        }
    }

    /// <summary>
    /// The customer's personal data is erased: the customer becomes <paramref name="pseudonym"/>. The token's hash stays (it
    /// identifies nobody once the link is gone from the outbox and the feed); an open invitation is revoked first.
    /// </summary>
    public void ErasePersonalData(string pseudonym, DateTimeOffset now)
    {
        Revoke(SurveyRevocationReason.CustomerErased, null, now);
        if (CustomerExternalId != pseudonym)
        {
            CustomerExternalId = pseudonym;
            Touch();
        }
    }

    private void Touch() => Version++;
}
