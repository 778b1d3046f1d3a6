using HuiFang.Api.Domain.Common;
using HuiFang.Api.Common;
using HuiFang.Api.Features.Events.ListEvents;
using HuiFang.Api.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using List = HuiFang.Api.Features.Events.ListEvents.ListEvents;

namespace HuiFang.Api.Features.Events;

public static class EventEndpoints
{
    public const string Route = "/api/v1/events";

    public static IEndpointRouteBuilder MapEvents(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Route).WithTags("Events");

        group.MapGet("/", ListAsync)
            .WithName("ListEvents")
            .WithSummary("Read the event feed")
            .WithDescription("""
                The tenant's integration events — the same ones published to RabbitMQ, with the same event
                ids — for consumers that cannot reach the broker, and for the embedded mode, where nothing
                leaves the process. Start without `after`, then pass each page's `nextCursor` as `after`;
                when `hasMore` is false, poll again later with the same cursor.

                **Guarantee:** reading on from a cursor returns every event committed after it exactly once,
                in a stable order (the order of the writing transactions; events of one task or escalation in
                the order they happened), even when transactions commit out of order: an event becomes
                visible only once every transaction that began before it has ended, so the feed may trail a
                running transaction by its duration but never skips an event. Published events are kept for
                `HuiFang:Outbox:Retention` (14 days by default); a cursor older than that is answered with
                410 `cursor-expired`.
                """)
            .Produces<EventPage>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status410Gone)
            .RequireScope(Scopes.EventsRead);

        return app;
    }

    private static async Task<Results<Ok<EventPage>, ProblemHttpResult>> ListAsync([AsParameters] List query, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(query, ct)).ToOk();
}
