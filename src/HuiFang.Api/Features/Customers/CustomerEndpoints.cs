using HuiFang.Api.Domain.Common;
using HuiFang.Api.Common;
using HuiFang.Api.Features.Customers.DoNotContact;
using HuiFang.Api.Features.Customers.EraseCustomer;
using Microsoft.AspNetCore.Mvc;
using HuiFang.Api.Infrastructure.Idempotency;
using HuiFang.Api.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Erase = HuiFang.Api.Features.Customers.EraseCustomer.EraseCustomer;

namespace HuiFang.Api.Features.Customers;

public static class CustomerEndpoints
{
    public const string Route = "/api/v1/customers";

    public static IEndpointRouteBuilder MapCustomers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Route).WithTags("Customers");

        group.MapPost("/{externalId}/erasure", EraseAsync)
            .WithName("EraseCustomer")
            .WithSummary("Erase a customer's personal data")
            .WithDescription("""
                Anonymises the customer everywhere in the caller's tenant: name, phone number and free text
                (descriptions, notes, reasons) of every task are erased, and the customer's id is replaced by a
                pseudonym. Scores, outcomes, dates and statuses stay, so statistics do not change. The erasure is
                recorded in the audit trail. A customer who asked not to be contacted stays so: the flag is kept
                under the pseudonym (its reason is erased), and is found again when a record or task arrives under
                the same id (`doNotContactKept`). A customer HuiFang holds nothing of is answered with 0 tasks. The
                body is optional.
                """)
            .Produces<ErasureResponse>()
            .ProducesValidationProblem()
            .RequireScope(Scopes.PiiErase)
            .WithIdempotency();

        group.MapGet("/{externalId}/do-not-contact", GetDoNotContactAsync)
            .WithName("GetDoNotContact")
            .WithSummary("Read whether a customer may be contacted")
            .WithDescription("""
                The customer's do-not-contact flag (不再打扰): since when, who set it (a calling system through the
                API, or the customer on the survey page) and why. A customer nothing was ever said about may be
                contacted (`doNotContact` false, version 0). An erased customer is found by their former id and
                answered under their pseudonym. The `ETag` header carries the version: send it as `If-Match` on a
                change, or as `If-None-Match` to get 304 when it is unchanged.
                """)
            .Produces<DoNotContactResponse>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem()
            .RequireScope(Scopes.TasksRead);

        group.MapPut("/{externalId}/do-not-contact", SetDoNotContactAsync)
            .WithName("SetDoNotContact")
            .WithSummary("Mark a customer as not to be contacted")
            .WithDescription("""
                From now on HuiFang plans no follow-up for the customer: a service record chosen by the policy gets
                the decision `DoNotContact` and no task (the month's quota chooses another record), POST
                /visit-tasks is refused with 409 `do-not-contact`, and no survey invitation is sent. Complaint
                follow-ups (purpose ComplaintFollowUp) are still planned: the customer raised the problem. Setting
                a flag that is set already changes nothing (the first time, source and reason stay). The change is
                recorded in the audit trail; the reason is erased with the customer. The body is optional.
                """)
            .Produces<DoNotContactResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .RequireScope(Scopes.TasksWrite)
            .WithIdempotency();

        group.MapDelete("/{externalId}/do-not-contact", ClearDoNotContactAsync)
            .WithName("ClearDoNotContact")
            .WithSummary("Allow a customer to be contacted again")
            .WithDescription("""
                Clears the do-not-contact flag, e.g. when the customer asked to be contacted again. Follow-ups are
                planned for them from now on; records already decided `DoNotContact` stay as they were decided.
                Clearing a flag that is not set changes nothing. Audited.
                """)
            .Produces<DoNotContactResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .RequireScope(Scopes.TasksWrite)
            .WithIdempotency();

        return app;
    }

    private static async Task<Results<Ok<DoNotContactResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetDoNotContactAsync(
        string externalId, [FromHeader(Name = "If-None-Match")] string? ifNoneMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.Read(await mediator.Send(new GetDoNotContact(externalId), ct), ifNoneMatch, http);

    private static Task<Results<Ok<DoNotContactResponse>, ProblemHttpResult>> SetDoNotContactAsync(
        string externalId, SetDoNotContactRequest? body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.ChangeAsync(ifMatch, http, precondition => mediator.Send(new SetDoNotContact(externalId, body?.Reason, precondition), ct));

    private static Task<Results<Ok<DoNotContactResponse>, ProblemHttpResult>> ClearDoNotContactAsync(
        string externalId, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
        VersionedResults.ChangeAsync(ifMatch, http, precondition => mediator.Send(new ClearDoNotContact(externalId, precondition), ct));

    private static async Task<Results<Ok<ErasureResponse>, ProblemHttpResult>> EraseAsync(
        string externalId, EraseCustomerRequest? body, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(new Erase(externalId, body?.Reason), ct)).ToOk();
}
