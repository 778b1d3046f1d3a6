using HuiFang.Api.Domain.Common;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Infrastructure.Outbox;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Api.Services.Customers;
using HuiFang.Api.Services.Surveys;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Customers.EraseCustomer;

/// <summary>Erase (anonymise) one customer's personal data in the caller's tenant.</summary>
/// <param name="ExternalId">The customer's id in the calling system.</param>
/// <param name="Reason">Why, e.g. the customer's request reference (optional; kept in the audit trail, must not name the customer).</param>
public sealed record EraseCustomer(string ExternalId, string? Reason) : ICommand<Result<ErasureResponse>>, ITransactional;

/// <summary>Optional details of an erasure request.</summary>
/// <param name="Reason">Why, e.g. the customer's request reference; must not name the customer.</param>
public sealed record EraseCustomerRequest(string? Reason = null);

/// <summary>What an erasure changed.</summary>
/// <param name="CustomerPseudonym">The id that now stands for the customer in HuiFang's records (statistics still count them as one customer).</param>
/// <param name="TasksAnonymised">Visit tasks whose personal data was erased by this request.</param>
/// <param name="EventsAnonymised">Stored integration events (the event feed, and events not yet published) rewritten under the pseudonym.</param>
/// <param name="ErasedAt">When.</param>
/// <param name="FeedbackAnonymised">Feedback records whose free text was erased.</param>
/// <param name="EscalationsAnonymised">Escalations whose free text (reason, notes, resolution) was erased.</param>
/// <param name="ServiceRecordsAnonymised">Service records whose customer name, phone and description were erased.</param>
/// <param name="DoNotContactKept">The customer had asked not to be contacted: the flag stays, under the pseudonym and without its reason, so a record that arrives later under the same id still plans no follow-up.</param>
public sealed record ErasureResponse(string CustomerPseudonym, int TasksAnonymised, int EventsAnonymised, DateTimeOffset ErasedAt, int FeedbackAnonymised = 0, int EscalationsAnonymised = 0, int ServiceRecordsAnonymised = 0, bool DoNotContactKept = false);

public sealed class EraseCustomerValidator : AbstractValidator<EraseCustomer>
{
    public EraseCustomerValidator()
    {
        RuleFor(x => x.ExternalId).NotEmpty().MaximumLength(FieldLimits.ExternalId);
        RuleFor(x => x.Reason).MaximumLength(FieldLimits.Reason);
    }
}

/// <summary>
/// Names, phone numbers and free text are replaced in every task of the customer; scores, outcomes,
/// dates and statuses stay, so reports do not change. Notes in the tasks' audit entries are cleared
/// too. The customer's id becomes a keyed pseudonym (tenant + id), which cannot be turned back into
/// the id but keeps the customer's tasks together. Stored events get the pseudonym and lose their free
/// text. A do-not-contact flag stays under the pseudonym (without its reason): the flag is looked up by the id and by
/// the pseudonym the id turns into, so a customer who opted out is not contacted again when their id comes back. An erasure is itself audited, under the pseudonym. Erasing a customer HuiFang holds nothing of succeeds with zero tasks.
/// </summary>
public sealed class EraseCustomerHandler(HuiFangDbContext db, DatabaseDialect dialect, AuditTrail audit, TimeProvider clock, ICurrentCaller caller, ContactPreferences contactPreferences, SurveyInvitations surveyInvitations)
    : ICommandHandler<EraseCustomer, Result<ErasureResponse>>
{
    public async ValueTask<Result<ErasureResponse>> Handle(EraseCustomer command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var pseudonym = Pseudonym(caller.TenantId!, command.ExternalId);
        await dialect.LockCustomerAsync(db, command.ExternalId, cancellationToken);

        var tasks = await db.VisitTasks.Where(t => t.CustomerExternalId == command.ExternalId).ToListAsync(cancellationToken);
        foreach (var task in tasks)
        {
            task.ErasePersonalData(pseudonym, now);
        }

        // Survey links identify the customer (whoever holds one answers in their name): open ones are revoked, the
        // invitations keep the pseudonym, and the link leaves the stored SurveyInvitationCreated events below.
        var invitations = await surveyInvitations.OfTasksAsync([.. tasks.Select(t => t.Id)], cancellationToken);
        invitations.ForEach(i => i.ErasePersonalData(pseudonym, now));

        var feedback = await db.FeedbackRecords.Where(f => f.CustomerExternalId == command.ExternalId).ToListAsync(cancellationToken);
        feedback.ForEach(f => f.ErasePersonalData(pseudonym, now));
        var records = await db.ServiceRecords.Where(r => r.CustomerExternalId == command.ExternalId).ToListAsync(cancellationToken);
        records.ForEach(r => r.ErasePersonalData(pseudonym, now));
        var escalations = await db.Escalations.Where(e => e.CustomerExternalId == command.ExternalId).ToListAsync(cancellationToken);
        foreach (var escalation in escalations)
        {
            escalation.ErasePersonalData(pseudonym, now);
            audit.Record(AuditSubjects.Escalation, escalation.Id, "personal-data-erased", escalation.Version);
        }

        // The do-not-contact flag stays (found again through the pseudonym), its reason goes.
        var preference = await contactPreferences.FindAsync(command.ExternalId, cancellationToken);
        preference?.ErasePersonalData(pseudonym, now);

        // Notes in the audit trail are what callers wrote (reasons, progress, resolutions): they go too.
        var subjectIds = tasks.Select(t => t.Id.ToString())
            .Concat(feedback.Select(f => f.Id.ToString()))
            .Concat(escalations.Select(e => e.Id.ToString()))
            .Concat(invitations.Select(i => i.Id.ToString()))
            .Concat(preference is null ? [] : [preference.Id.ToString()])
            .ToList();
        if (subjectIds.Count > 0)
        {
            var entries = await db.AuditEntries
                .Where(e => (e.SubjectType == AuditSubjects.VisitTask || e.SubjectType == AuditSubjects.Feedback || e.SubjectType == AuditSubjects.Escalation || e.SubjectType == AuditSubjects.ContactPreference || e.SubjectType == AuditSubjects.SurveyInvitation)
                    && subjectIds.Contains(e.SubjectId) && e.Note != null)
                .ToListAsync(cancellationToken);
            entries.ForEach(e => e.EraseNote());
        }

        // The customer's events in the outbox: the feed keeps them for the retention period, unpublished ones are still to leave.
        var events = await db.OutboxMessages.Where(e => e.CustomerExternalId == command.ExternalId).ToListAsync(cancellationToken);
        events.ForEach(e => e.ReplacePayload(pseudonym, EventErasure.Erase(e.Type, e.Payload, pseudonym)));

        audit.Record(AuditSubjects.Customer, pseudonym, "personal-data-erased", null, new { tasksAnonymised = tasks.Count, eventsAnonymised = events.Count, feedbackAnonymised = feedback.Count, escalationsAnonymised = escalations.Count, serviceRecordsAnonymised = records.Count, surveyInvitationsAnonymised = invitations.Count, doNotContactKept = preference?.DoNotContact == true }, command.Reason);
        await db.SaveChangesAsync(cancellationToken);
        return new ErasureResponse(pseudonym, tasks.Count, events.Count, now, feedback.Count, escalations.Count, records.Count, preference?.DoNotContact == true);
    }

    /// <summary>"erased-" and 24 hex digits of HMAC-SHA256 keyed by the tenant: stable, not reversible.</summary>
    internal static string Pseudonym(string tenantId, string externalId) => CustomerPseudonym.For(tenantId, externalId);
}
