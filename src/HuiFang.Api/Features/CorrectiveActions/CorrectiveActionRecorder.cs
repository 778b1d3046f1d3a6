using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.CorrectiveActions;
using HuiFang.Api.Infrastructure.Persistence;
using Contracts = HuiFang.Contracts;

namespace HuiFang.Api.Features.CorrectiveActions;

/// <summary>
/// What each corrective-action event owes: its entry in the action's history (the audit trail, subject
/// <see cref="Subject"/>) and, for opened, overdue and closed, its integration event on the action's own stream
/// (<c>corrective-action/{id}</c>), so that one action's events come in order. Free text (the non-conformity, root cause,
/// measures, notes) goes into the entries' notes or stays on the record, never into an event.
/// </summary>
public sealed class CorrectiveActionRecorder : IDomainEventRecorder
{
    public const string Subject = "CorrectiveAction";

    public static string Stream(Guid id) => $"corrective-action/{id}";

    public bool TryRecord(IDomainEvent e, EventRecording into)
    {
        switch (e)
        {
            case CorrectiveActionOpened(var a, _, var now):
                into.Audit(Subject, a.Id, "opened", a.Version,
                    new
                    {
                        source = a.Source,
                        status = a.Status,
                        department = a.Department,
                        owner = a.Owner,
                        dueDate = a.DueDate,
                        problemKey = a.ProblemKeyText,
                        reviewItemId = a.ReviewItemId,
                        feedbackIds = a.FeedbackIds.ToList(),
                        escalationIds = a.EscalationIds.ToList(),
                    },
                    a.NonConformity);
                into.Publish(
                    new Contracts.CorrectiveActionOpened(
                        Guid.CreateVersion7(now), now, into.TenantId, a.Id, a.Source.ToString(), a.Status.ToString(), a.Department, a.Owner, a.DueDate, a.DueAt,
                        a.ProblemKeyText, [.. a.FeedbackIds], [.. a.EscalationIds], a.ReviewItemId, "", ""),
                    Stream(a.Id));
                return true;
            case CorrectiveActionUpdated(var a, var fields, _, _):
                into.Audit(Subject, a.Id, "updated", a.Version, new { fields, owner = a.Owner, dueDate = a.DueDate });
                return true;
            case CorrectiveActionAccepted(var a, _, var note, _):
                into.Audit(Subject, a.Id, "accepted", a.Version, new { status = a.Status }, note);
                return true;
            case CorrectiveActionImplemented(var a, _, var note, _):
                into.Audit(Subject, a.Id, "implemented", a.Version, new { implementedAt = a.ImplementedAt }, note);
                return true;
            case CorrectiveActionVerified(var a, _):
                into.Audit(Subject, a.Id, "verified", a.Version, new { effective = a.Effective, evidence = a.Evidence }, a.VerificationNote);
                return true;
            case CorrectiveActionClosed(var a, _, var note, var now):
                into.Audit(Subject, a.Id, "closed", a.Version, new { effective = a.ClosedEffective }, note);
                var evidence = a.Evidence;
                into.Publish(
                    new Contracts.CorrectiveActionClosed(
                        Guid.CreateVersion7(now), now, into.TenantId, a.Id, a.Source.ToString(), a.Department, a.Owner, a.ProblemKeyText, a.ClosedEffective == true,
                        a.VerifiedBy, a.VerifiedAt!.Value, evidence?.Occurrences, evidence?.MostInWindow, evidence?.Threshold, evidence?.WindowDays,
                        a.OpenedAt, a.ImplementedAt!.Value, a.DueDate, a.Reopened, "", ""),
                    Stream(a.Id));
                return true;
            case CorrectiveActionReopened(var a, _, var reason, _):
                into.Audit(Subject, a.Id, "reopened", a.Version, new { reopened = a.Reopened, dueDate = a.DueDate }, reason);
                return true;
            case CorrectiveActionDismissed(var a, _, var reason, _):
                into.Audit(Subject, a.Id, "dismissed", a.Version, new { status = a.Status }, reason);
                return true;
            case CorrectiveActionLinked(var a, var links, _):
                into.Audit(Subject, a.Id, "linked", a.Version, new
                {
                    feedbackIds = links.Where(l => l.Kind == CorrectiveActionLinkKind.Feedback).Select(l => l.TargetId).ToList(),
                    escalationIds = links.Where(l => l.Kind == CorrectiveActionLinkKind.Escalation).Select(l => l.TargetId).ToList(),
                });
                return true;
            case CorrectiveActionFoundOverdue(var a, var now):
                into.Audit(Subject, a.Id, "overdue", a.Version, new { dueDate = a.DueDate, dueAt = a.DueAt, status = a.Status });
                into.Publish(
                    new Contracts.CorrectiveActionOverdue(
                        Guid.CreateVersion7(now), now, into.TenantId, a.Id, a.Status.ToString(), a.Department, a.Owner, a.DueDate, a.DueAt, a.ProblemKeyText, "", ""),
                    Stream(a.Id));
                return true;
            default:
                return false;
        }
    }
}
