using System.ComponentModel.DataAnnotations;
using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.SpotChecks;
using HuiFang.Api.Infrastructure.Security;
using HuiFang.Api.Services.Changes;
using Mediator;

namespace HuiFang.Api.Features.SpotChecks.JudgeSpotCheckPick;

/// <summary>The reviewer's judgment of one picked visit. Pass = all four true; a failed pick needs a reason.</summary>
/// <param name="Real">The visit really took place (the customer was reached and said what the record says).</param>
/// <param name="Complete">The record's fields are filled.</param>
/// <param name="Objective">The record states what the customer said, without the agent's opinion.</param>
/// <param name="OnTime">The record was entered within 10 minutes of the call.</param>
/// <param name="Reasons">Why, a few words each (at most 10, 200 characters each); at least one when any criterion fails.</param>
/// <param name="Note">Anything else to keep (at most 2000 characters).</param>
public sealed record JudgeSpotCheckPickRequest(
    [property: Required] bool? Real,
    [property: Required] bool? Complete,
    [property: Required] bool? Objective,
    [property: Required] bool? OnTime,
    IReadOnlyList<string>? Reasons = null,
    string? Note = null);

public sealed record JudgeSpotCheckPick(
    Guid Id, Guid PickId, bool? Real, bool? Complete, bool? Objective, bool? OnTime, IReadOnlyList<string>? Reasons, string? Note, IfMatch? IfMatch = null)
    : ICommand<Result<SpotCheckResponse>>, ITransactional;

public sealed class JudgeSpotCheckPickValidator : AbstractValidator<JudgeSpotCheckPick>
{
    public JudgeSpotCheckPickValidator()
    {
        RuleFor(x => x.Real).NotNull();
        RuleFor(x => x.Complete).NotNull();
        RuleFor(x => x.Objective).NotNull();
        RuleFor(x => x.OnTime).NotNull();
        RuleFor(x => x.Reasons)
            .Must(r => r is null || r.Count <= PickJudgment.MaxReasons).WithMessage(_ => Messages.Get("validation.tooManyItems", PickJudgment.MaxReasons));
        RuleForEach(x => x.Reasons).NotEmpty().MaximumLength(PickJudgment.MaxReasonLength);
        RuleFor(x => x.Reasons)
            .Must(r => r is { Count: > 0 }).WithMessage(_ => Messages.Get("spotCheck.reasonRequired"))
            .When(x => x.Real == false || x.Complete == false || x.Objective == false || x.OnTime == false);
        RuleFor(x => x.Note).MaximumLength(FieldLimits.LongText);
    }
}

public sealed class JudgeSpotCheckPickHandler(VersionedChange change, ICurrentCaller caller, TimeProvider clock)
    : ICommandHandler<JudgeSpotCheckPick, Result<SpotCheckResponse>>
{
    public async ValueTask<Result<SpotCheckResponse>> Handle(JudgeSpotCheckPick command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var judgment = new PickJudgment(command.Real!.Value, command.Complete!.Value, command.Objective!.Value, command.OnTime!.Value, command.Reasons ?? [], command.Note);
        var judged = await change.ApplyAsync(
            SpotCheckResource.Instance, command.Id, command.IfMatch, s => s.Judge(command.PickId, judgment, caller.Value!.Display, now), cancellationToken);
        return judged.Map(SpotCheckResponse.From);
    }
}
