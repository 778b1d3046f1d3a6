using System.Text.Json;
using HuiFang.Api.Domain.VisitTasks;
using HuiFang.Api.Features.ApiKeys;
using HuiFang.Api.Features.ApiKeys.CreateApiKey;
using HuiFang.Api.Features.Customers.EraseCustomer;
using HuiFang.Api.Features.Events.ListEvents;
using HuiFang.Api.Features.Tenants;
using HuiFang.Api.Services.Tenants;
using HuiFang.Api.Features.Tenants.UpdateTenantSettings;
using HuiFang.Api.Features.VisitTasks;
using HuiFang.Api.Features.VisitTasks.AssignVisitTask;
using HuiFang.Api.Features.VisitTasks.CancelVisitTask;
using HuiFang.Api.Features.VisitTasks.CreateVisitTask;
using HuiFang.Api.Features.VisitTasks.CreateVisitTaskBatch;
using HuiFang.Api.Features.VisitTasks.GetVisitTaskHistory;
using HuiFang.Api.Services.Audit;
using HuiFang.Api.Features.VisitTasks.ListVisitTasks;
using HuiFang.Api.Features.VisitTasks.RecordContactAttempt;
using HuiFang.Api.Features.VisitTasks.RescheduleVisitTask;
using HuiFang.Api.Infrastructure.Outbox;
using HuiFang.Contracts;
using Microsoft.OpenApi;
using HuiFang.Api.Services.Planning;

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
        new CustomerResponse("C-1001", "王先生", "138****5678", ContactChannel.Phone),
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
        null,
        null,
        1,
        new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero),
        null,
        1);

    private static readonly ApiKeyResponse ApiKeyExample = new(
        Guid.Parse("019ab79f-0000-7000-8000-00000000c001"),
        "CRM production",
        "hfk_Xq3v9Hs0",
        "default",
        ["tasks:read", "tasks:write"],
        ApiKeyStatus.Active,
        new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero),
        "bootstrap admin (019ab79f-0000-7000-8000-00000000c000)",
        null,
        null,
        null,
        null);

    private static readonly CalendarSettings CalendarExample = new(
        "Asia/Shanghai",
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday],
        ["08:30-12:00", "13:00-17:30"],
        ["2026-10-01..2026-10-07"],
        ["2026-10-10"]);

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
        ["GetVisitTaskHistory"] = (null, new VisitTaskHistory(TaskExample.Id, [
            new AuditEntryResponse(
                Guid.Parse("019ab7a0-3c00-7000-8000-0000000000b1"),
                new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero),
                "created",
                new ActorResponse("ApiKey", "019ab79f-0000-7000-8000-00000000c001", "CRM production"),
                1,
                JsonSerializer.SerializeToElement(new { status = "Assigned", purpose = "AfterSales", channel = "Phone", assignee = "agent-07" }),
                null),
            new AuditEntryResponse(
                Guid.Parse("019ab7a0-3c00-7000-8000-0000000000b2"),
                new DateTimeOffset(2026, 11, 25, 1, 5, 0, TimeSpan.Zero),
                "rescheduled",
                new ActorResponse("Jwt", "jwt:callcenter-app", "callcenter-app"),
                2,
                JsonSerializer.SerializeToElement(new { scheduledFor = "2026-11-26T06:00:00+00:00", dueBy = "2026-12-01T10:00:00+00:00" }),
                "客户要求明天下午再联系"),
        ])),
        ["EraseCustomer"] = (new EraseCustomerRequest("DSR-2026-0042"), new ErasureResponse("erased-3f9c0a6e41b27d5598e0c1aa", 3, 4, new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero))),
        ["CreateApiKey"] = (
            new CreateApiKey("CRM production", ["tasks:read", "tasks:write"]),
            new CreatedApiKeyResponse("hfk_Xq3v9Hs0bY7kP1tR4mW8zA2cE6gJ5nL0dF9hK3sU7wQ", ApiKeyExample)),
        ["ListApiKeys"] = (null, new[] { ApiKeyExample with { LastUsedAt = new DateTimeOffset(2026, 11, 25, 1, 59, 0, TimeSpan.Zero) } }),
        ["RevokeApiKey"] = (null, ApiKeyExample with { Status = ApiKeyStatus.Revoked, RevokedAt = new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero), RevokedBy = "bootstrap admin (019ab79f-0000-7000-8000-00000000c000)" }),
        ["GetTenantSettings"] = (null, new TenantSettingsResponse("default", "华东物业服务中心", null, new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero), 1)),
        ["UpdateTenantSettings"] = (
            new UpdateTenantSettingsRequest("华东物业服务中心", CalendarExample),
            new TenantSettingsResponse("default", "华东物业服务中心", CalendarExample, new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero), 2)),
        ["ListEvents"] = (null, EventPageExample()),
    };

    static OpenApiExamples()
    {
        foreach (var (name, example) in OpenApiLoopExamples.All())
        {
            Examples[name] = (example.Request, example.Response!);
        }

        foreach (var (name, example) in OpenApiIntakeExamples.All())
        {
            Examples[name] = (example.Request, example.Response!);
        }

        foreach (var (name, example) in OpenApiCustomerExamples.All())
        {
            Examples[name] = (example.Request, example.Response!);
        }

        foreach (var (name, example) in OpenApiSurveyExamples.All())
        {
            Examples[name] = (example.Request, example.Response!);
        }

        foreach (var (name, example) in OpenApiQuestionnaireExamples.All())
        {
            Examples[name] = (example.Request, example.Response!);
        }

        foreach (var (name, example) in OpenApiSpotCheckExamples.All())
        {
            Examples[name] = (example.Request, example.Response!);
        }

        foreach (var (name, example) in OpenApiReviewExamples.All())
        {
            Examples[name] = (example.Request, example.Response!);
        }

        foreach (var (name, example) in OpenApiCorrectiveActionExamples.All())
        {
            Examples[name] = (example.Request, example.Response!);
        }
    }

    private static EventPage EventPageExample()
    {
        var at = new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);
        var created = new VisitTaskCreated(
            Guid.Parse("019ab7a0-3c00-7000-8000-0000000000e1"),
            at,
            "default",
            TaskExample.Id,
            "C-1001",
            "WO-2026-0001",
            "Repair",
            "AfterSales",
            "AfterSales",
            "Phone",
            "agent-07",
            "Assigned",
            TaskExample.DueWindow.From,
            TaskExample.DueWindow.By,
            TaskExample.ScheduledFor,
            null);
        var position = new EventCursor(1042, 7).Encode();
        return new EventPage(
            [new FeedEvent(position, created.EventId, nameof(VisitTaskCreated), 1, at, true, JsonSerializer.SerializeToElement(created, EventJson.Options))],
            position,
            false);
    }

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
            var body = status.StartsWith('2') ? example.Response : OpenApiCustomerExamples.Problem(name, status) ?? ProblemExample(name, status);
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
        if (OpenApiSurveyExamples.Problem(operation, status) is { } survey)
        {
            return survey;
        }

        if (OpenApiSpotCheckExamples.Problem(operation, status) is { } spotCheck)
        {
            return spotCheck;
        }

        if (OpenApiReviewExamples.Problem(operation, status) is { } review)
        {
            return review;
        }

        if (OpenApiCorrectiveActionExamples.Problem(operation, status) is { } correctiveAction)
        {
            return correctiveAction;
        }

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
                    "ListEvents" => new Dictionary<string, string[]> { ["type"] = ["Unknown event type 'TaskCreated'; known types: VisitTaskCreated, VisitTaskOverdue, …"] },
                    "AssignVisitTask" => new Dictionary<string, string[]> { ["assignee"] = ["'assignee' must not be empty."] },
                    "CancelVisitTask" => new Dictionary<string, string[]> { ["reason"] = ["'reason' must not be empty."] },
                    "RecordContactAttempt" => new Dictionary<string, string[]> { ["callbackAt"] = ["Required when the outcome is CallbackRequested."] },
                    "EraseCustomer" => new Dictionary<string, string[]> { ["reason"] = ["The length of 'reason' must be 500 characters or fewer. You entered 612 characters."] },
                    "CreateApiKey" => new Dictionary<string, string[]> { ["scopes[0]"] = ["'tasks:delete' is not a scope; known scopes: tasks:read, tasks:write, feedback:write, escalations:read, escalations:write, reports:read, events:read, pii:read, pii:erase, admin."] },
                    "UpdateTenantSettings" => new Dictionary<string, string[]> { ["calendar"] = ["calendar.TimeZone 'Mars/Olympus' is not a known IANA time zone."] },
                    "RecordFeedback" => new Dictionary<string, string[]> { ["score"] = ["Must be between 1 and 5."], ["complaintLevel"] = ["Required when the categories include Complaint."] },
                    "CorrectFeedback" => new Dictionary<string, string[]> { ["reason"] = ["'reason' must not be empty."] },
                    "ReplyToInquiry" => new Dictionary<string, string[]> { ["reply"] = ["'reply' must not be empty."] },
                    "ListFeedback" or "ListEscalations" => new Dictionary<string, string[]> { ["limit"] = ["Must be between 1 and 200."] },
                    "OpenEscalation" => new Dictionary<string, string[]> { ["severity"] = ["'severity' must not be empty."] },
                    "AddEscalationProgress" => new Dictionary<string, string[]> { ["note"] = ["'note' must not be empty."] },
                    "PauseEscalation" => new Dictionary<string, string[]> { ["reason"] = ["'reason' must not be empty."] },
                    "ResolveEscalation" => new Dictionary<string, string[]> { ["resolution"] = ["'resolution' must not be empty."] },
                    "ReassignEscalation" => new Dictionary<string, string[]> { ["department"] = ["'department' must not be empty."] },
                    "AcknowledgeEscalation" or "ResumeEscalation" or "RemindEscalation" => new Dictionary<string, string[]> { ["If-Match"] = ["If-Match must be * or a list of entity tags in quotes, e.g. \"3\"."] },
                    "ReceiveServiceRecord" or "ReceiveServiceRecordBatch" => new Dictionary<string, string[]> { ["serviceRecord.completedAt"] = ["Must not be in the future."] },
                    "UpdateFollowUpPolicy" => new Dictionary<string, string[]> { ["rules[1].serviceTypes"] = ["Service type 'Repair' is in both 'routine-by-volume' and 'repairs': a service type may belong to one only."] },
                    "GetSatisfactionReport" or "GetCategoryReport" or "GetVisitReport" or "GetCoverageReport" or "GetSlaReport" or "GetUnsatisfiedList" => new Dictionary<string, string[]> { ["to"] = ["A report covers at most 366 days."] },
                    "CreateQuestionnaire" or "ReplaceQuestionnaire" => new Dictionary<string, string[]> { ["questions"] = ["Exactly one question must be of kind OverallScore."], ["questions[2].options[0].key"] = ["Use a lowercase letter, then lowercase letters, digits, '-' or '_' (at most 40 characters)."] },
                    "GetQuestionnaireVersion" => new Dictionary<string, string[]> { ["version"] = ["'version' must be greater than or equal to '1'."] },
                    "ListQuestionnaires" => new Dictionary<string, string[]> { ["status"] = ["Use exactly one of: Active, Retired."] },
                    "RetireQuestionnaire" => new Dictionary<string, string[]> { ["reason"] = ["The length of 'reason' must be 500 characters or fewer. You entered 612 characters."] },
                    "UpdateEscalationPolicy" => new Dictionary<string, string[]> { ["routes[1]"] = ["routes[1] overlaps routes[0]: both match service type 'Repair' and department '*'."] },
                    _ => new Dictionary<string, string[]> { ["scheduledFor"] = ["Must be in the future."] },
                },
                ["code"] = "validation",
                ["traceId"] = trace,
            },
            "401" => Problem(401, "unauthenticated", "Authentication required", "The API key is unknown, revoked or expired."),
            "403" when operation == "CreateApiKey" => Problem(403, "scope-not-held", "Not allowed", "A key can only be given scopes its creator holds; not held: pii:read.", ("scopesNotHeld", new[] { "pii:read" })),
            "403" => Problem(403, "insufficient-scope", "Not allowed", "This call needs scope 'tasks:write'; the caller has: tasks:read.", ("requiredScope", "tasks:write")),
            "412" when operation.Contains("Escalation", StringComparison.Ordinal) && operation != "UpdateEscalationPolicy" =>
                Problem(412, "precondition-failed", "Precondition failed", "Escalation 019ab7a0-3c00-7000-8000-0000000000e5 has changed: its ETag is now \"3\". Read it again and retry.", ("currentETag", "\"3\"")),
            "412" when operation is "UpdateTenantSettings" or "UpdateEscalationPolicy" or "UpdateFollowUpPolicy" => Problem(412, "precondition-failed", "Precondition failed", "The tenant's settings have changed: their ETag is now \"3\".", ("currentETag", "\"3\"")),
            "412" when operation.Contains("Questionnaire", StringComparison.Ordinal) =>
                Problem(412, "precondition-failed", "Precondition failed", $"Questionnaire {OpenApiQuestionnaireExamples.QuestionnaireId} has changed (now \"3\"); read it again and retry with its current ETag.", ("currentETag", "\"3\"")),
            "404" when operation == "GetQuestionnaireVersion" =>
                Problem(404, "questionnaire-version-not-found", "Not found", $"Questionnaire {OpenApiQuestionnaireExamples.QuestionnaireId} has no version 7."),
            "404" when operation.Contains("Questionnaire", StringComparison.Ordinal) =>
                Problem(404, "questionnaire-not-found", "Not found", $"Questionnaire {OpenApiQuestionnaireExamples.QuestionnaireId} does not exist."),
            "409" when operation == "RetireQuestionnaire" =>
                Problem(409, "concurrent-change", "Conflict", $"Questionnaire {OpenApiQuestionnaireExamples.QuestionnaireId} was changed by another request at the same time; read it again and retry."),
            "409" when operation == "ReplaceQuestionnaire" =>
                Problem(409, "questionnaire-retired", "Conflict", $"Questionnaire {OpenApiQuestionnaireExamples.QuestionnaireId} is retired; create a new one instead."),
            "409" when operation == "CreateQuestionnaire" =>
                Problem(409, "questionnaire-selector-taken", "Conflict", $"Questionnaire {OpenApiQuestionnaireExamples.QuestionnaireId} is already active for purpose AfterSales, service type Repair and channel Sms; replace or retire it first.",
                    ("conflictingQuestionnaireId", OpenApiQuestionnaireExamples.QuestionnaireId)),
            "412" => Problem(412, "precondition-failed", "Precondition failed", $"Visit task {taskId} has changed: its ETag is now \"3\". Read it again and retry.", ("currentETag", "\"3\"")),
            "422" => Problem(422, "idempotency-key-reused", "Request cannot be processed", "Idempotency-Key '6f1c2b0e-93d4-4f5e-8a1b-2c3d4e5f6a7b' was already used for a different request; use a new key for a new request."),
            "410" => Problem(410, "cursor-expired", "No longer available", "Events after this cursor may have been purged: published events are kept for 14 days. Read the feed again from the start (no 'after') and skip events by eventId."),
            "429" => Problem(429, "rate-limited", "Too many requests", "The caller's request rate limit is exhausted; retry after 1 s."),
            "503" => Problem(503, "overloaded", "Service busy", "The service has more requests waiting than it queues; retry after 1 s."),
            "408" => Problem(408, "body-timeout", "Request body too slow", "The request body did not arrive in full within 60 s."),
            "413" => Problem(413, "body-too-large", "Request body too large", "The request body must not exceed 4194304 bytes."),
            "414" => Problem(414, "uri-too-long", "Request URL too long", "The path and query must not exceed 8192 bytes."),
            "415" => Problem(415, "unsupported-media-type", "The request failed with status 415.", "Send the body as application/json."),
            "431" => Problem(431, "headers-too-large", "Request headers too large", "The request headers must not exceed 32768 bytes in total."),
            "409" when operation is "UpdateTenantSettings" or "UpdateEscalationPolicy" or "UpdateFollowUpPolicy" =>
                Problem(409, "concurrent-change", "Conflict", "The tenant's settings were changed by another request at the same time; read them again and retry."),
            "409" when operation is "CreateVisitTaskBatch" or "EraseCustomer" or "CreateApiKey" =>
                Problem(409, "idempotency-key-in-flight", "Conflict", "A request with this Idempotency-Key is still being processed; retry shortly to get its response."),
            "404" when operation.Contains("Escalation", StringComparison.Ordinal) && operation != "OpenEscalation" =>
                Problem(404, "escalation-not-found", "Not found", "Escalation 019ab7a0-3c00-7000-8000-0000000000e5 does not exist."),
            "404" when operation == "GetServiceRecord" =>
                Problem(404, "service-record-not-found", "Not found", "No service record with work-order number 'WO-20261124-0137'."),
            "409" when operation == "ReceiveServiceRecord" =>
                Problem(409, "service-record-conflict", "Conflict", "Work order 'WO-20261124-0137' was already received with a different customer, service type or completion time; the first report stands.", ("workOrderNo", "WO-20261124-0137")),
            "404" when operation is "GetFeedback" or "CorrectFeedback" or "ReplyToInquiry" =>
                Problem(404, "feedback-not-found", "Not found", "Feedback 019ab7a0-3c00-7000-8000-0000000000f1 does not exist."),
            "409" when operation == "ResolveEscalation" =>
                Problem(409, "escalation-not-acknowledged", "Invalid state transition", "Escalation 019ab7a0-3c00-7000-8000-0000000000e5 was never acknowledged: acknowledge it (first response) before resolving it.",
                    ("escalationId", "019ab7a0-3c00-7000-8000-0000000000e5"), ("escalationStatus", "Open"), ("action", "resolve")),
            "409" when operation == "OpenEscalation" =>
                Problem(409, "escalation-already-open", "Conflict", $"Visit task {taskId} already has an escalation that is not closed (019ab7a0-3c00-7000-8000-0000000000e5); add to it instead.",
                    ("existingEscalationId", "019ab7a0-3c00-7000-8000-0000000000e5")),
            "409" when operation.Contains("Escalation", StringComparison.Ordinal) =>
                Problem(409, "invalid-transition", "Invalid state transition", "Cannot pause an escalation that is Paused.",
                    ("escalationId", "019ab7a0-3c00-7000-8000-0000000000e5"), ("escalationStatus", "Paused"), ("action", "pause")),
            "409" when operation == "CorrectFeedback" =>
                Problem(409, "feedback-superseded", "Conflict", "Feedback 019ab7a0-3c00-7000-8000-0000000000f1 was already corrected by 019ab7a0-3c00-7000-8000-0000000000f2; correct the newest record.",
                    ("supersededBy", "019ab7a0-3c00-7000-8000-0000000000f2")),
            "409" when operation == "ReplyToInquiry" =>
                Problem(409, "no-open-inquiry", "Conflict", "Feedback 019ab7a0-3c00-7000-8000-0000000000f1 has no unanswered inquiry to reply to."),
            "409" when operation == "RecordFeedback" =>
                Problem(409, "invalid-transition", "Invalid state transition", "Cannot record-feedback a visit task that is Completed.",
                    ("taskId", taskId), ("taskStatus", "Completed"), ("action", "record-feedback")),
            "404" when operation == "RevokeApiKey" => Problem(404, "api-key-not-found", "Not found", "API key 019ab79f-0000-7000-8000-00000000c001 does not exist."),
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

    internal static Dictionary<string, object?> Problem(int status, string code, string title, string detail, params (string Key, object? Value)[] extensions)
    {
        var problem = new Dictionary<string, object?>
        {
            ["type"] = "urn:huifang:problem:" + code,
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
            ["code"] = code,
        };
        foreach (var (key, value) in extensions)
        {
            problem[key] = value;
        }

        problem["traceId"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00";
        return problem;
    }

    /// <summary>The names of the operations that have examples; a test checks every operation is among them.</summary>
    public static IReadOnlyCollection<string> OperationNames => Examples.Keys;
}
