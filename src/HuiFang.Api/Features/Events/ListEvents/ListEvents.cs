using HuiFang.Api.Domain.Common;
using System.Globalization;
using System.Text.Json;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Infrastructure.Outbox;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Contracts;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HuiFang.Api.Features.Events.ListEvents;

/// <summary>A page of the tenant's integration events, after a position.</summary>
/// <param name="After">The nextCursor of the previous page; omit it to start at the oldest event still kept.</param>
/// <param name="Type">Only events of these types (contract names such as VisitTaskCreated); repeat the parameter or separate with commas.</param>
/// <param name="Limit">Page size, 1–1000 (default 100).</param>
public sealed record ListEvents(
    [FromQuery(Name = "after")] string? After = null,
    [FromQuery(Name = "type")] string[]? Type = null,
    [FromQuery(Name = "limit")] int? Limit = null) : IQuery<Result<EventPage>>
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    internal EventCursor? Position => EventCursor.TryDecode(After, out var c) ? c : null;

    internal IReadOnlyList<string> Types =>
        [.. (Type ?? []).SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal)];
}

/// <summary>One page of events in feed order.</summary>
/// <param name="Events">The events, oldest first.</param>
/// <param name="NextCursor">Pass as <c>after</c> to read on; it is the position of the last event on this page, or the <c>after</c> you sent when the page is empty (null only when the feed is empty and no cursor was sent).</param>
/// <param name="HasMore">True when more events were available right away: ask again at once. False: poll later.</param>
public sealed record EventPage(IReadOnlyList<FeedEvent> Events, string? NextCursor, bool HasMore);

/// <summary>One integration event as the feed returns it.</summary>
/// <param name="Position">This event's position; pass it as <c>after</c> to read the events that follow it.</param>
/// <param name="EventId">The event's id; the message id it has (or will have) on RabbitMQ.</param>
/// <param name="Type">Contract type name, e.g. VisitTaskCreated (see the AsyncAPI document).</param>
/// <param name="Version">Contract version.</param>
/// <param name="OccurredAt">When the change happened (UTC).</param>
/// <param name="Published">Whether the event has been confirmed by the broker yet; the feed does not wait for it.</param>
/// <param name="Payload">The event exactly as published (the contract's camelCase JSON).</param>
public sealed record FeedEvent(string Position, Guid EventId, string Type, int Version, DateTimeOffset OccurredAt, bool Published, JsonElement Payload);

/// <summary>A feed position: (writing transaction, row id). Opaque to callers.</summary>
public readonly record struct EventCursor(long TransactionId, long Id)
{
    public string Encode() => OpaqueCursor.Encode("e1", TransactionId.ToString(CultureInfo.InvariantCulture), Id.ToString(CultureInfo.InvariantCulture));

    public bool IsBefore(long transactionId, long id) => TransactionId < transactionId || (TransactionId == transactionId && Id < id);

    public static bool TryDecode(string? text, out EventCursor cursor)
    {
        cursor = default;
        if (OpaqueCursor.Decode(text) is ["e1", var tx, var id]
            && long.TryParse(tx, NumberStyles.None, CultureInfo.InvariantCulture, out var transactionId)
            && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var rowId))
        {
            cursor = new EventCursor(transactionId, rowId);
            return true;
        }

        return false;
    }
}

public sealed class ListEventsValidator : AbstractValidator<ListEvents>
{
    public ListEventsValidator()
    {
        RuleFor(x => x.Limit)
            .InclusiveBetween(1, ListEvents.MaxLimit).WithMessage(_ => Messages.Get("validation.range", 1, ListEvents.MaxLimit));
        RuleFor(x => x.Position)
            .NotNull().WithMessage(_ => Messages.Get("validation.cursor"))
            .OverridePropertyName("after")
            .When(x => x.After is not null);
        RuleFor(x => x.Types)
            .Must(types => types.All(t => IntegrationEvents.Find(t) is not null))
            .WithMessage(x => Messages.Get("validation.eventType", Unknown(x.Types), string.Join(", ", IntegrationEvents.All.Select(e => e.Name))))
            .OverridePropertyName("type");
    }

    private static string Unknown(IReadOnlyList<string> types)
    {
        var unknown = string.Join(", ", types.Where(t => IntegrationEvents.Find(t) is null));
        return unknown.Length > 200 ? unknown[..200] + "…" : unknown;
    }
}

/// <summary>
/// Reads the feed: the caller's tenant only (the context's tenant filter), ordered by (writing
/// transaction, id). On PostgreSQL only events of transactions older than every transaction still
/// running are returned, so an event that commits late can never land behind a cursor already handed
/// out: pages may lag a running transaction by its duration, but never skip. On SQLite transactions
/// write one at a time, so the id order is already the commit order.
/// </summary>
public sealed class ListEventsHandler(HuiFangDbContext db, DatabaseDialect dialect, IOptions<OutboxOptions> options) : IQueryHandler<ListEvents, Result<EventPage>>
{
    public async ValueTask<Result<EventPage>> Handle(ListEvents q, CancellationToken cancellationToken)
    {
        var limit = q.Limit ?? ListEvents.DefaultLimit;
        var events = db.OutboxMessages.AsNoTracking();
        if (q.Position is { } after)
        {
            // A cursor the purge has overtaken may have lost events: say so instead of skipping them.
            var purged = await db.OutboxPurges.AsNoTracking()
                .OrderByDescending(p => p.ThroughTransactionId).ThenByDescending(p => p.ThroughId)
                .FirstOrDefaultAsync(cancellationToken);
            if (purged is not null && after.IsBefore(purged.ThroughTransactionId, purged.ThroughId))
            {
                return new Error(ErrorKind.Gone, "cursor-expired", "events.cursorExpired", [options.Value.Retention.TotalDays.ToString("0.##", CultureInfo.InvariantCulture)]);
            }

            events = events.Where(e => e.TransactionId > after.TransactionId || (e.TransactionId == after.TransactionId && e.Id > after.Id));
        }

        if (await dialect.EventFeedHorizonAsync(db, cancellationToken) is { } horizon)
        {
            events = events.Where(e => e.TransactionId < horizon);
        }

        var types = q.Types;
        if (types.Count > 0)
        {
            events = events.Where(e => types.Contains(e.Type));
        }

        var page = await events
            .OrderBy(e => e.TransactionId).ThenBy(e => e.Id)
            .Take(limit + 1)
            .Select(e => new { e.TransactionId, e.Id, e.EventId, e.Type, e.Version, e.OccurredAt, e.PublishedAt, e.Payload })
            .ToListAsync(cancellationToken);

        var items = page.Take(limit)
            .Select(e => new FeedEvent(
                new EventCursor(e.TransactionId, e.Id).Encode(),
                e.EventId,
                e.Type,
                e.Version,
                e.OccurredAt,
                e.PublishedAt is not null,
                JsonDocument.Parse(e.Payload).RootElement.Clone()))
            .ToList();
        var next = items.Count > 0 ? items[^1].Position : q.After;
        return new EventPage(items, next, page.Count > limit);
    }
}
