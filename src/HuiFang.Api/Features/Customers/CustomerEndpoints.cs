using HuiFang.Api.Domain.Common;
using HuiFang.Api.Common;
using HuiFang.Api.Features.Customers.EraseCustomer;
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
                recorded in the audit trail. A customer HuiFang holds nothing of is answered with 0 tasks. The
                body is optional.
                """)
            .Produces<ErasureResponse>()
            .ProducesValidationProblem()
            .RequireScope(Scopes.PiiErase)
            .WithIdempotency();

        return app;
    }

    private static async Task<Results<Ok<ErasureResponse>, ProblemHttpResult>> EraseAsync(
        string externalId, EraseCustomerRequest? body, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(new Erase(externalId, body?.Reason), ct)).ToOk();
}
