using HuiFang.Api.Domain.Calendar;
using HuiFang.Api.Domain.VisitTasks;

namespace HuiFang.Api.Domain.Surveys;

/// <summary>
/// A tenant's rules for survey invitations. The defaults: no automatic invitations; when turned on, tasks
/// planned with channel Sms, Email, App or Questionnaire are invited; a link works for 14 days; a reminder
/// after 3 days unanswered; an expired survey falls back to a phone visit; the page speaks zh-CN.
/// </summary>
/// <param name="AutoInvite">Invite the customer of a task planned with one of <paramref name="AutoInviteChannels"/> in the same save.</param>
/// <param name="AutoInviteChannels">The task channels that get an automatic invitation.</param>
/// <param name="ExpiryDays">Days a link works (1–28).</param>
/// <param name="ReminderAfterDays">Days unanswered after which one reminder falls due (0: none); before the expiry.</param>
/// <param name="OnExpiry">What the task becomes when the survey expires unanswered.</param>
/// <param name="DefaultLanguage">The page's language when neither the invitation nor the customer names one: zh-CN or en.</param>
public sealed record SurveyPolicy(
    bool AutoInvite,
    IReadOnlyList<ContactChannel> AutoInviteChannels,
    int ExpiryDays,
    int ReminderAfterDays,
    SurveyExpiryFallback OnExpiry,
    string DefaultLanguage)
{
    public const int MaxExpiryDays = 28;

    public static readonly IReadOnlyList<string> Languages = ["zh-CN", "en"];

    public static SurveyPolicy Default { get; } = new(
        false,
        [ContactChannel.Sms, ContactChannel.Email, ContactChannel.App, ContactChannel.Questionnaire],
        14,
        3,
        SurveyExpiryFallback.PhoneVisit,
        "zh-CN");

    /// <summary>Whether a task planned with <paramref name="channel"/> gets an invitation by itself.</summary>
    public bool InvitesAutomatically(ContactChannel channel) => AutoInvite && AutoInviteChannels.Contains(channel);

    public DateTimeOffset ExpiresAt(DateTimeOffset createdAt) => createdAt.AddDays(ExpiryDays);

    /// <summary>When the reminder of an invitation created at <paramref name="createdAt"/> falls due: the first working moment after the days; null for none.</summary>
    public DateTimeOffset? RemindAt(DateTimeOffset createdAt, BusinessCalendar calendar) =>
        ReminderAfterDays <= 0 ? null : calendar.NextWorkingInstant(createdAt.AddDays(ReminderAfterDays));
}
