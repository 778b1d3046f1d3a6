using HuiFang.Api.Domain.Common;
using HuiFang.Api.Common;
using HuiFang.Api.Features.Customers.DoNotContact;
using HuiFang.Api.Features.Customers.EraseCustomer;
using Microsoft.AspNetCore.Mvc;
using HuiFang.Api.Infrastructure.Idempotency;
using HuiFang.Api.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Erase = HuiFang.Api.Features.Customers.EraseCustomer.EraseCustomer;

namespace HuiFang.Api.Features.Customers;

public static class CustomerEndpoints
{
    public const string Route = "/api/v1/customers";

    public static IEndpointRouteBuilder MapCustomers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Route).WithTags("Customers");

        // Every handler's first argument is the {externalId}: read it from the request as sent, unescaped once.
        group.AddEndpointFilter(async (context, next) =>
        {
            if (context.Arguments.Count > 0 && context.Arguments[0] is string routed)
            {
                context.Arguments[0] = ExternalIdAsSent(context.HttpContext) ?? routed.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
            }

            return await next(context);
        });

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

    /// <summary>
    /// The customer's id in the path, unescaped exactly once. The server decodes a path before routing except for
    /// <c>%2F</c> (an escaped '/' would otherwise split the segment), so the route value of <c>a%2Fb</c> is
    /// <c>a%2Fb</c> while that of <c>a%25b</c> is <c>a%b</c>: an id with a '/' could not be addressed. The raw
    /// request target still holds the segment as the caller escaped it; null when there is none to read (a test
    /// host), and then the route value's remaining <c>%2F</c> is taken as the '/' it escapes.
    /// </summary>
    internal static string? ExternalIdAsSent(HttpContext http)
    {
        var raw = http.Features.Get<IHttpRequestFeature>()?.RawTarget;
        const string prefix = Route + "/";
        if (raw is null || !raw.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = raw[prefix.Length..];
        var end = rest.IndexOfAny(['/', '?', '#']);
        return Uri.UnescapeDataString(end < 0 ? rest : rest[..end]);
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
