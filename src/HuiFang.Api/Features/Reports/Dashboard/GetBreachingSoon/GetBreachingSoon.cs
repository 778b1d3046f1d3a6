using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Escalations;
using HuiFang.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Reports.Dashboard.GetBreachingSoon;

/// <summary>The open escalations whose next SLA deadline falls within the next 24 hours (the dashboard's <c>breaching-soon</c>).</summary>
/// <param name="Department">Only this handling department; null for every department.</param>
public sealed record GetBreachingSoon(string? Department) : IQuery<Result<IReadOnlyList<BreachingEscalation>>>;

/// <summary>An escalation about to miss a target: its next unmet deadline (response or resolution) is within 24 hours.</summary>
public sealed record BreachingEscalation(Guid Id, string WorkOrderNo, string Department, string? Owner, EscalationSeverity Severity, EscalationStatus Status, DateTimeOffset DueBy);

public sealed class GetBreachingSoonValidator : AbstractValidator<GetBreachingSoon>
{
    public GetBreachingSoonValidator() => RuleFor(x => x.Department).MaximumLength(FieldLimits.Code);
}

public sealed class GetBreachingSoonHandler(HuiFangDbContext db, TimeProvider clock) : IQueryHandler<GetBreachingSoon, Result<IReadOnlyList<BreachingEscalation>>>
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <summary>A long list is not a dashboard; the page says when it shows only the first ones.</summary>
    public const int MaxRows = 200;

    public async ValueTask<Result<IReadOnlyList<BreachingEscalation>>> Handle(GetBreachingSoon query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = now + Window;

        // NextDueBy is the nearest unmet deadline; null while paused or once resolved (then nothing can breach).
        var rows = await db.Escalations.AsNoTracking()
            .Where(e => e.NextDueBy != null && e.NextDueBy > now && e.NextDueBy <= until)
            .Where(e => e.Status != EscalationStatus.Resolved && e.Status != EscalationStatus.Closed && e.Status != EscalationStatus.Paused)
            .Where(e => query.Department == null || e.Department == query.Department)
            .OrderBy(e => e.NextDueBy).ThenBy(e => e.Id)
            .Take(MaxRows)
            .Select(e => new BreachingEscalation(e.Id, e.WorkOrderNo, e.Department, e.Owner, e.Severity, e.Status, e.NextDueBy!.Value))
            .ToListAsync(cancellationToken);
        return rows;
    }
}
