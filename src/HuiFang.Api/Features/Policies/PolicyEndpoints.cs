using HuiFang.Api.Common;
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

        group.MapGet("/escalation", GetAsync)
            .WithName("GetEscalationPolicy")
            .WithSummary("Get the tenant's feedback and escalation rules")
            .WithDescription("""
                Verdict thresholds, which feedback opens an escalation, SLA targets per severity (wall-clock or
                business hours of the tenant's calendar), warning share, reminder interval, cycles before a
                manager takes over, revisit and inquiry-reply times, routing rules. `isDefault` is true while
                the tenant uses the service defaults. The ETag is this policy's own version: changing the calendar or the other policy does not move it.
                """)
            .Produces<EscalationPolicyResponse>()
            .Produces(StatusCodes.Status304NotModified)
            .RequireScope(Scopes.EscalationsRead);

        group.MapPut("/escalation", UpdateAsync)
            .WithName("UpdateEscalationPolicy")
            .WithSummary("Replace the tenant's feedback and escalation rules")
            .WithDescription("""
                Replaces the rules; a field left out takes the service default. New escalations use the new
                rules at once; open escalations keep the SLA they were opened with. Two routes for the same
                service type and department are refused (400 naming both). Honours If-Match (412). Audited.
                """)
            .Produces<EscalationPolicyResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .RequireScope(Scopes.Admin);

        group.MapGet("/follow-up", GetFollowUpAsync)
            .WithName("GetFollowUpPolicy")
            .WithSummary("Get the tenant's follow-up policy: which completed jobs get a visit, and when")
            .WithDescription("""
                Selection rules by service type (Always, Tiered by the month's volume, Percentage, Never), the default
                rule for service types no rule names, timing per service type (Immediately, WithinHours, WorkingDays,
                WithinDays, MonthlyBatch) and the sampling key. `isDefault` is true while the tenant uses the service
                defaults, which reproduce the property-management work instructions (complaints, emergency repairs,
                paid services and contractor work 100 %; routine repairs, special and help services ≤100 → 100 %,
                101–300 → 30 %, >300 → 10 % of the month's orders; activities 30 %; routine repairs in the monthly batch
                from the 26th). The ETag is this policy's own version: changing the calendar or the other policy does not move it.
                """)
            .Produces<FollowUpPolicyResponse>()
            .Produces(StatusCodes.Status304NotModified)
            .RequireScope(Scopes.TasksRead);

        group.MapPut("/follow-up", UpdateFollowUpAsync)
            .WithName("UpdateFollowUpPolicy")
            .WithSummary("Replace the tenant's follow-up policy")
            .WithDescription("""
                Replaces the policy; a field left out takes the service default, a list given replaces the default list.
                Records received from now on are decided by the new policy (each decision stores the settings version);
                tasks already planned stay. A month's volume and chosen count are kept per rule name: renaming a rule
                mid-month starts its count afresh. A service type in two rules (or two timings), tiers out of order, a share
                with the wrong mode or a timing without its numbers are refused with 400 naming the fields and rules.
                Honours If-Match (412). Audited.
                """)
            .Produces<FollowUpPolicyResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .RequireScope(Scopes.Admin);

        return app;
    }

    private static async Task<Results<Ok<FollowUpPolicyResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetFollowUpAsync(
        [FromHeader(Name = "If-None-Match")] string? ifNoneMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.Read(await mediator.Send(new GetFollowUpPolicy(), ct), ifNoneMatch, http);

    private static Task<Results<Ok<FollowUpPolicyResponse>, ProblemHttpResult>> UpdateFollowUpAsync(
        FollowUpPolicySettings body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.ChangeAsync(ifMatch, http, precondition => mediator.Send(new UpdateFollowUpPolicy(body, precondition), ct));

    private static async Task<Results<Ok<EscalationPolicyResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetAsync(
        [FromHeader(Name = "If-None-Match")] string? ifNoneMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.Read(await mediator.Send(new GetEscalationPolicy(), ct), ifNoneMatch, http);

    private static Task<Results<Ok<EscalationPolicyResponse>, ProblemHttpResult>> UpdateAsync(
        EscalationPolicySettings body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.ChangeAsync(ifMatch, http, precondition => mediator.Send(new UpdateEscalationPolicy(body, precondition), ct));
}
