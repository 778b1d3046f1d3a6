using FluentValidation;
using HuiFang.Api.Common;
using HuiFang.Api.Domain.Common;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Infrastructure.Persistence;
using HuiFang.Api.Services.Policies;
using HuiFang.Api.Services.Surveys;
using HuiFang.Api.Services.VisitTasks;
using Mediator;

namespace HuiFang.Api.Features.Surveys.CreateSurveyInvitation;

/// <summary>Invite the task's customer to answer a survey from a link.</summary>
/// <param name="Language">The survey page's language, zh-CN or en; by default the survey policy's default language.</param>
public sealed record CreateSurveyInvitationRequest(string? Language = null);

public sealed record CreateSurveyInvitation(Guid TaskId, string? Language) : ICommand<Result<CreatedSurveyInvitationResponse>>, ITransactional;

public sealed class CreateSurveyInvitationValidator : AbstractValidator<CreateSurveyInvitation>
{
    public CreateSurveyInvitationValidator() =>
        RuleFor(x => x.Language).Must(SurveyLanguages.IsKnown).WithMessage(_ => Messages.Get("survey.language"));
}

public sealed class CreateSurveyInvitationHandler(HuiFangDbContext db, DatabaseDialect dialect, SurveyInviting inviting, TimeProvider clock)
    : ICommandHandler<CreateSurveyInvitation, Result<CreatedSurveyInvitationResponse>>
{
    public async ValueTask<Result<CreatedSurveyInvitationResponse>> Handle(CreateSurveyInvitation command, CancellationToken cancellationToken)
    {
        var task = await VisitTaskQueries.ForChangeAsync(db, command.TaskId, cancellationToken);
        if (task is null)
        {
            return VisitTaskErrors.NotFound(command.TaskId);
        }

        // Two invitations asked for at once: the second waits and then replaces the first (one open per task).
        await dialect.LockCustomerAsync(db, task.CustomerExternalId, cancellationToken);
        var invited = await inviting.InviteAsync(task, command.Language, cancellationToken);
        if (!invited.IsSuccess)
        {
            return invited.Error!;
        }

        await db.SaveChangesAsync(cancellationToken);
        var (invitation, token, link) = invited.Value;
        return new CreatedSurveyInvitationResponse(SurveyInvitationResponse.From(invitation, clock.GetUtcNow()), link, token);
    }
}
