using HuiFang.Api.Common;
using HuiFang.Api.Services.Policies;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HuiFang.Api.Features.Policies;

public static class PolicyEndpoints
{
    public const string Route = "/api/v1/policies";

    public static IEndpointRouteBuilder MapPolicies(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Route).WithTags("Policies");

        group.MapPolicy<EscalationPolicySettings, EscalationPolicyResponse>(
            "/escalation",
            "EscalationPolicy",
            Scopes.EscalationsRead,
            () => new GetEscalationPolicy(),
            (body, ifMatch) => new UpdateEscalationPolicy(body, ifMatch),
            getDocs: ("Get the tenant's feedback and escalation rules", """
            Verdict thresholds, which feedback opens an escalation, SLA targets per severity (wall-clock or
            business hours of the tenant's calendar), warning share, reminder interval, cycles before a
            manager takes over, revisit and inquiry-reply times, routing rules. `isDefault` is true while
            the tenant uses the service defaults. The ETag is this policy's own version: changing the calendar or the other policy does not move it.
            """),
            putDocs: ("Replace the tenant's feedback and escalation rules", """
            Replaces the rules; a field left out takes the service default. New escalations use the new
            rules at once; open escalations keep the SLA they were opened with. Two routes for the same
            service type and department are refused (400 naming both). Honours If-Match (412). Audited.
            """));

        group.MapPolicy<FollowUpPolicySettings, FollowUpPolicyResponse>(
            "/follow-up",
            "FollowUpPolicy",
            Scopes.TasksRead,
            () => new GetFollowUpPolicy(),
            (body, ifMatch) => new UpdateFollowUpPolicy(body, ifMatch),
            getDocs: ("Get the tenant's follow-up policy: which completed jobs get a visit, and when", """
            Selection rules by service type (Always, Tiered by the month's volume, Percentage, Never), the default
            rule for service types no rule names, timing per service type (Immediately, WithinHours, WorkingDays,
            WithinDays, MonthlyBatch) and the sampling key. `isDefault` is true while the tenant uses the service
            defaults, which reproduce the property-management work instructions (complaints, emergency repairs,
            paid services and contractor work 100 %; routine repairs, special and help services ≤100 → 100 %,
            101–300 → 30 %, >300 → 10 % of the month's orders; activities 30 %; routine repairs in the monthly batch
            from the 26th). The ETag is this policy's own version: changing the calendar or the other policy does not move it.
            """),
            putDocs: ("Replace the tenant's follow-up policy", """
            Replaces the policy; a field left out takes the service default, a list given replaces the default list.
            Records received from now on are decided by the new policy (each decision stores the settings version);
            tasks already planned stay. A month's volume and chosen count are kept per rule name: renaming a rule
            mid-month starts its count afresh. A service type in two rules (or two timings), tiers out of order, a share
            with the wrong mode or a timing without its numbers are refused with 400 naming the fields and rules.
            Honours If-Match (412). Audited.
            """));

        group.MapPolicy<SurveyPolicySettings, SurveyPolicyResponse>(
            "/survey",
            "SurveyPolicy",
            Scopes.TasksRead,
            () => new GetSurveyPolicy(),
            (body, ifMatch) => new UpdateSurveyPolicy(body, ifMatch),
            getDocs: ("Get the tenant's survey-invitation policy", """
            Whether tasks planned with a survey channel (by default Sms, Email, App, Questionnaire) get a survey link by
            themselves (`autoInvite`, default off), how many days a link works (`expiryDays`, 1–28, default 14), after how
            many unanswered days one reminder falls due inside working hours (`reminderAfterDays`, default 3, 0 for none),
            what the task becomes when the survey expires unanswered (`onExpiry`: `PhoneVisit`, planned at the next working
            moment, the default; or `Unreachable`) and the page's default language (`defaultLanguage`, zh-CN or en).
            `isDefault` is true while the tenant uses the service defaults. The ETag is this policy's own version.
            """),
            putDocs: ("Replace the tenant's survey-invitation policy", """
            Replaces the policy; a field left out takes the service default, a channel list given replaces the default list.
            New invitations use the new expiry and reminder at once; open invitations keep the expiry and reminder time
            they were created with, and the expiry fallback in force when they expire applies. A reminder on or after the
            expiry is refused (400). Honours If-Match (412). Audited.
            """));

        group.MapPolicy<QualityPolicySettings, QualityPolicyResponse>(
            "/quality",
            "QualityPolicy",
            Scopes.ReportsRead,
            () => new GetQualityPolicy(),
            (body, ifMatch) => new UpdateQualityPolicy(body, ifMatch),
            getDocs: ("Get the tenant's quality policy: weekly review deadline, spot-check sample, recurrence rule", """
            When a week's review falls due (`reviewDueDay` of the following week at `reviewDueTime`, tenant-local, default
            Monday 12:00; a non-working day moves to the next working day, same time), a spot-check's default sample
            (`spotCheckPercent` of each agent's visits, default 10, at least one per agent, or `spotCheckCountPerAgent`
            visits per agent when set), when the same problem recurs (`recurrenceThreshold` occurrences, default 3, within
            `recurrenceWindowDays`, default 90, counted by `recurrenceBy`: ServiceTypeAndDepartment and/or Category), whether
            a recurring problem proposes a corrective action by itself (`autoProposeCorrectiveActions`, default true) and the
            due date of an action opened without one (`correctiveActionDueDays` after opening, default 30). `isDefault` is
            true while the tenant uses the service defaults. The ETag is this policy's own version.
            """),
            putDocs: ("Replace the tenant's quality policy", """
            Replaces the policy; a field left out takes the service default, a `recurrenceBy` list given replaces the
            default list. Reviews opened from now on take the new deadline; open reviews keep the deadline they were
            opened with. Honours If-Match (412). Audited.
            """));

        return app;
    }

    /// <summary>
    /// A policy document's two operations: GET (the read scope; 200 with the ETag, or 304 for If-None-Match) and
    /// PUT (admin; If-Match, 400 naming the fields, 409 on a lost race, 412 on a stale ETag). The operation ids
    /// are Get{name} and Update{name}.
    /// </summary>
    private static void MapPolicy<TSettings, TResponse>(
        this RouteGroupBuilder group,
        string path,
        string name,
        string readScope,
        Func<IQuery<Result<TResponse>>> get,
        Func<TSettings, IfMatch?, ICommand<Result<TResponse>>> replace,
        (string Summary, string Description) getDocs,
        (string Summary, string Description) putDocs)
        where TSettings : class
        where TResponse : IVersioned
    {
        group.MapGet(path, async Task<Results<Ok<TResponse>, StatusCodeHttpResult, ProblemHttpResult>> (
                [FromHeader(Name = "If-None-Match")] string? ifNoneMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
                VersionedResults.Read(await mediator.Send(get(), ct), ifNoneMatch, http))
            .WithName("Get" + name)
            .WithSummary(getDocs.Summary)
            .WithDescription(getDocs.Description)
            .Produces<TResponse>()
            .Produces(StatusCodes.Status304NotModified)
            .RequireScope(readScope);

        group.MapPut(path, (TSettings body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
                VersionedResults.ChangeAsync(ifMatch, http, precondition => mediator.Send(replace(body, precondition), ct)))
            .WithName("Update" + name)
            .WithSummary(putDocs.Summary)
            .WithDescription(putDocs.Description)
            .Produces<TResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .RequireScope(Scopes.Admin);
    }
}
