using HuiFang.Api.Domain.Common;
using System.Globalization;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Escalations;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Escalations.ListEscalations;

/// <summary>The tenant's escalation queue: filters combine with AND; ordered by the nearest unmet deadline.</summary>
/// <param name="Status">Only escalations in this status.</param>
/// <param name="Department">Only this department's.</param>
/// <param name="Owner">Only this person's.</param>
/// <param name="Severity">Only Urgent or only General.</param>
/// <param name="Level">Only at this level.</param>
/// <param name="Breached">true: only those with a missed target in the current cycle; false: only those without.</param>
/// <param name="DueBefore">Only those whose nearest deadline is before this instant (ISO-8601 with offset; encode '+' as %2B).</param>
/// <param name="TaskId">Only the escalations of this visit task.</param>
/// <param name="CustomerId">Only this customer's (external id).</param>
/// <param name="Limit">Page size, 1–200 (default 50).</param>
/// <param name="Cursor">The nextCursor of the previous page.</param>
public sealed record ListEscalations(
    [FromQuery(Name = "status")] EscalationStatus? Status = null,
    [FromQuery(Name = "department")] string? Department = null,
    [FromQuery(Name = "owner")] string? Owner = null,
    [FromQuery(Name = "severity")] EscalationSeverity? Severity = null,
    [FromQuery(Name = "level")] EscalationLevel? Level = null,
    [FromQuery(Name = "breached")] bool? Breached = null,
    [FromQuery(Name = "dueBefore")] string? DueBefore = null,
    [FromQuery(Name = "taskId")] Guid? TaskId = null,
    [FromQuery(Name = "customerId")] string? CustomerId = null,
    [FromQuery(Name = "limit")] int? Limit = null,
    [FromQuery(Name = "cursor")] string? Cursor = null) : IQuery<Result<EscalationPage>>
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    internal DateTimeOffset? DueBeforeValue => StrictDateTimeOffsetConverter.TryParse(DueBefore, out var v) ? v : null;

    internal QueueCursor? Position => QueueCursor.TryDecode(Cursor, out var c) ? c : null;
}

/// <summary>One page of the queue.</summary>
/// <param name="Items">The escalations on this page: nearest deadline first, those without a running deadline (paused, resolved, closed) last.</param>
/// <param name="NextCursor">Pass as cursor to get the next page; null on the last page.</param>
public sealed record EscalationPage(IReadOnlyList<EscalationResponse> Items, string? NextCursor);

/// <summary>A position in the (nearest deadline, nulls last; id) order. Opaque to callers.</summary>
public readonly record struct QueueCursor(DateTimeOffset? DueBy, Guid Id)
{
    public string Encode() => OpaqueCursor.Encode(DueBy is { } d ? d.UtcTicks.ToString(CultureInfo.InvariantCulture) : "-", Id.ToString("N"));

    public static bool TryDecode(string? text, out QueueCursor cursor)
    {
        cursor = default;
        if (OpaqueCursor.Decode(text) is not [var ticksText, var idText] || !Guid.TryParseExact(idText, "N", out var id))
        {
            return false;
        }

        if (ticksText == "-")
        {
            cursor = new QueueCursor(null, id);
            return true;
        }

        if (long.TryParse(ticksText, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks)
        {
            cursor = new QueueCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
            return true;
        }

        return false;
    }
}

public sealed class ListEscalationsValidator : AbstractValidator<ListEscalations>
{
    public ListEscalationsValidator()
    {
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.Severity).IsInEnum();
        RuleFor(x => x.Level).IsInEnum();
        RuleFor(x => x.Department).MaximumLength(FieldLimits.Code);
        RuleFor(x => x.Owner).MaximumLength(FieldLimits.Name);
        RuleFor(x => x.CustomerId).MaximumLength(FieldLimits.ExternalId);
        RuleFor(x => x.Limit)
            .InclusiveBetween(1, ListEscalations.MaxLimit).WithMessage(_ => Messages.Get("validation.range", 1, ListEscalations.MaxLimit));
        RuleFor(x => x.DueBeforeValue)
            .NotNull().WithMessage(_ => Messages.Get("validation.offsetRequired"))
            .OverridePropertyName("dueBefore")
            .When(x => x.DueBefore is not null);
        RuleFor(x => x.Position)
            .NotNull().WithMessage(_ => Messages.Get("validation.cursor"))
            .OverridePropertyName("cursor")
            .When(x => x.Cursor is not null);
    }
}

public sealed class ListEscalationsHandler(HuiFangDbContext db, TimeProvider clock) : IQueryHandler<ListEscalations, Result<EscalationPage>>
{
    public async ValueTask<Result<EscalationPage>> Handle(ListEscalations q, CancellationToken cancellationToken)
    {
        var limit = q.Limit ?? ListEscalations.DefaultLimit;
        var items = db.Escalations.AsNoTracking();
        if (q.Status is { } status)
        {
            items = items.Where(e => e.Status == status);
        }

        if (q.Department is { } department)
        {
            items = items.Where(e => e.Department == department);
        }

        if (q.Owner is { } owner)
        {
            items = items.Where(e => e.Owner == owner);
        }

        if (q.Severity is { } severity)
        {
            items = items.Where(e => e.Severity == severity);
        }

        if (q.Level is { } level)
        {
            items = items.Where(e => e.Level == level);
        }

        if (q.Breached is { } breached)
        {
            items = breached
                ? items.Where(e => e.ResponseSla.BreachedAt != null || e.ResolutionSla.BreachedAt != null)
                : items.Where(e => e.ResponseSla.BreachedAt == null && e.ResolutionSla.BreachedAt == null);
        }

        if (q.DueBeforeValue is { } before)
        {
            items = items.Where(e => e.NextDueBy != null && e.NextDueBy < before);
        }

        if (q.TaskId is { } taskId)
        {
            items = items.Where(e => e.TaskId == taskId);
        }

        if (q.CustomerId is { } customerId)
        {
            items = items.Where(e => e.CustomerExternalId == customerId);
        }

        if (q.Position is { } cursor)
        {
            items = cursor.DueBy is { } due
                ? items.Where(e => e.NextDueBy == null || e.NextDueBy > due || (e.NextDueBy == due && e.Id.CompareTo(cursor.Id) > 0))
                : items.Where(e => e.NextDueBy == null && e.Id.CompareTo(cursor.Id) > 0);
        }

        var page = await items.OrderBy(e => e.NextDueBy == null).ThenBy(e => e.NextDueBy).ThenBy(e => e.Id)
            .Take(limit + 1).ToListAsync(cancellationToken);
        var next = page.Count > limit ? new QueueCursor(page[limit - 1].NextDueBy, page[limit - 1].Id).Encode() : null;
        var now = clock.GetUtcNow();
        return new EscalationPage([.. page.Take(limit).Select(e => EscalationResponse.From(e, now))], next);
    }
}
