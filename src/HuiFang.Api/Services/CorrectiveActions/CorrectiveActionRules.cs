using HuiFang.Api.Domain.CorrectiveActions;
using HuiFang.Api.Domain.Quality;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Api.Services.Tenants;

namespace HuiFang.Api.Services.CorrectiveActions;

/// <summary>The tenant's rules for corrective actions: its quality policy (recurrence, due days) and its calendar (due dates end at local midnight).</summary>
public sealed class CorrectiveActionRules(TenantSettings settings, TimeProvider clock)
{
    /// <summary>The tenant's quality policy.</summary>
    public Task<QualityPolicy> PolicyAsync(CancellationToken cancellationToken) => settings.GetQualityPolicyAsync(cancellationToken);

    public async Task<RecurrenceRule> RecurrenceAsync(CancellationToken cancellationToken) => RecurrenceRule.Of(await PolicyAsync(cancellationToken));

    /// <summary>
    /// <paramref name="date"/> (or, when null, the policy's due days after today, tenant-local) and the instant it ends: the
    /// start of the next day in the tenant's time zone.
    /// </summary>
    public async Task<CorrectiveActionDue> DueAsync(DateOnly? date, CancellationToken cancellationToken)
    {
        var calendar = await settings.GetCalendarAsync(cancellationToken);
        var due = date ?? (await PolicyAsync(cancellationToken)).CorrectiveActionDueDate(calendar.LocalDate(clock.GetUtcNow()));
        return new CorrectiveActionDue(due, calendar.ToInstant(due.AddDays(1), TimeOnly.MinValue));
    }

    /// <summary>Today in the tenant's time zone.</summary>
    public async Task<DateOnly> TodayAsync(CancellationToken cancellationToken) =>
        (await settings.GetCalendarAsync(cancellationToken)).LocalDate(clock.GetUtcNow());

    /// <summary>Who is acting, as kept on the record (the caller's display name and id).</summary>
    public static string? Who(ICurrentCaller caller) =>
        caller.Value?.Display is { } display ? display[..Math.Min(display.Length, CorrectiveAction.MaxByLength)] : null;
}
