namespace HuiFang.Api.Domain.Escalations;

/// <summary>
/// Where an escalation goes: the first rule whose service type and department (of the original work
/// order) match — a rule naming both beats one naming one, which beats a rule naming neither.
/// </summary>
/// <param name="ServiceType">Matches the work order's service type (case-insensitive); null matches any.</param>
/// <param name="Department">Matches the department of the original work order; null matches any.</param>
/// <param name="ToDepartment">The department that handles the escalation.</param>
/// <param name="Owner">The person responsible in that department, if one is named.</param>
/// <param name="Supervisor">Who takes over at level Supervisor (after a breach or the first reopen).</param>
/// <param name="Manager">Who takes over at level Manager.</param>
public sealed record RoutingRule(string? ServiceType, string? Department, string ToDepartment, string? Owner = null, string? Supervisor = null, string? Manager = null)
{
    public int Specificity => (ServiceType is null ? 0 : 2) + (Department is null ? 0 : 1);

    public bool Matches(string serviceType, string? department) =>
        (ServiceType is null || string.Equals(ServiceType, serviceType, StringComparison.OrdinalIgnoreCase))
        && (Department is null || string.Equals(Department, department, StringComparison.OrdinalIgnoreCase));
}
