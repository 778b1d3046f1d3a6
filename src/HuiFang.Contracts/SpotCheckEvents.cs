namespace HuiFang.Contracts;

/// <summary>
/// A monthly spot-check of the follow-up records was opened at a level, with its sample of the month's completed visits
/// per agent. A spot-check is about many visits, not one customer: the event names no customer or work order.
/// </summary>
/// <param name="EventId">Unique id of this event; the broker's message id.</param>
/// <param name="OccurredAt">When the spot-check was opened (UTC).</param>
/// <param name="TenantId">The tenant.</param>
/// <param name="SpotCheckId">The spot-check.</param>
/// <param name="Month">The month checked, <c>YYYY-MM</c> in the tenant's time zone.</param>
/// <param name="Level">Who checks: <c>Supervisor</c>, <c>ProjectManager</c>, <c>QualityDepartment</c> or <c>RegionalDirector</c>.</param>
/// <param name="Department">Only this department's visits; null for every department.</param>
/// <param name="Percent">The share of each agent's visits taken (rounded up), or null.</param>
/// <param name="CountPerAgent">The fixed count taken per agent, or null.</param>
/// <param name="Population">The month's completed visits the sample was drawn from.</param>
/// <param name="Agents">The agents who had visits in the month.</param>
/// <param name="Picks">The visits picked.</param>
/// <param name="OpenedBy">Who opened it (the caller).</param>
[IntegrationEvent("spot-check-opened")]
public sealed record SpotCheckOpened(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string TenantId,
    Guid SpotCheckId,
    string Month,
    string Level,
    string? Department,
    int? Percent,
    int? CountPerAgent,
    int Population,
    int Agents,
    int Picks,
    string OpenedBy) : IIntegrationEvent
{
    string IIntegrationEvent.CustomerExternalId => "";

    string IIntegrationEvent.WorkOrderNo => "";
}

/// <summary>
/// A spot-check was completed: every picked visit was judged real, complete, objective and on time or not. Failed
/// picks are what a quality department follows up (a corrective action for a recurring one).
/// </summary>
/// <param name="EventId">Unique id of this event; the broker's message id.</param>
/// <param name="OccurredAt">When it was completed (UTC).</param>
/// <param name="TenantId">The tenant.</param>
/// <param name="SpotCheckId">The spot-check.</param>
/// <param name="Month">The month checked, <c>YYYY-MM</c>.</param>
/// <param name="Level">Who checked: <c>Supervisor</c>, <c>ProjectManager</c>, <c>QualityDepartment</c> or <c>RegionalDirector</c>.</param>
/// <param name="Department">Only this department's visits; null for every department.</param>
/// <param name="Checked">The picks judged (all of them).</param>
/// <param name="Passed">Picks judged real, complete, objective and on time.</param>
/// <param name="Failed">Picks that failed at least one criterion.</param>
/// <param name="PassRate">Passed ÷ checked (0–1, 4 places); null for an empty spot-check.</param>
/// <param name="NotReal">Picks whose visit was judged not real.</param>
/// <param name="Incomplete">Picks whose record was judged incomplete.</param>
/// <param name="NotObjective">Picks whose record was judged not objective.</param>
/// <param name="Late">Picks whose record was judged not on time.</param>
/// <param name="CompletedBy">Who completed it (the caller).</param>
[IntegrationEvent("spot-check-completed")]
public sealed record SpotCheckCompleted(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string TenantId,
    Guid SpotCheckId,
    string Month,
    string Level,
    string? Department,
    int Checked,
    int Passed,
    int Failed,
    double? PassRate,
    int NotReal,
    int Incomplete,
    int NotObjective,
    int Late,
    string CompletedBy) : IIntegrationEvent
{
    string IIntegrationEvent.CustomerExternalId => "";

    string IIntegrationEvent.WorkOrderNo => "";
}
