using HuiFang.Api.Common;
using HuiFang.Api.Domain.CorrectiveActions;
using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Domain.Quality;

namespace HuiFang.Api.Features.CorrectiveActions;

/// <summary>A problem as a caller names it.</summary>
/// <param name="Kind">ServiceTypeAndDepartment (with serviceType) or Category (with category).</param>
/// <param name="ServiceType">The service type, for ServiceTypeAndDepartment.</param>
/// <param name="Department">The department; omit it for feedback without one.</param>
/// <param name="Category">Complaint or Suggestion, for Category.</param>
public sealed record ProblemInput(
    [property: System.ComponentModel.DataAnnotations.Required] RecurrenceKind? Kind,
    string? ServiceType = null,
    string? Department = null,
    FeedbackCategory? Category = null)
{
    /// <summary>The key, or null when the input does not name a problem the recurrence rule counts.</summary>
    public ProblemKey? ToKey() => Kind switch
    {
        RecurrenceKind.ServiceTypeAndDepartment when !string.IsNullOrEmpty(ServiceType) && Category is null && Fits(ServiceType) && Fits(Department) =>
            ProblemKey.ForServiceType(ServiceType, Department),
        RecurrenceKind.Category when Category is { } c && ServiceType is null && RecurrenceRule.CountedCategories.Contains(c) && Fits(Department) =>
            ProblemKey.ForCategory(c, Department),
        _ => null,
    };

    private static bool Fits(string? value) => value is null || value.Length <= FieldLimits.Code;
}
