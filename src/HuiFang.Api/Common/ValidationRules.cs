using System.Text.RegularExpressions;
using FluentValidation;

namespace HuiFang.Api.Common;

/// <summary>Field rules shared by several validators.</summary>
public static partial class ValidationRules
{
    public static IRuleBuilderOptions<T, string> PhoneNumber<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty()
            .MaximumLength(Infrastructure.Persistence.FieldLimits.Phone)
            .Matches(PhonePattern()).WithMessage(_ => Messages.Get("validation.phone"));

    /// <summary>A code such as a service type or department: letters, digits, '-', '_' and '.'.</summary>
    public static IRuleBuilderOptions<T, string> Code<T>(this IRuleBuilder<T, string> rule) =>
        rule.Matches(CodePattern());

    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{3,30}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N}_.\-]*$")]
    private static partial Regex CodePattern();
}
