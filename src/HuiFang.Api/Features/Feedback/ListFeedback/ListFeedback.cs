using HuiFang.Api.Domain.Common;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Feedback.ListFeedback;

/// <summary>Which inquiries to list.</summary>
public enum InquiryFilter
{
    /// <summary>Unanswered inquiries with a promised reply.</summary>
    Open,

    /// <summary>Unanswered past the promised reply time.</summary>
    Overdue,
}

/// <summary>Feedback records, oldest first; filters combine with AND.</summary>
/// <param name="TaskId">Only the records of this visit task (corrections included).</param>
/// <param name="CustomerId">Only this customer's (external id).</param>
/// <param name="Verdict">Only this verdict.</param>
/// <param name="Inquiry">Open: only unanswered inquiries; Overdue: only those past their promised reply time.</param>
/// <param name="Current">true (default): leave out records superseded by a correction; false: include them.</param>
/// <param name="Limit">Page size, 1–200 (default 50).</param>
/// <param name="Cursor">The nextCursor of the previous page.</param>
public sealed record ListFeedback(
    [FromQuery(Name = "taskId")] Guid? TaskId = null,
    [FromQuery(Name = "customerId")] string? CustomerId = null,
    [FromQuery(Name = "verdict")] Verdict? Verdict = null,
    [FromQuery(Name = "inquiry")] InquiryFilter? Inquiry = null,
    [FromQuery(Name = "current")] bool? Current = null,
    [FromQuery(Name = "limit")] int? Limit = null,
    [FromQuery(Name = "cursor")] string? Cursor = null) : IQuery<Result<FeedbackPage>>
{
    public const int MaxLimit = 200;

    internal Guid? After => OpaqueCursor.Decode(Cursor) is [var id] && Guid.TryParseExact(id, "N", out var g) ? g : null;
}

/// <summary>One page of feedback records.</summary>
/// <param name="Items">The records, in the order they were recorded.</param>
/// <param name="NextCursor">Pass as cursor to get the next page; null on the last page.</param>
public sealed record FeedbackPage(IReadOnlyList<FeedbackResponse> Items, string? NextCursor);

public sealed class ListFeedbackValidator : AbstractValidator<ListFeedback>
{
    public ListFeedbackValidator()
    {
        RuleFor(x => x.Verdict).IsInEnum();
        RuleFor(x => x.Inquiry).IsInEnum();
        RuleFor(x => x.CustomerId).MaximumLength(FieldLimits.ExternalId);
        RuleFor(x => x.Limit).InclusiveBetween(1, ListFeedback.MaxLimit).WithMessage(_ => Messages.Get("validation.range", 1, ListFeedback.MaxLimit));
        RuleFor(x => x.After).NotNull().WithMessage(_ => Messages.Get("validation.cursor")).OverridePropertyName("cursor").When(x => x.Cursor is not null);
    }
}

public sealed class ListFeedbackHandler(HuiFangDbContext db, TimeProvider clock) : IQueryHandler<ListFeedback, Result<FeedbackPage>>
{
    public async ValueTask<Result<FeedbackPage>> Handle(ListFeedback q, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var limit = q.Limit ?? 50;
        var items = db.FeedbackRecords.AsNoTracking();
        if (q.Current ?? true)
        {
            items = items.Where(f => f.SupersededBy == null);
        }

        if (q.TaskId is { } taskId)
        {
            items = items.Where(f => f.TaskId == taskId);
        }

        if (q.CustomerId is { } customerId)
        {
            items = items.Where(f => f.CustomerExternalId == customerId);
        }

        if (q.Verdict is { } verdict)
        {
            items = items.Where(f => f.Verdict == verdict);
        }

        if (q.Inquiry is { } inquiry)
        {
            items = items.Where(f => f.InquiryReplyDueBy != null && f.InquiryRepliedAt == null);
            if (inquiry == InquiryFilter.Overdue)
            {
                items = items.Where(f => f.InquiryReplyDueBy < now);
            }
        }

        if (q.After is { } after)
        {
            items = items.Where(f => f.Id.CompareTo(after) > 0);
        }

        var page = await items.OrderBy(f => f.Id).Take(limit + 1).ToListAsync(cancellationToken);
        var next = page.Count > limit ? OpaqueCursor.Encode(page[limit - 1].Id.ToString("N")) : null;
        return new FeedbackPage([.. page.Take(limit).Select(f => FeedbackResponse.From(f, now))], next);
    }
}
