using System.Text.Json.Nodes;

namespace HuiFang.IntegrationTests.ServiceRecords;

/// <summary>Request bodies of the service-record intake, used wherever a test needs a completed service.</summary>
internal static class ServiceRecordRequests
{
    internal static JsonObject Record(string workOrder, string serviceType, string customer, string completedAt = "2026-11-24T10:00:00+08:00", string? department = "Engineering") => new()
    {
        ["customer"] = new JsonObject { ["externalId"] = customer, ["name"] = "业主 " + customer, ["phone"] = "13800001234" },
        ["serviceRecord"] = new JsonObject
        {
            ["workOrderNo"] = workOrder,
            ["serviceType"] = serviceType,
            ["description"] = "维修",
            ["completedAt"] = completedAt,
            ["department"] = department,
        },
    };
}
