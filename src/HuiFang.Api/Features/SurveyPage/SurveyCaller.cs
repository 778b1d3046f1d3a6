using HuiFang.Api.Domain.Surveys;
using HuiFang.Api.Infrastructure.Security;

namespace HuiFang.Api.Features.SurveyPage;

/// <summary>
/// Who the page acts as: the customer answering one invitation, in the invitation's tenant, holding only
/// <c>feedback:write</c>. The audit trail and the events name it "Customer survey (survey:{invitation id})".
/// </summary>
public static class SurveyCaller
{
    public const string Name = "Customer survey";

    public static Caller For(SurveyInvitation invitation) =>
        new(invitation.TenantId, "survey:" + invitation.Id, Name, CallerKind.Survey, new HashSet<string>([Scopes.FeedbackWrite], StringComparer.Ordinal));
}
