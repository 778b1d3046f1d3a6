using System.Text.Json.Nodes;

namespace HuiFang.IntegrationTests.VisitTasks;

/// <summary>Request bodies of the visit-task API, used wherever a test needs a valid task.</summary>
internal static class VisitTaskRequests
{
    internal static JsonObject NewTask(
        string customer = "C-1001",
        string workOrder = "WO-2026-0001",
        string purpose = "AfterSales",
        string serviceType = "Repair",
        string? assignee = "agent-07",
        string completedAt = "2026-11-20T10:00:00+08:00") => new()
        {
            ["customer"] = new JsonObject { ["externalId"] = customer, ["name"] = "王先生", ["phone"] = "13812345678", ["preferredChannel"] = "Phone" },
            ["serviceRecord"] = new JsonObject
            {
                ["workOrderNo"] = workOrder,
                ["serviceType"] = serviceType,
                ["description"] = "空调故障维修",
                ["completedAt"] = completedAt,
                ["staff"] = "李师傅",
                ["department"] = "AfterSales",
            },
            ["purpose"] = purpose,
            ["channel"] = "Phone",
            ["assignee"] = assignee,
        };
}
