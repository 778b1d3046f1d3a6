using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Reviews;

namespace HuiFang.Api.Features.Reviews;

/// <summary>The input rules the review requests share.</summary>
internal static class ReviewRules
{
    /// <summary>An ISO week <c>YYYY-Www</c> that exists (2026-W54 does not; W53 only in long years).</summary>
    public static IRuleBuilderOptions<T, string?> IsoWeek<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(w => w is null || ReviewWeek.TryParse(w, out _)).WithMessage(_ => Messages.Get("review.week"));

    /// <summary>A department code as the feedback carries it (letters, digits, '-', '_', '.'; at most 64).</summary>
    public static IRuleBuilderOptions<T, string?> Department<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(FieldLimits.Code).Must(d => d is null || d.Length == 0 || ValidationRules.IsCode(d)).WithMessage(_ => Messages.Get("policy.serviceType"));
}
