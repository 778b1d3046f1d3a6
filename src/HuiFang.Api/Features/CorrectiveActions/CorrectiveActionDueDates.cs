using HuiFang.Api.Services.CorrectiveActions;

namespace HuiFang.Api.Features.CorrectiveActions;

/// <summary>A due date a caller gives is a day from today (tenant-local) to ten years ahead.</summary>
public static class CorrectiveActionDueDates
{
    public const int MaxYearsAhead = 10;

    public static async Task<bool> IsAllowedAsync(CorrectiveActionRules rules, DateOnly date, CancellationToken cancellationToken)
    {
        var today = await rules.TodayAsync(cancellationToken);
        return date >= today && date <= today.AddYears(MaxYearsAhead);
    }
}
