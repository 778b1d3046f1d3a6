using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.SpotChecks;

namespace HuiFang.Api.Features.SpotChecks;

/// <summary>The rules the open and the preview share: a month, a level, at most one of percent and countPerAgent, a department.</summary>
public interface ISpotCheckInput
{
    string? Month { get; }

    SpotCheckLevel? Level { get; }

    int? Percent { get; }

    int? CountPerAgent { get; }

    string? Department { get; }
}

public static class SpotCheckInputRules
{
    public static void SampleRules<T>(this AbstractValidator<T> v)
        where T : ISpotCheckInput
    {
        v.RuleFor(x => x.Month).NotEmpty();
        v.RuleFor(x => x.Month)
            .Must(m => SpotCheckMonth.TryParse(m, out _)).WithMessage(_ => Messages.Get("spotCheck.month"))
            .When(x => !string.IsNullOrEmpty(x.Month));
        v.RuleFor(x => x.Level).NotNull().IsInEnum();
        v.RuleFor(x => x.Percent).InclusiveBetween(1, 100).WithMessage(_ => Messages.Get("validation.range", 1, 100));
        v.RuleFor(x => x.CountPerAgent)
            .InclusiveBetween(1, SampleRule.MaxCountPerAgent).WithMessage(_ => Messages.Get("validation.range", 1, SampleRule.MaxCountPerAgent));
        v.RuleFor(x => x.CountPerAgent)
            .Null().WithMessage(_ => Messages.Get("spotCheck.oneRule"))
            .When(x => x.Percent is not null);
        v.RuleFor(x => x.Department).NotEmpty().MaximumLength(FieldLimits.Code).When(x => x.Department is not null);
    }

    /// <summary>The rule the input names, or null for the policy's default.</summary>
    public static SampleRule? RuleOf(ISpotCheckInput input) =>
        input.Percent is { } p ? SampleRule.OfPercent(p)
        : input.CountPerAgent is { } c ? SampleRule.OfCount(c)
        : null;
}
