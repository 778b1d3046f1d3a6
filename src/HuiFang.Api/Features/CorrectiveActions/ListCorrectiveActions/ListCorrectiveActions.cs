using System.Globalization;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.CorrectiveActions;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.CorrectiveActions.ListCorrectiveActions;

/// <summary>The tenant's corrective actions, newest first; filters combine with AND.</summary>
/// <param name="Status">Only actions in this status.</param>
/// <param name="Department">Only this department's.</param>
/// <param name="Overdue">true: only those past their due date and not implemented (Proposed, Open); false: only the others.</param>
/// <param name="Source">Only those opened this way: Manual, Review or Recurrence.</param>
/// <param name="FeedbackId">Only those linked to this feedback record.</param>
/// <param name="EscalationId">Only those linked to this escalation.</param>
/// <param name="Limit">Page size, 1–200 (default 50).</param>
/// <param name="Cursor">The nextCursor of the previous page.</param>
public sealed record ListCorrectiveActions(
    [FromQuery(Name = "status")] CorrectiveActionStatus? Status = null,
    [FromQuery(Name = "department")] string? Department = null,
    [FromQuery(Name = "overdue")] bool? Overdue = null,
    [FromQuery(Name = "source")] CorrectiveActionSource? Source = null,
    [FromQuery(Name = "feedbackId")] Guid? FeedbackId = null,
    [FromQuery(Name = "escalationId")] Guid? EscalationId = null,
    [FromQuery(Name = "limit")] int? Limit = null,
    [FromQuery(Name = "cursor")] string? Cursor = null) : IQuery<Result<CorrectiveActionPage>>
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    internal ActionCursor? Position => ActionCursor.TryDecode(Cursor, out var c) ? c : null;
}

/// <summary>One page of corrective actions.</summary>
/// <param name="Items">The actions on this page, newest first.</param>
/// <param name="NextCursor">Pass as cursor to get the next page; null on the last page.</param>
public sealed record CorrectiveActionPage(IReadOnlyList<CorrectiveActionResponse> Items, string? NextCursor);

/// <summary>A position in the (opened, newest first; id) order. Opaque to callers.</summary>
public readonly record struct ActionCursor(DateTimeOffset OpenedAt, Guid Id)
{
    public string Encode() => OpaqueCursor.Encode(OpenedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), Id.ToString("N"));

    public static bool TryDecode(string? text, out ActionCursor cursor)
    {
        cursor = default;
        if (OpaqueCursor.Decode(text) is [var ticksText, var idText]
            && Guid.TryParseExact(idText, "N", out var id)
            && long.TryParse(ticksText, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks)
        {
            cursor = new ActionCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
            return true;
        }

        return false;
    }
}

public sealed class ListCorrectiveActionsValidator : AbstractValidator<ListCorrectiveActions>
{
    public ListCorrectiveActionsValidator()
    {
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.Source).IsInEnum();
        RuleFor(x => x.Department).MaximumLength(FieldLimits.Code);
        RuleFor(x => x.Limit)
            .InclusiveBetween(1, ListCorrectiveActions.MaxLimit).WithMessage(_ => Messages.Get("validation.range", 1, ListCorrectiveActions.MaxLimit));
        RuleFor(x => x.Position)
            .NotNull().WithMessage(_ => Messages.Get("validation.cursor"))
            .OverridePropertyName("cursor")
            .When(x => x.Cursor is not null);
    }
}

public sealed class ListCorrectiveActionsHandler(HuiFangDbContext db, TimeProvider clock) : IQueryHandler<ListCorrectiveActions, Result<CorrectiveActionPage>>
{
    public async ValueTask<Result<CorrectiveActionPage>> Handle(ListCorrectiveActions q, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var limit = q.Limit ?? ListCorrectiveActions.DefaultLimit;
        var items = db.CorrectiveActions.AsNoTracking();
        if (q.Status is { } status)
        {
            items = items.Where(a => a.Status == status);
        }

        if (q.Department is { } department)
        {
            items = items.Where(a => a.Department == department);
        }

        if (q.Source is { } source)
        {
            items = items.Where(a => a.Source == source);
        }

        if (q.Overdue is { } overdue)
        {
            items = overdue
                ? items.Where(a => (a.Status == CorrectiveActionStatus.Proposed || a.Status == CorrectiveActionStatus.Open) && a.DueAt <= now)
                : items.Where(a => !((a.Status == CorrectiveActionStatus.Proposed || a.Status == CorrectiveActionStatus.Open) && a.DueAt <= now));
        }

        if (q.FeedbackId is { } feedbackId)
        {
            items = items.Where(a => a.Links.Any(l => l.Kind == CorrectiveActionLinkKind.Feedback && l.TargetId == feedbackId));
        }

        if (q.EscalationId is { } escalationId)
        {
            items = items.Where(a => a.Links.Any(l => l.Kind == CorrectiveActionLinkKind.Escalation && l.TargetId == escalationId));
        }

        if (q.Position is { } cursor)
        {
            items = items.Where(a => a.OpenedAt < cursor.OpenedAt || (a.OpenedAt == cursor.OpenedAt && a.Id.CompareTo(cursor.Id) < 0));
        }

        var page = await items.OrderByDescending(a => a.OpenedAt).ThenByDescending(a => a.Id).Take(limit + 1).ToListAsync(cancellationToken);
        var next = page.Count > limit ? new ActionCursor(page[limit - 1].OpenedAt, page[limit - 1].Id).Encode() : null;
        return new CorrectiveActionPage([.. page.Take(limit).Select(a => CorrectiveActionResponse.From(a, now))], next);
    }
}
