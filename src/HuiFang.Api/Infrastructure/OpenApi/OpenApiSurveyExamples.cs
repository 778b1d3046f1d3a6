using HuiFang.Api.Domain.Surveys;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Features.Policies;
using HuiFang.Api.Features.Surveys;
using HuiFang.Api.Features.Surveys.CreateSurveyInvitation;
using HuiFang.Api.Features.Surveys.RevokeSurveyInvitation;
using HuiFang.Api.Services.Policies;

namespace HuiFang.Api.Infrastructure.OpenApi;

/// <summary>Examples of survey invitations and the survey policy, built from the real types.</summary>
internal static class OpenApiSurveyExamples
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid TaskId = Guid.Parse("019ab7a0-3c00-7000-8000-000000000001");
    private static readonly Guid InvitationId = Guid.Parse("019ab7a0-3c00-7000-8000-0000000000a1");

    // A made-up token (22 base64url characters) for the example only; real ones come from the random generator.
    private const string ExampleToken = "q8ZkR3vN0tYbW5mJc2HxLA";

    private static readonly SurveyInvitationResponse Open = new(
        InvitationId, TaskId, "C-1001", ContactChannel.Sms, "zh-CN", SurveyInvitationStatus.Open, true, At, At.AddDays(14),
        new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero), null, null, null, null, null, null, null, 1);

    public static IEnumerable<(string Name, (object? Request, object? Response) Example)> All()
    {
        yield return ("CreateSurveyInvitation", (new CreateSurveyInvitationRequest("zh-CN"),
            new CreatedSurveyInvitationResponse(Open, SurveyToken.Link("https://huifang.example.com", ExampleToken), ExampleToken)));
        yield return ("GetSurveyInvitation", (null, Open));
        yield return ("ListSurveyInvitations", (null, new SurveyInvitationList(TaskId, [
            Open,
            Open with
            {
                Id = Guid.Parse("019ab7a0-3c00-7000-8000-0000000000a0"), Status = SurveyInvitationStatus.Revoked, IsOpen = false, CreatedAt = At.AddHours(-1),
                ExpiresAt = At.AddHours(-1).AddDays(14), RemindAt = null, RevokedAt = At, RevocationReason = SurveyRevocationReason.Replaced, Version = 2,
            },
        ])));
        yield return ("RevokeSurveyInvitation", (new RevokeSurveyInvitationRequest("发错号码"),
            Open with { Status = SurveyInvitationStatus.Revoked, IsOpen = false, RemindAt = null, RevokedAt = At.AddHours(1), RevocationReason = SurveyRevocationReason.Revoked, Version = 2 }));

        var policy = SurveyPolicySettings.From(SurveyPolicy.Default);
        yield return ("GetSurveyPolicy", (null, new SurveyPolicyResponse(policy, true, null, 0)));
        var on = new SurveyPolicySettings(AutoInvite: true, AutoInviteChannels: [ContactChannel.Sms, ContactChannel.App], ExpiryDays: 7, ReminderAfterDays: 2);
        yield return ("UpdateSurveyPolicy", (on, new SurveyPolicyResponse(SurveyPolicySettings.From(on.ToPolicy()), false, At, 1)));
    }

    /// <summary>The problem examples of the survey operations; null for the shared ones.</summary>
    public static object? Problem(string operation, string status) => (operation, status) switch
    {
        ("CreateSurveyInvitation", "400") => Validation("language", "Must be zh-CN or en."),
        ("UpdateSurveyPolicy", "400") => Validation("reminderAfterDays", "The reminder must fall before the expiry: fewer than 14 days, or 0 for none."),
        ("RevokeSurveyInvitation", "400") => Validation("reason", "The length of 'reason' must be 500 characters or fewer."),
        ("CreateSurveyInvitation", "409") => OpenApiExamples.Problem(409, "do-not-contact", "Conflict",
            $"The customer of visit task {TaskId} asked not to be contacted: no survey invitation is sent.", ("taskId", TaskId)),
        ("RevokeSurveyInvitation", "409") => OpenApiExamples.Problem(409, "invalid-transition", "Invalid state transition",
            "Cannot revoke a survey invitation that is Answered.", ("invitationId", InvitationId), ("invitationStatus", "Answered"), ("action", "revoke")),
        ("UpdateSurveyPolicy", "409") => OpenApiExamples.Problem(409, "concurrent-change", "Conflict", "The tenant's settings were changed by another request at the same time; read them again and retry."),
        ("UpdateSurveyPolicy", "412") => OpenApiExamples.Problem(412, "precondition-failed", "Precondition failed", "The tenant's settings have changed: their ETag is now \"3\".", ("currentETag", "\"3\"")),
        ("RevokeSurveyInvitation", "412") => OpenApiExamples.Problem(412, "precondition-failed", "Precondition failed",
            $"Survey invitation {InvitationId} has changed: its ETag is now \"2\". Read it again and retry.", ("currentETag", "\"2\"")),
        ("GetSurveyInvitation" or "RevokeSurveyInvitation", "404") => OpenApiExamples.Problem(404, "survey-invitation-not-found", "Not found", $"Survey invitation {InvitationId} does not exist."),
        _ => null,
    };

    private static Dictionary<string, object?> Validation(string field, string message) => new()
    {
        ["type"] = "urn:huifang:problem:validation",
        ["title"] = "One or more fields are invalid.",
        ["status"] = 400,
        ["detail"] = "See 'errors' for what is wrong with each field.",
        ["errors"] = new Dictionary<string, string[]> { [field] = [message] },
        ["code"] = "validation",
        ["traceId"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00",
    };
}
