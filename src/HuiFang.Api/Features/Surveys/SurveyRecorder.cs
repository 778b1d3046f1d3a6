using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Surveys;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Infrastructure.Outbox;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Services.Surveys;
using Microsoft.Extensions.Options;
using Contracts = HuiFang.Contracts;

namespace HuiFang.Api.Features.Surveys;

/// <summary>
/// What each survey-invitation event owes: its entry in the invitation's history (created, revoked, reminder-due,
/// expired, answered) and its integration event on the task's stream, so that a task's survey events come in order
/// with the task's own. Also the two task events a survey's expiry causes (the fallback), in the task's history.
/// The raw token is used once here, to write the link into <c>SurveyInvitationCreated</c>; no audit entry names it.
/// </summary>
public sealed class SurveyRecorder(IOptions<SurveyOptions> options) : IDomainEventRecorder
{
    public const string Subject = AuditSubjects.SurveyInvitation;

    public bool TryRecord(IDomainEvent e, EventRecording into)
    {
        switch (e)
        {
            case SurveyInvitationCreated(var i, var token, var replaced, var automatic, var now):
                into.Audit(Subject, i.Id, "created", i.Version,
                    new { taskId = i.TaskId, channel = i.Channel, language = i.Language, expiresAt = i.ExpiresAt, remindAt = i.RemindAt, automatic, replacedInvitationId = replaced });
                into.Publish(
                    new Contracts.SurveyInvitationCreated(
                        Guid.CreateVersion7(now), now, into.TenantId, i.Id, i.TaskId, i.CustomerExternalId, i.WorkOrderNo, i.Channel.ToString(),
                        i.Language ?? "zh-CN", SurveyToken.Link(options.Value.PublicBaseUrl, token), i.ExpiresAt, automatic, replaced),
                    EventStreams.VisitTask(i.TaskId));
                return true;
            case SurveyInvitationRevoked(var i, var note, var now):
                into.Audit(Subject, i.Id, "revoked", i.Version, new { taskId = i.TaskId, reason = i.RevocationReason }, note);
                into.Publish(
                    new Contracts.SurveyInvitationRevoked(Guid.CreateVersion7(now), now, into.TenantId, i.Id, i.TaskId, i.CustomerExternalId, i.WorkOrderNo, i.RevocationReason!.Value.ToString()),
                    EventStreams.VisitTask(i.TaskId));
                return true;
            case SurveyReminderDue(var i, var now):
                into.Audit(Subject, i.Id, "reminder-due", i.Version, new { taskId = i.TaskId, remindedAt = i.RemindedAt });
                into.Publish(
                    new Contracts.SurveyReminderDue(Guid.CreateVersion7(now), now, into.TenantId, i.Id, i.TaskId, i.CustomerExternalId, i.WorkOrderNo, i.Channel.ToString(), i.Language ?? "zh-CN", i.CreatedAt, i.ExpiresAt),
                    EventStreams.VisitTask(i.TaskId));
                return true;
            case SurveyInvitationExpired(var i, var t, var now):
                into.Audit(Subject, i.Id, "expired", i.Version, new { taskId = i.TaskId, fallback = i.Fallback, taskStatus = t.Status });
                into.Publish(
                    new Contracts.SurveyExpired(
                        Guid.CreateVersion7(now), now, into.TenantId, i.Id, i.TaskId, i.CustomerExternalId, i.WorkOrderNo, i.Channel.ToString(), i.ExpiresAt,
                        i.Fallback!.Value.ToString(), t.Status.ToString(), t.IsOpen ? t.ScheduledFor : null, t.DueBy),
                    EventStreams.VisitTask(i.TaskId));
                return true;
            case SurveyInvitationAnswered(var i, var now):
                into.Audit(Subject, i.Id, "answered", i.Version, new { taskId = i.TaskId, feedbackId = i.FeedbackId });
                into.Publish(
                    new Contracts.SurveyAnswered(Guid.CreateVersion7(now), now, into.TenantId, i.Id, i.TaskId, i.CustomerExternalId, i.WorkOrderNo, i.FeedbackId!.Value),
                    EventStreams.VisitTask(i.TaskId));
                return true;
            case VisitTaskFellBackToPhoneVisit(var t, var from, _):
                into.Audit(AuditSubjects.VisitTask, t.Id, "survey-fallback", t.Version,
                    new { fallback = SurveyExpiryFallback.PhoneVisit, from, channel = t.Channel, scheduledFor = t.ScheduledFor, dueBy = t.DueBy });
                return true;
            case VisitTaskSurveyUnanswered(var t, _):
                into.Audit(AuditSubjects.VisitTask, t.Id, "survey-fallback", t.Version,
                    new { fallback = SurveyExpiryFallback.Unreachable, status = t.Status });
                return true;
            default:
                return false;
        }
    }
}
