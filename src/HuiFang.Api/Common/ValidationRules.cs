using System.Text.RegularExpressions;
using FluentValidation;

namespace HuiFang.Api.Common;

/// <summary>Field rules shared by several validators.</summary>
public static partial class ValidationRules
{
    /// <summary>How far ahead a caller may plan anything; keeps date arithmetic far from its limits.</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(731);

    /// <summary>How old a completed service may be to still get a follow-up.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(5 * 366);

    public static IRuleBuilderOptions<T, DateTimeOffset?> NotTooFarAhead<T>(this IRuleBuilder<T, DateTimeOffset?> rule, TimeProvider clock) =>
        rule.Must(at => at is null || at <= clock.GetUtcNow() + MaxAhead)
            .WithMessage(_ => Messages.Get("validation.tooFarAhead", (int)MaxAhead.TotalDays));

    public static IRuleBuilderOptions<T, string> PhoneNumber<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty()
            .MaximumLength(FieldLimits.Phone)
            .Matches(PhonePattern()).WithMessage(_ => Messages.Get("validation.phone"));

    /// <summary>A code such as a service type or department: letters, digits, '-', '_' and '.'.</summary>
    /// <summary>A batch's items: present, and between 1 and <paramref name="max"/> of them (each item is validated on its own).</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<TItem>?> BatchOf<T, TItem>(this IRuleBuilder<T, IReadOnlyList<TItem>?> rule, int max) =>
        rule.NotNull()
            .Must(items => items is null || (items.Count >= 1 && items.Count <= max))
            .WithMessage(_ => Messages.Get("validation.batchSize", max));

    public static IRuleBuilderOptions<T, string> Code<T>(this IRuleBuilder<T, string> rule) =>
        rule.Matches(CodePattern());

    /// <summary>A tenant id: a code of at most 64 characters (letters, digits, '-', '_', '.').</summary>
    public static bool IsCode(string value) => value.Length <= FieldLimits.TenantId && CodePattern().IsMatch(value);

    public static IRuleBuilderOptions<T, string> TenantId<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(FieldLimits.TenantId).Matches(CodePattern());

    /// <summary>
    /// Validates a nested value with its own validator and reports each failure under
    /// <paramref name="prefix"/> + the nested field's name — the body's own field names when the nested
    /// value is the whole body (prefix ""). A missing value is reported under the prefix (or "$").
    /// </summary>
    public static void ValidateWith<T, TChild>(this IRuleBuilderInitial<T, TChild?> rule, IValidator<TChild> validator, string prefix = "")
        where TChild : class =>
        rule.Custom((value, context) =>
        {
            if (value is null)
            {
                context.AddFailure(prefix.Length > 0 ? prefix.TrimEnd('.') : "$", Messages.Get("problem.emptyBody"));
                return;
            }

            foreach (var failure in validator.Validate(value).Errors)
            {
                context.AddFailure(prefix + failure.PropertyName, failure.ErrorMessage);
            }
        });

    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{3,30}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N}_.\-]*$")]
    private static partial Regex CodePattern();
}
