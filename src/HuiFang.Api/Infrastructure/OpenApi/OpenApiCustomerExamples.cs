using HuiFang.Api.Domain.Customers;
using HuiFang.Api.Features.Customers.DoNotContact;
using HuiFang.Api.Features.Reports;
using HuiFang.Api.Features.Reports.GetSurveyInvitationReport;

namespace HuiFang.Api.Infrastructure.OpenApi;

/// <summary>Examples of a customer's do-not-contact flag and of the survey invitations report, built from the real types.</summary>
internal static class OpenApiCustomerExamples
{
    public static IEnumerable<(string Name, (object? Request, object? Response) Example)> All()
    {
        var at = new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
        var set = new DoNotContactResponse("C-1001", true, at, ContactPreferenceSource.Api, "客户在回访电话中要求不再联系", at, 1);
        yield return ("GetDoNotContact", (null, set));
        yield return ("SetDoNotContact", (new SetDoNotContactRequest("客户在回访电话中要求不再联系"), set));
        yield return ("ClearDoNotContact", (null, set with { DoNotContact = false, Since = null, Source = null, Reason = null, UpdatedAt = at.AddDays(30), Version = 2 }));

        var period = new PeriodResponse(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), "Asia/Shanghai", new DateTimeOffset(2026, 10, 31, 16, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero));
        yield return ("GetSurveyInvitationReport", (null, new Report<SurveyInvitationRow>("survey-invitations", period, ReportGroupBy.Month,
            [new SurveyInvitationRow("2026-11", 180, 12, 96, 60, 12, 70, 0.5714, "Sms"), new SurveyInvitationRow("2026-11", 40, 3, 25, 10, 2, 12, 0.6579, "Email")],
            new SurveyInvitationRow("total", 220, 15, 121, 70, 14, 82, 0.5874), false, at)));
    }

    /// <summary>The problems these operations answer with that the generic examples do not describe.</summary>
    public static object? Problem(string operation, string status) => (operation, status) switch
    {
        ("GetSurveyInvitationReport", "400") => new Dictionary<string, object?>
        {
            ["type"] = "urn:huifang:problem:validation",
            ["title"] = "One or more fields are invalid.",
            ["status"] = 400,
            ["detail"] = "See 'errors' for what is wrong with each field.",
            ["errors"] = new Dictionary<string, string[]> { ["splitBy"] = ["Unknown splitBy 'department'; use: channel (or leave splitBy out)."] },
            ["code"] = "validation",
        },
        ("GetDoNotContact" or "SetDoNotContact" or "ClearDoNotContact", "400") => new Dictionary<string, object?>
        {
            ["type"] = "urn:huifang:problem:validation",
            ["title"] = "One or more fields are invalid.",
            ["status"] = 400,
            ["detail"] = "See 'errors' for what is wrong with each field.",
            ["errors"] = operation == "SetDoNotContact"
                ? new Dictionary<string, string[]> { ["reason"] = ["The length of 'reason' must be 500 characters or fewer. You entered 612 characters."] }
                : new Dictionary<string, string[]> { ["externalId"] = ["The length of 'externalId' must be 64 characters or fewer. You entered 80 characters."] },
            ["code"] = "validation",
        },
        ("SetDoNotContact" or "ClearDoNotContact", "412") => new Dictionary<string, object?>
        {
            ["type"] = "urn:huifang:problem:precondition-failed",
            ["title"] = "Precondition failed",
            ["status"] = 412,
            ["detail"] = "The contact preference of customer 'C-1001' has changed: its ETag is now \"2\". Read it again and retry.",
            ["code"] = "precondition-failed",
            ["currentETag"] = "\"2\"",
        },
        ("SetDoNotContact" or "ClearDoNotContact", "409") => new Dictionary<string, object?>
        {
            ["type"] = "urn:huifang:problem:concurrent-change",
            ["title"] = "Conflict",
            ["status"] = 409,
            ["detail"] = "The contact preference of customer 'C-1001' was changed by another request at the same moment. Read it again and retry.",
            ["code"] = "concurrent-change",
        },
        _ => null,
    };
}
