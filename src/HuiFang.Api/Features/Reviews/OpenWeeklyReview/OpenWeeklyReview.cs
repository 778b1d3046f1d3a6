using System.ComponentModel.DataAnnotations;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.Reviews;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Api.Services.Reviews;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.Api.Features.Reviews.OpenWeeklyReview;

/// <summary>Open a department's weekly review by hand.</summary>
/// <param name="Department">The department; omit (or null) for the feedback without a department.</param>
/// <param name="Week">The ISO week, e.g. 2026-W48 (the running week too); required.</param>
public sealed record OpenWeeklyReview(string? Department = null, [property: Required] string? Week = null) : ICommand<Result<WeeklyReviewResponse>>, ITransactional;

public sealed class OpenWeeklyReviewValidator : AbstractValidator<OpenWeeklyReview>
{
    public OpenWeeklyReviewValidator()
    {
        RuleFor(x => x.Week).NotEmpty().IsoWeek();
        RuleFor(x => x.Department).Department();
    }
}

public sealed class OpenWeeklyReviewHandler(ReviewOpening opening, HuiFangDbContext db, ICurrentCaller caller, TimeProvider clock) : ICommandHandler<OpenWeeklyReview, Result<WeeklyReviewResponse>>
{
    public async ValueTask<Result<WeeklyReviewResponse>> Handle(OpenWeeklyReview command, CancellationToken cancellationToken)
    {
        ReviewWeek.TryParse(command.Week, out var week);
        var department = string.IsNullOrEmpty(command.Department) ? null : command.Department;
        var opened = await opening.OpenAsync(department, week, caller.Value!.Display, automatic: false, cancellationToken);
        if (!opened.IsSuccess)
        {
            return opened.Error!;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The monitor (or another caller) opened the same review at the same moment: the unique index refused this one.
            db.ChangeTracker.Clear();
            var label = week.ToString();
            var key = department ?? "";
            var existing = await db.WeeklyReviews.AsNoTracking().Where(r => r.Department == key && r.Week == label).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
            if (existing is null)
            {
                throw;
            }

            return ReviewErrors.AlreadyOpened(existing.Value, department, label);
        }

        return WeeklyReviewResponse.From(opened.Value, clock.GetUtcNow());
    }
}
