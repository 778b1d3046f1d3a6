using HuiFang.Api.Domain.Feedback;
using HuiFang.Api.Domain.Quality;

namespace HuiFang.Api.Domain.CorrectiveActions;

/// <summary>
/// What "the same problem" means for the recurrence rule: the same service type in the same department
/// (<see cref="RecurrenceKind.ServiceTypeAndDepartment"/>), or the same feedback category in the same department
/// (<see cref="RecurrenceKind.Category"/>). Feedback without a department has the department null. <see cref="ToString"/>
/// is stable (stored, indexed and compared): <c>ServiceTypeAndDepartment:{serviceType}|{department}</c> or
/// <c>Category:{category}|{department}</c>, each value percent-encoded.
/// </summary>
public sealed record ProblemKey(RecurrenceKind Kind, string? ServiceType, string? Department, FeedbackCategory? Category)
{
    /// <summary>The longest <see cref="ToString"/> a valid key can have (values of at most 64 characters, each encoded to at most 12 bytes' worth).</summary>
    public const int MaxLength = 800;

    public static ProblemKey ForServiceType(string serviceType, string? department) =>
        new(RecurrenceKind.ServiceTypeAndDepartment, serviceType, Normalise(department), null);

    public static ProblemKey ForCategory(FeedbackCategory category, string? department) =>
        new(RecurrenceKind.Category, null, Normalise(department), category);

    /// <summary>Whether the key names what its kind needs (a service type, or a category) and nothing else.</summary>
    public bool IsWellFormed => Kind switch
    {
        RecurrenceKind.ServiceTypeAndDepartment => !string.IsNullOrEmpty(ServiceType) && Category is null,
        RecurrenceKind.Category => Category is not null && ServiceType is null && Enum.IsDefined(Category.Value),
        _ => false,
    };

    /// <summary>Whether <paramref name="feedback"/> is an occurrence of this problem (see <see cref="RecurrenceRule"/>).</summary>
    public bool Matches(FeedbackRecord feedback) =>
        Normalise(feedback.Department) == Department && Kind switch
        {
            RecurrenceKind.ServiceTypeAndDepartment => feedback.ServiceType == ServiceType && feedback.IsUnsatisfied,
            RecurrenceKind.Category => Category is { } c && feedback.Has(c),
            _ => false,
        };

    public override string ToString() => Kind switch
    {
        RecurrenceKind.ServiceTypeAndDepartment => $"{Kind}:{Uri.EscapeDataString(ServiceType ?? "")}|{Uri.EscapeDataString(Department ?? "")}",
        _ => $"{Kind}:{Category}|{Uri.EscapeDataString(Department ?? "")}",
    };

    private static string? Normalise(string? department) => string.IsNullOrEmpty(department) ? null : department;
}
