using HuiFang.Api.Domain.Common;
using System.Globalization;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.VisitTasks.ListVisitTasks;

/// <summary>Filters and paging of the task list; every filter is optional and they combine with AND.</summary>
/// <param name="Status">Only tasks in this status.</param>
/// <param name="Assignee">Only tasks assigned to this agent.</param>
/// <param name="Purpose">Only tasks with this purpose.</param>
/// <param name="Channel">Only tasks on this channel.</param>
/// <param name="CustomerId">Only tasks of this customer (external id).</param>
/// <param name="WorkOrderNo">Only tasks about this work order.</param>
/// <param name="DueBefore">Only tasks whose due window closes before this instant (ISO-8601 with offset; encode '+' as %2B).</param>
/// <param name="DueAfter">Only tasks whose due window closes at or after this instant.</param>
/// <param name="Limit">Page size, 1–200 (default 50).</param>
/// <param name="Cursor">The nextCursor of the previous page.</param>
public sealed record ListVisitTasks(
    [FromQuery(Name = "status")] VisitTaskStatus? Status = null,
    [FromQuery(Name = "assignee")] string? Assignee = null,
    [FromQuery(Name = "purpose")] VisitPurpose? Purpose = null,
    [FromQuery(Name = "channel")] ContactChannel? Channel = null,
    [FromQuery(Name = "customerId")] string? CustomerId = null,
    [FromQuery(Name = "workOrderNo")] string? WorkOrderNo = null,
    [FromQuery(Name = "dueBefore")] string? DueBefore = null,
    [FromQuery(Name = "dueAfter")] string? DueAfter = null,
    [FromQuery(Name = "limit")] int? Limit = null,
    [FromQuery(Name = "cursor")] string? Cursor = null) : IQuery<Result<VisitTaskPage>>
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    // The query string carries text; these are its meaning, defined once for the validator and the handler.
    internal DateTimeOffset? DueBeforeValue => StrictDateTimeOffsetConverter.TryParse(DueBefore, out var v) ? v : null;

    internal DateTimeOffset? DueAfterValue => StrictDateTimeOffsetConverter.TryParse(DueAfter, out var v) ? v : null;

    internal ListCursor? Position => ListCursor.TryDecode(Cursor, out var c) ? c : null;
}

/// <summary>One page of tasks, ordered by due time (dueWindow.by), then id.</summary>
/// <param name="Items">The tasks on this page.</param>
/// <param name="NextCursor">Pass as cursor to get the next page; null on the last page.</param>
public sealed record VisitTaskPage(IReadOnlyList<VisitTaskResponse> Items, string? NextCursor);

/// <summary>A position in the (dueBy, id) order. Opaque to callers.</summary>
public readonly record struct ListCursor(DateTimeOffset DueBy, Guid Id)
{
    public string Encode() => OpaqueCursor.Encode(DueBy.UtcTicks.ToString(CultureInfo.InvariantCulture), Id.ToString("N"));

    public static bool TryDecode(string? text, out ListCursor cursor)
    {
        cursor = default;
        if (OpaqueCursor.Decode(text) is [var ticksText, var idText]
            && long.TryParse(ticksText, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks
            && Guid.TryParseExact(idText, "N", out var id))
        {
            cursor = new ListCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
            return true;
        }

        return false;
    }
}

public sealed class ListVisitTasksHandler(HuiFangDbContext db, TimeProvider clock, ICurrentCaller caller) : IQueryHandler<ListVisitTasks, Result<VisitTaskPage>>
{
    public async ValueTask<Result<VisitTaskPage>> Handle(ListVisitTasks q, CancellationToken cancellationToken)
    {
        var limit = q.Limit ?? ListVisitTasks.DefaultLimit;
        var tasks = db.VisitTasks.AsNoTracking();
        if (q.Status is { } status)
        {
            tasks = tasks.Where(t => t.Status == status);
        }

        if (q.Assignee is { } assignee)
        {
            tasks = tasks.Where(t => t.Assignee == assignee);
        }

        if (q.Purpose is { } purpose)
        {
            tasks = tasks.Where(t => t.Purpose == purpose);
        }

        if (q.Channel is { } channel)
        {
            tasks = tasks.Where(t => t.Channel == channel);
        }

        if (q.CustomerId is { } customerId)
        {
            tasks = tasks.Where(t => t.CustomerExternalId == customerId);
        }

        if (q.WorkOrderNo is { } workOrderNo)
        {
            tasks = tasks.Where(t => t.WorkOrderNo == workOrderNo);
        }

        if (q.DueBeforeValue is { } before)
        {
            tasks = tasks.Where(t => t.DueBy < before);
        }

        if (q.DueAfterValue is { } after)
        {
            tasks = tasks.Where(t => t.DueBy >= after);
        }

        if (q.Position is { } cursor)
        {
            tasks = tasks.Where(t => t.DueBy > cursor.DueBy || (t.DueBy == cursor.DueBy && t.Id.CompareTo(cursor.Id) > 0));
        }

        var page = await tasks.OrderBy(t => t.DueBy).ThenBy(t => t.Id).Take(limit + 1).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var next = page.Count > limit ? new ListCursor(page[limit - 1].DueBy, page[limit - 1].Id).Encode() : null;
        var revealPhone = caller.Has(Scopes.PiiRead);
        return new VisitTaskPage([.. page.Take(limit).Select(t => VisitTaskResponse.From(t, now, revealPhone))], next);
    }
}
