using HuiFang.Api.Domain.Customers;
using HuiFang.Api.Features.Customers.DoNotContact;

namespace HuiFang.Api.Infrastructure.OpenApi;

/// <summary>Examples of a customer's do-not-contact flag, built from the real types.</summary>
internal static class OpenApiCustomerExamples
{
    public static IEnumerable<(string Name, (object? Request, object? Response) Example)> All()
    {
        var at = new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
        var set = new DoNotContactResponse("C-1001", true, at, ContactPreferenceSource.Api, "客户在回访电话中要求不再联系", at, 1);
        yield return ("GetDoNotContact", (null, set));
        yield return ("SetDoNotContact", (new SetDoNotContactRequest("客户在回访电话中要求不再联系"), set));
        yield return ("ClearDoNotContact", (null, set with { DoNotContact = false, Since = null, Source = null, Reason = null, UpdatedAt = at.AddDays(30), Version = 2 }));
    }

    /// <summary>The problems these operations answer with that the generic examples do not describe.</summary>
    public static object? Problem(string operation, string status) => (operation, status) switch
    {
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
