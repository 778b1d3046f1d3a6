using System.Text.Json.Nodes;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Features.VisitTasks;
using HuiFang.Api.Features.VisitTasks.AssignVisitTask;
using HuiFang.Api.Features.VisitTasks.CancelVisitTask;
using HuiFang.Api.Features.VisitTasks.CreateVisitTask;
using HuiFang.Api.Features.VisitTasks.CreateVisitTaskBatch;
using HuiFang.Api.Features.VisitTasks.ListVisitTasks;
using HuiFang.Api.Features.VisitTasks.RecordContactAttempt;
using HuiFang.Api.Features.VisitTasks.RescheduleVisitTask;
using Microsoft.OpenApi;

namespace HuiFang.Api.Infrastructure.OpenApi;

/// <summary>
/// Request and response examples for every operation, built from the real contract types so that an
/// example cannot drift from the schema it illustrates.
/// </summary>
internal static class OpenApiExamples
{
    private static readonly DateTimeOffset Completed = new(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly CreateVisitTask CreateExample = new(
        new CustomerInput("C-1001", "王先生", "13812345678", ContactChannel.Phone),
        new ServiceRecordInput("WO-2026-0001", "Repair", "空调故障维修", Completed, "李师傅", "AfterSales"),
        VisitPurpose.AfterSales,
        ContactChannel.Phone,
        "agent-07",
        null,
        null);

    private static readonly VisitTaskResponse TaskExample = new(
        Guid.Parse("019ab7a0-3c00-7000-8000-000000000001"),
        VisitTaskStatus.Assigned,
        new CustomerResponse("C-1001", "王先生", "13812345678", ContactChannel.Phone),
        new ServiceRecordResponse("WO-2026-0001", "Repair", "空调故障维修", Completed, "李师傅", "AfterSales"),
        VisitPurpose.AfterSales,
        ContactChannel.Phone,
        "agent-07",
        new DueWindowResponse(new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), DueRule.AfterSalesWorkingDays),
        new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero),
        false,
        0,
        [],
        null,
        null,
        null,
        new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero),
        1);

    private static readonly Dictionary<string, (object? Request, object Response)> Examples = new()
    {
        ["CreateVisitTask"] = (CreateExample, TaskExample),
        ["CreateVisitTaskBatch"] = (
            new CreateVisitTaskBatch([CreateExample, CreateExample with { Customer = CreateExample.Customer with { Name = "" } }]),
            new BatchResponse(1, 1, [
                new BatchItemResult(0, 201, TaskExample, null),
                new BatchItemResult(1, 400, null, new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["customer.name"] = ["'customer.name' must not be empty."] })
                {
                    Status = 400, Title = "One or more fields are invalid.", Type = "urn:huifang:problem:validation",
                }),
            ])),
        ["GetVisitTask"] = (null, TaskExample),
        ["ListVisitTasks"] = (null, new VisitTaskPage([TaskExample], "NjM5MDAwMDAwMDAwMDAwMDAwOjAxOWFiN2EwM2MwMDcwMDA4MDAwMDAwMDAwMDAwMDAx")),
        ["AssignVisitTask"] = (new AssignVisitTaskRequest("agent-07"), TaskExample),
        ["RescheduleVisitTask"] = (
            new RescheduleVisitTaskRequest(new DateTimeOffset(2026, 11, 26, 14, 0, 0, TimeSpan.FromHours(8)), null),
            TaskExample with { ScheduledFor = new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.Zero), Version = 2 }),
        ["CancelVisitTask"] = (
            new CancelVisitTaskRequest("客户已搬离，工单作废"),
            TaskExample with { Status = VisitTaskStatus.Cancelled, CancellationReason = "客户已搬离，工单作废", Version = 2 }),
        ["RecordContactAttempt"] = (
            new RecordContactAttemptRequest(AttemptOutcome.NoAnswer, "无人接听", null, "agent-07"),
            TaskExample with
            {
                FailedAttempts = 1,
                ScheduledFor = new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero),
                Attempts = [new ContactAttemptResponse(Guid.Parse("019ab7a0-3c00-7000-8000-0000000000a1"), new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero), AttemptOutcome.NoAnswer, "无人接听", null, "agent-07")],
                Version = 2,
            }),
    };

    public static void Apply(OpenApiOperation operation, IList<object> metadata)
    {
        var name = metadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName;
        if (name is null || !Examples.TryGetValue(name, out var example))
        {
            return;
        }

        if (example.Request is not null && operation.RequestBody?.Content is { } requestContent)
        {
            foreach (var media in requestContent.Values)
            {
                media.Example = OpenApiSetup.ToNode(example.Request, request: true);
            }
        }

        foreach (var (status, response) in operation.Responses ?? [])
        {
            var body = status.StartsWith('2') ? example.Response : ProblemExample(name, status);
            foreach (var media in (body is null ? null : response.Content)?.Values ?? [])
            {
                media.Example = OpenApiSetup.ToNode(body!);
            }
        }
    }

    /// <summary>A typical problem for each error status of an operation, as the service writes it.</summary>
    private static object? ProblemExample(string operation, string status)
    {
        const string trace = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00";
        var taskId = TaskExample.Id;
        return status switch
        {
            "400" => new Dictionary<string, object?>
            {
                ["type"] = "urn:huifang:problem:validation",
                ["title"] = "One or more fields are invalid.",
                ["status"] = 400,
                ["detail"] = "See 'errors' for what is wrong with each field.",
                ["errors"] = operation switch
                {
                    "CreateVisitTask" => new Dictionary<string, string[]> { ["customer.name"] = ["'customer.name' must not be empty."], ["serviceRecord.completedAt"] = ["Must not be in the future."] },
                    "CreateVisitTaskBatch" => new Dictionary<string, string[]> { ["items"] = ["A batch holds between 1 and 500 items."] },
                    "ListVisitTasks" => new Dictionary<string, string[]> { ["limit"] = ["Must be between 1 and 200."] },
                    "AssignVisitTask" => new Dictionary<string, string[]> { ["assignee"] = ["'assignee' must not be empty."] },
                    "CancelVisitTask" => new Dictionary<string, string[]> { ["reason"] = ["'reason' must not be empty."] },
                    "RecordContactAttempt" => new Dictionary<string, string[]> { ["callbackAt"] = ["Required when the outcome is CallbackRequested."] },
                    _ => new Dictionary<string, string[]> { ["scheduledFor"] = ["Must be in the future."] },
                },
                ["code"] = "validation",
                ["traceId"] = trace,
            },
            "404" => new Dictionary<string, object?>
            {
                ["type"] = "urn:huifang:problem:visit-task-not-found",
                ["title"] = "Not found",
                ["status"] = 404,
                ["detail"] = $"Visit task {taskId} does not exist.",
                ["code"] = "visit-task-not-found",
                ["traceId"] = trace,
            },
            "409" when operation == "CreateVisitTask" => new Dictionary<string, object?>
            {
                ["type"] = "urn:huifang:problem:do-not-disturb",
                ["title"] = "Conflict",
                ["status"] = 409,
                ["detail"] = $"The customer already has a follow-up within 30 days (task {taskId}). To plan another, send doNotDisturbOverride with a reason.",
                ["code"] = "do-not-disturb",
                ["conflictingTaskId"] = taskId,
                ["conflictingScheduledFor"] = TaskExample.ScheduledFor,
                ["windowDays"] = 30,
                ["traceId"] = trace,
            },
            "409" => new Dictionary<string, object?>
            {
                ["type"] = "urn:huifang:problem:invalid-transition",
                ["title"] = "Invalid state transition",
                ["status"] = 409,
                ["detail"] = "Cannot cancel a visit task that is Cancelled.",
                ["code"] = "invalid-transition",
                ["taskId"] = taskId,
                ["taskStatus"] = "Cancelled",
                ["action"] = "cancel",
                ["traceId"] = trace,
            },
            _ => null,
        };
    }

    /// <summary>The names of the operations that have examples; a test checks every operation is among them.</summary>
    public static IReadOnlyCollection<string> OperationNames => Examples.Keys;

    private static JsonNode? Unused => null;
}
