using FluentValidation;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.SpotChecks;
using HuiFang.Api.Common;
using HuiFang.Api.Services.SpotChecks;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HuiFang.Api.Features.SpotChecks.PreviewSpotCheck;

/// <summary>Draw the sample a spot-check would take now, without opening one.</summary>
/// <param name="Month">The month, YYYY-MM in the tenant's time zone.</param>
/// <param name="Level">Supervisor, ProjectManager, QualityDepartment or RegionalDirector.</param>
/// <param name="Percent">Share of each agent's visits, 1–100.</param>
/// <param name="CountPerAgent">Or a count per agent, 1–1000; without either the quality policy's default.</param>
/// <param name="Department">Only this department's visits.</param>
public sealed record PreviewSpotCheck(
    [FromQuery(Name = "month"), DocumentedAsRequired] string? Month = null,
    [FromQuery(Name = "level"), DocumentedAsRequired] SpotCheckLevel? Level = null,
    [FromQuery(Name = "percent")] int? Percent = null,
    [FromQuery(Name = "countPerAgent")] int? CountPerAgent = null,
    [FromQuery(Name = "department")] string? Department = null) : IQuery<Result<SpotCheckPreview>>, ISpotCheckInput;

public sealed class PreviewSpotCheckValidator : AbstractValidator<PreviewSpotCheck>
{
    public PreviewSpotCheckValidator() => this.SampleRules();
}

public sealed class PreviewSpotCheckHandler(SpotCheckSampler sampler) : IQueryHandler<PreviewSpotCheck, Result<SpotCheckPreview>>
{
    public async ValueTask<Result<SpotCheckPreview>> Handle(PreviewSpotCheck query, CancellationToken cancellationToken)
    {
        SpotCheckMonth.TryParse(query.Month, out var month);
        if (!await sampler.HasBegunAsync(month, cancellationToken))
        {
            return SpotCheckErrors.FutureMonth();
        }

        var level = query.Level!.Value;
        var drawn = await sampler.DrawAsync(month, level, SpotCheckInputRules.RuleOf(query), query.Department, cancellationToken);
        return SpotCheckPreview.From(drawn, level, query.Department);
    }
}
