using System.ComponentModel.DataAnnotations;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.SpotChecks;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Api.Services.SpotChecks;
using Mediator;

namespace HuiFang.Api.Features.SpotChecks.OpenSpotCheck;

/// <summary>Open a monthly spot-check: the month's completed visits are sampled per agent.</summary>
/// <param name="Month">The month to check, YYYY-MM in the tenant's time zone (e.g. 2026-11).</param>
/// <param name="Level">Who checks: Supervisor, ProjectManager, QualityDepartment or RegionalDirector.</param>
/// <param name="Percent">Take this share of each agent's visits, 1–100 (rounded up: at least one of an agent who had any).</param>
/// <param name="CountPerAgent">Or take this many of each agent's visits, 1–1000 (all of them when fewer). Without either, the quality policy's default (10 %).</param>
/// <param name="Department">Only this department's visits; omit for every department.</param>
public sealed record OpenSpotCheck(
    [property: Required] string? Month,
    [property: Required] SpotCheckLevel? Level,
    int? Percent = null,
    int? CountPerAgent = null,
    string? Department = null) : ICommand<Result<SpotCheckResponse>>, ITransactional, ISpotCheckInput;

public sealed class OpenSpotCheckValidator : AbstractValidator<OpenSpotCheck>
{
    public OpenSpotCheckValidator() => this.SampleRules();
}

public sealed class OpenSpotCheckHandler(HuiFangDbContext db, SpotCheckSampler sampler, ICurrentCaller caller, TimeProvider clock)
    : ICommandHandler<OpenSpotCheck, Result<SpotCheckResponse>>
{
    public async ValueTask<Result<SpotCheckResponse>> Handle(OpenSpotCheck command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        SpotCheckMonth.TryParse(command.Month, out var month);
        if (!await sampler.HasBegunAsync(month, cancellationToken))
        {
            return SpotCheckErrors.FutureMonth();
        }

        var level = command.Level!.Value;
        var drawn = await sampler.DrawAsync(month, level, SpotCheckInputRules.RuleOf(command), command.Department, cancellationToken);
        var check = SpotCheck.Open(
            Guid.CreateVersion7(now), drawn.Month, drawn.Start, drawn.End, level, command.Department, drawn.Rule, drawn.RuleFromPolicy,
            drawn.Population, drawn.Agents, drawn.Picks, caller.Value!.Display, now);
        db.SpotChecks.Add(check);
        await db.SaveChangesAsync(cancellationToken);
        return SpotCheckResponse.From(check);
    }
}
